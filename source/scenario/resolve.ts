// Targets against a world: `pod/container`, `pod/container#N`, `pid:N`, `comm:NAME`.
import {getProcess, type Kernel, type Process, processByComm, processInNs} from '../kernel/index.js';
import type {RuntimeState} from '../runtime/index.js';
import type {Target} from './target.js';

export function resolveTarget(kernel: Kernel, runtime: RuntimeState, target: Target): Process | undefined {
	switch (target.kind) {
		case 'host-pid':
			return getProcess(kernel, target.pid);
		case 'comm':
			return processByComm(kernel, target.comm);
		case 'container':
		case 'ns-pid': {
			const pod = runtime.pods[target.pod];
			const c = pod?.containers.find((x) => x.name === target.container);
			// `pod/POD` is the pod's pause, whether or not its PID namespace is shared (R-POD-1).
			const pid = target.container === 'POD' ? pod?.sandbox?.pause : c?.pid;
			const main = pid === undefined ? undefined : getProcess(kernel, pid);
			if (target.kind === 'container') return main;
			if (!main) return undefined;
			return processInNs(kernel, main.ns.pid, target.pid);
		}
	}
}
