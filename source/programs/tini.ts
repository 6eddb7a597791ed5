// tini (R-SUP-2): blocks signals and loops on sigtimedwait (1 s); forwards every signal but SIGCHLD
// and the fault signals to its child (`group`: to its process group); reaps every child; exits with
// the main child's code (128+N if signalled) as soon as that child is reaped.
import {faultSignals, type Program, type SignalName, type Syscall, signalNames} from '../kernel/index.js';
import {commOf, params, specCall} from './params.js';
import {exitCodeOf, isReapReturn, reaped, reapOnce} from './reaping.js';

export const waited: SignalName[] = signalNames.filter(
	(s) => s !== 'SIGKILL' && s !== 'SIGSTOP' && !faultSignals.has(s),
);

const wait: Syscall = {call: 'sigwait', signals: waited, timeoutMs: 1000, reply: 'sig'};

export const tini: Program = {
	name: 'tini',
	parameters: ['service', 'subreaper', 'group'],
	summary: 'tini: forwards signals to its child, reaps every zombie, exits with the child’s code',
	react(raw, state, event, env) {
		const p = params(raw);
		const child = Number(state.child ?? 0);
		switch (event.type) {
			case 'start': {
				const calls: Syscall[] = [];
				if (p.subreaper) calls.push({call: 'prctl', option: 'PR_SET_CHILD_SUBREAPER', value: true});
				else if (env.nsPid !== 1)
					calls.push({
						call: 'write',
						text: "[WARN  tini] Tini is not running as PID 1 and isn't registered as a child subreaper.",
					});
				calls.push({call: 'sigprocmask', how: 'block', signals: waited});
				if (p.service) {
					calls.push({
						call: 'fork',
						program: specCall(p.service),
						comm: commOf(p.service),
						resetMask: true,
						setsid: true,
						reply: 'child',
					});
				}
				calls.push(wait);
				return {calls};
			}
			case 'return': {
				if (event.reply === 'child') return {state: {child: event.value}};
				if (event.reply === 'sig') {
					const value = event.value as {signal: SignalName} | undefined;
					const forward: Syscall[] =
						value && value.signal !== 'SIGCHLD' && child > 0
							? [{call: 'kill', pid: p.group ? -child : child, signal: value.signal}]
							: [];
					return {calls: [...forward, reapOnce()]};
				}
				if (isReapReturn(event)) {
					const done = reaped(event);
					if (done && done.pid === child) return {calls: [{call: 'exit', code: exitCodeOf(done.status)}]};
					return {calls: [done ? reapOnce() : wait]};
				}
				return {};
			}
			default:
				return {};
		}
	},
};
