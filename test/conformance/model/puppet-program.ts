// The simulated twin of driver.py's puppet: a program that does nothing by itself (the adapter
// makes it call), remembers what its calls returned and which handled signals reached it, and can
// behave like pause.c (reap on SIGCHLD, exit 0 on TERM/INT) or like a reaping shell.
import type {Errno, Program, Syscall} from '../../../source/kernel/index.js';

export const puppetName = 'conformance-puppet';

export type Returned = {value?: unknown; errno?: Errno};
export type PuppetState = {returns?: Record<string, Returned>; signals?: string[]};

const reap: Syscall = {call: 'wait', pid: -1, nohang: true, reply: 'reap'};

export const puppetProgram: Program = {
	name: puppetName,
	summary: 'a labelled process of a conformance case: makes the calls the case asks for',
	react(params, state, event) {
		const behaviour = String(params.behaviour ?? 'idle');
		const reaps = behaviour === 'pause' || behaviour === 'reaper';
		const own = state as PuppetState;
		switch (event.type) {
			case 'start': {
				if (!reaps) return {};
				const calls: Syscall[] = [{call: 'sigaction', signal: 'SIGCHLD', action: 'handle'}];
				if (behaviour === 'pause') {
					calls.push({call: 'sigaction', signal: 'SIGTERM', action: 'handle'});
					calls.push({call: 'sigaction', signal: 'SIGINT', action: 'handle'});
				}
				return {calls: [...calls, reap]};
			}
			case 'signal':
				// pause.c: SIGCHLD -> waitpid(-1, WNOHANG) loop; SIGTERM/SIGINT -> exit(0) (R-ZOMB-8, R-POD-3).
				if (reaps && event.signal === 'SIGCHLD') return {calls: [reap]};
				if (behaviour === 'pause' && (event.signal === 'SIGTERM' || event.signal === 'SIGINT')) {
					return {calls: [{call: 'exit', code: 0}]};
				}
				return {state: {...own, signals: [...(own.signals ?? []), event.signal]}};
			case 'return': {
				if (event.reply === 'reap') {
					const got = event.value as {pid?: number} | undefined;
					return got?.pid ? {calls: [reap]} : {};
				}
				const returned: Returned = {value: event.value, errno: event.errno};
				return {state: {...own, returns: {...own.returns, [event.reply]: returned}}};
			}
			default:
				return {};
		}
	},
};
