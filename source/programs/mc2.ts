// The mc2 example: a producer writes random two-hex-digit messages to a SysV queue, then "done";
// the consumer reads until "done". Each prints `Produced: xx` / `Consumed: xx` (R-IPC-1, R-IPC-6).
import type {Message, Program, Reaction, Syscall} from '../kernel/index.js';
import {params} from './params.js';

const defaultKey = 1;

/** Both ends create the queue if it is not there yet (msgget with IPC_CREAT, R-IPC-1). */
function openQueue(key: number | undefined): Reaction {
	return {calls: [{call: 'msgget', key: key ?? defaultKey, create: true, reply: 'queue'}]};
}

/** A failed call ends the program with exit code 1, saying which call and why. */
function fail(who: string, call: string, errno: string): Reaction {
	return {
		calls: [
			{call: 'write', text: `${who}: ${call}: ${errno}`},
			{call: 'exit', code: 1},
		],
	};
}

export const producer: Program = {
	name: 'producer',
	parameters: ['key', 'messages', 'interval'],
	summary: 'mc2 producer: sends random two-hex-digit messages to a SysV queue, then "done"',
	react(raw, state, event, env) {
		const p = params(raw);
		const interval = p.interval ?? 1000;
		const total = p.messages ?? 10;
		switch (event.type) {
			case 'start':
				return openQueue(p.key);
			case 'return': {
				if (event.errno) return fail('producer', event.call, event.errno);
				if (event.reply === 'queue')
					return {
						state: {queue: event.value, sent: 0},
						calls: [{call: 'sleep', ms: interval, reply: 'tick'}],
					};
				if (event.reply !== 'tick') return {};
				const sent = Number(state.sent ?? 0);
				const msqid = Number(state.queue);
				if (sent >= total) {
					return {
						calls: [
							{call: 'msgsnd', msqid, mtype: 1, size: 4, text: 'done'},
							{call: 'write', text: 'Produced: done'},
							{call: 'exit', code: 0},
						],
					};
				}
				const text = Math.floor(env.random() * 256)
					.toString(16)
					.padStart(2, '0');
				const calls: Syscall[] = [
					{call: 'msgsnd', msqid, mtype: 1, size: 2, text, reply: 'sent'},
					{call: 'write', text: `Produced: ${text}`},
					{call: 'sleep', ms: interval, reply: 'tick'},
				];
				return {state: {...state, sent: sent + 1}, calls};
			}
			default:
				return {};
		}
	},
};

export const consumer: Program = {
	name: 'consumer',
	parameters: ['key'],
	summary: 'mc2 consumer: reads the SysV queue until "done", printing each message',
	react(raw, state, event) {
		const p = params(raw);
		const receive = (queue: unknown): Syscall => ({call: 'msgrcv', msqid: Number(queue), reply: 'message'});
		switch (event.type) {
			case 'start':
				return openQueue(p.key);
			case 'return': {
				if (event.errno) return fail('consumer', event.call, event.errno);
				if (event.reply === 'queue') return {state: {queue: event.value}, calls: [receive(event.value)]};
				if (event.reply !== 'message') return {};
				const message = event.value as Message;
				if (message.text === 'done')
					return {
						calls: [
							{call: 'write', text: 'Consumed: done'},
							{call: 'exit', code: 0},
						],
					};
				return {
					calls: [
						{call: 'write', text: `Consumed: ${message.text ?? `${message.size} bytes`}`},
						receive(state.queue),
					],
				};
			}
			default:
				return {};
		}
	},
};
