// Node daemons: the host init and containerd-shim reap whatever they are given (R-REAP-3,
// R-POD-6); containerd and the kubelet just run.
import type {Program} from '../kernel/index.js';
import {isReapReturn, reaped, reapOnce} from './reaping.js';

function reaper(name: string, summary: string, subreaper: boolean): Program {
	return {
		name,
		summary,
		react(_params, _state, event) {
			switch (event.type) {
				case 'start':
					return {
						calls: [
							...(subreaper ? [{call: 'prctl', option: 'PR_SET_CHILD_SUBREAPER', value: true} as const] : []),
							{call: 'sigaction', signal: 'SIGCHLD', action: 'handle'},
							{call: 'pause'},
						],
					};
				case 'signal':
					return {calls: event.signal === 'SIGCHLD' ? [reapOnce()] : [{call: 'pause'}]};
				case 'return':
					return {calls: isReapReturn(event) && reaped(event) ? [reapOnce()] : [{call: 'pause'}]};
				default:
					return {};
			}
		},
	};
}

export const init = reaper('init', "the host's PID 1: reaps every orphan it adopts", false);
export const shim = reaper(
	'shim',
	'containerd-shim: a child subreaper that reaps container inits (R-POD-6)',
	true,
);

export const daemon: Program = {
	name: 'daemon',
	summary: 'a node daemon (containerd, kubelet): runs and waits',
	react(_params, _state, event) {
		return event.type === 'start' ? {calls: [{call: 'pause'}]} : {};
	},
};
