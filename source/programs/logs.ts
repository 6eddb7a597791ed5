// A log writer and a log collector sharing a file on a volume (an emptyDir in a pod).
import type {Program} from '../kernel/index.js';
import {params} from './params.js';
import {setupCalls, setupParameters} from './setup.js';

const defaultFile = '/var/log/app/app.log';

export const logWriter: Program = {
	name: 'log-writer',
	parameters: [...setupParameters, 'interval', 'file', 'messages', 'exitCode'],
	summary: 'writes a log line to a file every interval',
	react(raw, state, event, env) {
		const p = params(raw);
		const interval = p.interval ?? 1000;
		if (event.type === 'start')
			return {calls: [...setupCalls(p), {call: 'sleep', ms: interval, reply: 'tick'}]};
		if (event.type === 'return' && event.reply === 'tick') {
			const n = Number(state.n ?? 0) + 1;
			const line = `${(env.now / 1000).toFixed(1)}s INFO request ${n} served`;
			const done = p.messages !== undefined && n >= p.messages;
			return {
				state: {n},
				calls: [
					{call: 'appendFile', path: p.file ?? defaultFile, line},
					done ? {call: 'exit', code: p.exitCode ?? 0} : {call: 'sleep', ms: interval, reply: 'tick'},
				],
			};
		}
		if (event.type === 'signal') return {calls: [{call: 'exit', code: 0}]};
		return {};
	},
};

export const logCollector: Program = {
	name: 'log-collector',
	parameters: ['interval', 'file', 'handle'],
	summary: 'reads new lines of a shared log file every interval and forwards them',
	react(raw, state, event) {
		const p = params(raw);
		const interval = p.interval ?? 1000;
		const tick = {call: 'sleep', ms: interval, reply: 'tick'} as const;
		if (event.type === 'start')
			return {
				calls: [
					...(p.handle
						? p.handle.map((signal) => ({call: 'sigaction', signal, action: 'handle'}) as const)
						: []),
					tick,
				],
			};
		if (event.type === 'signal')
			return {
				calls: [
					{call: 'write', text: 'collector: flushing and exiting'},
					{call: 'exit', code: 0},
				],
			};
		if (event.type !== 'return') return {};
		if (event.reply === 'tick')
			return {
				calls: [
					{call: 'readFile', path: p.file ?? defaultFile, from: Number(state.offset ?? 0), reply: 'read'},
				],
			};
		if (event.reply === 'read') {
			if (event.errno) return {calls: [tick]};
			const {lines, next} = event.value as {lines: string[]; next: number};
			return {
				state: {offset: next},
				calls: [...lines.map((line) => ({call: 'write', text: `forwarded: ${line}`}) as const), tick],
			};
		}
		return {};
	},
};
