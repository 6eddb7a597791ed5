// sleep(1): no handlers, never reaps; exits 0 when its time is up.
import type {Program, Syscall} from '../kernel/index.js';
import {params} from './params.js';
import {setupCalls, setupParameters} from './setup.js';

export const sleep: Program = {
	name: 'sleep',
	parameters: [...setupParameters, 'seconds', 'exitCode'],
	summary: 'sleep N: no handlers, never reaps, exits 0 after N seconds (or never)',
	react(raw, _state, event) {
		const p = params(raw);
		if (event.type === 'start') {
			const wait: Syscall =
				p.seconds === undefined ? {call: 'pause'} : {call: 'sleep', ms: p.seconds * 1000, reply: 'done'};
			return {calls: [...setupCalls(p), wait]};
		}
		if (event.type === 'return' && event.reply === 'done') return {calls: [{call: 'exit', code: 0}]};
		if (event.type === 'timer') return {calls: [{call: 'exit', code: p.exitCode ?? 0}]};
		return {};
	},
};
