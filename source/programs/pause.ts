// pause.c (R-POD-3): SIGINT/SIGTERM → exit(0); SIGCHLD → waitpid(-1, WNOHANG) loop; else pause().
import type {Program} from '../kernel/index.js';
import {isReapReturn, reaped, reapOnce} from './reaping.js';

export const pause: Program = {
	name: 'pause',
	parameters: [],
	summary: 'the pod sandbox: exits 0 on TERM/INT, reaps every child on SIGCHLD (pause.c)',
	react(_params, _state, event) {
		switch (event.type) {
			case 'start':
				return {
					calls: [
						{call: 'sigaction', signal: 'SIGINT', action: 'handle'},
						{call: 'sigaction', signal: 'SIGTERM', action: 'handle'},
						{call: 'sigaction', signal: 'SIGCHLD', action: 'handle'},
						reapOnce(),
					],
				};
			case 'signal':
				if (event.signal === 'SIGCHLD') return {calls: [reapOnce()]};
				return {calls: [{call: 'exit', code: 0}]};
			case 'return':
				if (isReapReturn(event) && reaped(event)) return {calls: [reapOnce()]};
				return {calls: [{call: 'pause'}]};
			default:
				return {};
		}
	},
};
