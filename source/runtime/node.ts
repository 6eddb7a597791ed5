// The node's own daemons: containerd and the kubelet, children of the host init.
import {forkProcess, proc} from '../kernel/index.js';
import type {RtCtx} from './context.js';

export function startNodeDaemons(r: RtCtx): void {
	const init = proc(r.k, 1)!;
	for (const [comm, key] of [
		['containerd', 'containerd'],
		['kubelet', 'kubelet'],
	] as const) {
		const result = forkProcess(r.k, init, {program: {name: 'daemon'}, comm, argv: [`/usr/bin/${comm}`]});
		if ('child' in result) r.rt[key] = result.child.hostPid;
	}
}
