// dumb-init (R-SUP-3): runs its child in a new session and forwards each signal to the child's
// process group (`single`: to the child only), rewriting per `rewrite`; reaps on SIGCHLD; when the
// main child exits it sends SIGTERM to the rest of the group and exits with the child's status.
import type {Program, SignalName, Syscall} from '../kernel/index.js';
import {parseSignal} from '../kernel/index.js';
import {commOf, params, specCall} from './params.js';
import {exitCodeOf, isReapReturn, reaped, reapOnce} from './reaping.js';

const forwarded: SignalName[] = [
	'SIGHUP',
	'SIGINT',
	'SIGQUIT',
	'SIGUSR1',
	'SIGUSR2',
	'SIGTERM',
	'SIGWINCH',
	'SIGCONT',
	'SIGALRM',
];

export const dumbInit: Program = {
	name: 'dumb-init',
	parameters: ['service', 'single', 'rewrite'],
	summary: "dumb-init: forwards signals to its child's process group, reaps, exits with the child's status",
	react(raw, state, event) {
		const p = params(raw);
		const child = Number(state.child ?? 0);
		switch (event.type) {
			case 'start': {
				const calls: Syscall[] = forwarded.map(
					(signal) => ({call: 'sigaction', signal, action: 'handle'}) as const,
				);
				calls.push({call: 'sigaction', signal: 'SIGCHLD', action: 'handle'});
				if (p.service)
					calls.push({
						call: 'fork',
						program: specCall(p.service),
						comm: commOf(p.service),
						setsid: true,
						reply: 'child',
					});
				calls.push({call: 'pause'});
				return {calls};
			}
			case 'signal': {
				if (event.signal === 'SIGCHLD') return {calls: [reapOnce()]};
				const rewritten = rewrite(p.rewrite, event.signal);
				const calls: Syscall[] =
					rewritten && child > 0 ? [{call: 'kill', pid: p.single ? child : -child, signal: rewritten}] : [];
				return {calls: [...calls, {call: 'pause'}]};
			}
			case 'return': {
				if (event.reply === 'child') return {state: {child: event.value}};
				if (isReapReturn(event)) {
					const done = reaped(event);
					if (done && done.pid === child) {
						return {
							calls: [
								{call: 'kill', pid: -child, signal: 'SIGTERM'},
								{call: 'exit', code: exitCodeOf(done.status)},
							],
						};
					}
					return {calls: [done ? reapOnce() : {call: 'pause'}]};
				}
				return {calls: [{call: 'pause'}]};
			}
			default:
				return {};
		}
	},
};

function rewrite(map: Record<string, string> | undefined, signal: SignalName): SignalName | undefined {
	const target = map?.[signal];
	if (target === undefined) return signal;
	if (target === '0') return undefined;
	return parseSignal(target) ?? signal;
}
