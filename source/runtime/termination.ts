// Stopping containers and pods (R-TERM): preStop, the stop signal from the node, the grace period,
// SIGKILL at the deadline; sidecars after the main containers, in reverse order; pause last.
import {addTimer, emit, forceKill, parseSignal, sendSignal, tableGet} from '../kernel/index.js';
import {newStatus} from './containers.js';
import {containerSpec, podEvent, type RtCtx} from './context.js';
import {createPod, syncPod} from './pods.js';
import {startSandbox} from './sandbox.js';
import type {ContainerStatus, PodState} from './types.js';

/** R-TERM-2: preStop first (a sleep hook takes its time on the grace clock), then the stop signal. */
export function stopContainer(r: RtCtx, pod: PodState, c: ContainerStatus, message: string): void {
	if (c.state !== 'running' || c.stopping) return;
	c.stopping = true;
	podEvent(r, pod, 'Normal', 'Killing', message, 'R-TERM-2');
	// The grace clock starts now, preStop included (a pod that is ending has one deadline for all).
	if (!pod.ending) {
		const grace = pod.spec.terminationGracePeriodSeconds * 1000;
		addTimer(r.k, r.k.k.now + grace, 'runtime', 'container-deadline', undefined, {
			pod: pod.name,
			uid: pod.uid,
			container: c.name,
			startedAt: c.startedAt,
		});
	}
	const hook = containerSpec(pod, c.name).preStop;
	if (hook?.kind === 'sleep') {
		addTimer(r.k, r.k.k.now + hook.seconds * 1000, 'runtime', 'prestop', undefined, {
			pod: pod.name,
			uid: pod.uid,
			container: c.name,
		});
		return;
	}
	sendStopSignal(r, pod, c);
}

/** The stop signal goes from the node to the main process: a PID 1 without a handler drops it (R-SIG-2). */
export function sendStopSignal(r: RtCtx, pod: PodState, c: ContainerStatus): void {
	const main = c.pid === undefined ? undefined : tableGet(r.k.k.procs, c.pid);
	if (!main) return;
	const signal = parseSignal(containerSpec(pod, c.name).stopSignal ?? 'SIGTERM') ?? 'SIGTERM';
	sendSignal(r.k, 'host', main, signal);
}

/** R-TERM-1: delete, or recreate after a spec change, or tear down a dead sandbox (R-POD-8). */
export function beginEnding(r: RtCtx, pod: PodState, ending: NonNullable<PodState['ending']>): void {
	if (pod.ending) return;
	pod.ending = ending;
	if (ending.kind !== 'sandbox') pod.deletionTimestamp = r.k.k.now;
	const grace = pod.spec.terminationGracePeriodSeconds * 1000;
	emit(
		r.k,
		ending.kind === 'recreate' ? ending.rule : ending.kind === 'sandbox' ? 'R-POD-8' : 'R-TERM-1',
		'pod-ending',
		ending.kind === 'recreate'
			? `pod ${pod.name} is recreated: ${ending.why}; pods are immutable, so the old one is terminated first (grace period ${grace / 1000}s)`
			: ending.kind === 'sandbox'
				? `pod ${pod.name}: the kubelet kills every container of the dead sandbox before it makes a new one`
				: `pod ${pod.name} deleted: deletionTimestamp set, grace period ${grace / 1000}s; kubectl shows Terminating`,
		{data: {pod: pod.name}},
	);
	addTimer(r.k, r.k.k.now + grace, 'runtime', 'pod-deadline', undefined, {pod: pod.name, uid: pod.uid});
	for (const c of pod.containers)
		if (c.kind !== 'sidecar') stopContainer(r, pod, c, `Stopping container ${c.name}`);
	continueEnding(r, pod);
}

/** After each container exit: stop sidecars in reverse order once the main ones are down; then pause. */
export function continueEnding(r: RtCtx, pod: PodState): void {
	if (!pod.ending) return;
	const running = pod.containers.filter((c) => c.state === 'running');
	if (running.some((c) => c.kind !== 'sidecar')) return;
	const sidecar = [...running].reverse().find((c) => c.kind === 'sidecar');
	if (sidecar) {
		// R-TERM-3: one at a time, last declared first.
		if (!sidecar.stopping) stopContainer(r, pod, sidecar, `Stopping container ${sidecar.name}`);
		return;
	}
	finishEnding(r, pod);
}

/** R-TERM-4: at the deadline everything left gets SIGKILL from the node. */
export function podDeadline(r: RtCtx, pod: PodState): void {
	if (!pod.ending) return;
	for (const c of pod.containers) {
		const main = c.pid === undefined ? undefined : tableGet(r.k.k.procs, c.pid);
		if (main && c.state === 'running') {
			emit(
				r.k,
				'R-TERM-4',
				'deadline',
				`grace period of pod ${pod.name} is over: SIGKILL to ${c.name} (${main.hostPid})`,
				{pid: main.hostPid},
			);
			sendSignal(r.k, 'host', main, 'SIGKILL');
		}
	}
}

function finishEnding(r: RtCtx, pod: PodState): void {
	const ending = pod.ending!;
	const sandbox = pod.sandbox;
	// R-TERM-4: pause last, then the shim.
	for (const pid of [sandbox?.pause, sandbox?.shim]) {
		const p = pid === undefined ? undefined : tableGet(r.k.k.procs, pid);
		if (p && p.state !== 'Z') forceKill(r.k, p);
	}
	delete pod.sandbox;
	if (ending.kind === 'sandbox') {
		recreateSandbox(r, pod);
		return;
	}
	delete r.rt.pods[pod.name];
	r.rt.order = r.rt.order.filter((name) => name !== pod.name);
	emit(r.k, 'R-TERM-4', 'pod-gone', `pod ${pod.name} is gone: all its containers stopped, pause last`, {
		data: {pod: pod.name},
	});
	if (ending.kind === 'recreate') createPod(r, ending.spec, pod.programs, ending.supervisors);
}

/** R-POD-8: a new sandbox (new IPC, UTS, PID namespaces and network); init containers re-run; restarts +1. */
function recreateSandbox(r: RtCtx, pod: PodState): void {
	delete pod.ending;
	const ran = pod.containers.some((c) => c.startedAt !== undefined);
	const terminal =
		pod.spec.restartPolicy === 'Never' ||
		(pod.spec.restartPolicy === 'OnFailure' &&
			pod.containers.filter((c) => c.kind === 'app').every((c) => c.exitCode === 0));
	if (ran && terminal) {
		emit(
			r.k,
			'R-POD-8',
			'sandbox',
			`pod ${pod.name} stays terminal: restartPolicy ${pod.spec.restartPolicy}, no new sandbox`,
			{data: {pod: pod.name}},
		);
		return;
	}
	pod.initIndex = 0;
	pod.containers = pod.containers.map((c) => {
		const fresh = newStatus(c.name, c.kind, 'PodInitializing');
		if (c.startedAt === undefined) return {...fresh, restartCount: c.restartCount};
		return {
			...fresh,
			restartCount: c.restartCount + 1,
			lastRestartAt: r.k.k.now,
			lastState: {
				exitCode: c.exitCode ?? 137,
				reason: c.reason ?? 'Error',
				startedAt: c.startedAt,
				finishedAt: c.finishedAt ?? r.k.k.now,
			},
			backoff: c.backoff,
		};
	});
	if (startSandbox(r, pod)) syncPod(r, pod);
}
