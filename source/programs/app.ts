// A plain application: does what its parameters say and nothing else. It reaps only when told
// (`reaps`), so as PID 1 it collects zombies (R-ZOMB-5); without handlers, as PID 1 it ignores
// SIGTERM (R-SIG-1, R-SIG-2).
import type {Program} from '../kernel/index.js';
import {params} from './params.js';
import {isReapReturn, reaped, reapOnce} from './reaping.js';
import {exitTimer, setupCalls, setupParameters} from './setup.js';

export const app: Program = {
	name: 'app',
	parameters: [...setupParameters, 'exitCode'],
	summary: 'a plain app: optional handlers, children, threads, exit after a time; reaps only if told',
	react(raw, _state, event) {
		const p = params(raw);
		switch (event.type) {
			case 'start':
				return {calls: [...setupCalls(p), {call: 'pause'}]};
			case 'timer':
				return event.tag === exitTimer ? {calls: [{call: 'exit', code: p.exitCode ?? 0}]} : {};
			case 'signal':
				if (event.signal === 'SIGCHLD') return p.reaps ? {calls: [reapOnce()]} : {calls: [{call: 'pause'}]};
				// A handler: clean up and exit 0, as a well-behaved app does on SIGTERM.
				return {calls: [{call: 'exit', code: 0}]};
			case 'return':
				if (isReapReturn(event)) return {calls: reaped(event) ? [reapOnce()] : [{call: 'pause'}]};
				return {calls: [{call: 'pause'}]};
		}
	},
};
