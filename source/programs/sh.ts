// A shell running `sh -c 'cmd'` (R-ZOMB-7): while it waits for its foreground command it reaps
// ANY child (waitpid(-1)); once that is done it exits with its status, or execs `execAfter`, after
// which nothing reaps. A `trap` is a handler, and exec resets it (R-SIG-5).
import type {Program, Syscall} from '../kernel/index.js';
import {commOf, params, specCall} from './params.js';
import {exitCodeOf, type Reaped} from './reaping.js';
import {setupCalls, setupParameters} from './setup.js';

export const sh: Program = {
	name: 'sh',
	parameters: [...setupParameters, 'service', 'execAfter'],
	summary: 'sh -c: reaps any child while it waits for its foreground command, then exits or execs',
	react(raw, state, event) {
		const p = params(raw);
		const next = (code = 0): Syscall[] =>
			p.execAfter
				? [{call: 'exec', program: specCall(p.execAfter), comm: commOf(p.execAfter)}]
				: [{call: 'exit', code}];
		switch (event.type) {
			case 'start': {
				const calls = setupCalls(p);
				if (!p.service) return {calls: [...calls, ...(p.execAfter ? next() : [{call: 'pause'} as const])]};
				return {
					calls: [
						...calls,
						{call: 'fork', program: specCall(p.service), comm: commOf(p.service), reply: 'fg'},
					],
				};
			}
			case 'return':
				if (event.reply === 'fg') {
					if (event.errno) return {calls: [{call: 'exit', code: 2}]};
					return {state: {fg: event.value}, calls: [{call: 'wait', pid: -1, reply: 'waited'}]};
				}
				if (event.reply === 'waited') {
					if (event.errno === 'ECHILD') return {calls: next()};
					if (event.errno) return {calls: [{call: 'wait', pid: -1, reply: 'waited'}]};
					const child = event.value as Reaped;
					if (child.pid === state.fg)
						return {state: {...state, code: exitCodeOf(child.status)}, calls: next(exitCodeOf(child.status))};
					return {calls: [{call: 'wait', pid: -1, reply: 'waited'}]};
				}
				return {};
			case 'signal':
				// A trap: the handler ends the shell.
				return event.signal === 'SIGCHLD' ? {} : {calls: [{call: 'exit', code: 0}]};
			default:
				return {};
		}
	},
};
