// Stopping containers and pods (R-TERM): preStop, the stop signal from the node, the grace period,
// SIGKILL at the deadline; sidecars after the main containers, in reverse order; pause last.
import {addTimer, emit, forceKill, parseSignal, proc, sendSignal} from '../kernel/index.js';
import {newStatus} from './containers.js';
import {containerSpec, podEvent, type RtCtx} from './context.js';
import {preStopFailed, runHook} from './hooks.js';
import {createPod, syncPod} from './pods.js';
import {startSandbox} from './sandbox.js';
import type {ContainerStatus, PodState} from './types.js';

/** R-TERM-4 (minimumGracePeriodInSeconds): the kubelet never gives a container less than 2 s. */
export const minimumGrace = 2000;

/**
 * The kubelet's killContainer (R-TERM-2, R-TERM-4): `Killing`, then the preStop hook on the grace
 * clock (only when the grace period is above 0), then the stop signal with what is left of the grace
 * period, but at least 2 s, before SIGKILL. It runs for every kill by the kubelet (delete, liveness or
 * startup failure, postStart failure), never when a container exits on its own.
 */
export function killContainer(
	r: RtCtx,
	pod: PodState,
	c: ContainerStatus,
	message: string,
	grace = pod.spec.terminationGracePeriodSeconds * 1000,
): void {
	if (c.state !== 'running' || c.stopping) return;
	c.stopping = true;
	const since = r.k.k.now;
	podEvent(r, pod, 'Normal', 'Killing', message, 'R-TERM-2');
	const hook = containerSpec(pod, c.name).preStop;
	if (!hook || grace <= 0) {
		signalStop(r, pod, c, grace);
		return;
	}
	c.kill = {grace, since, phase: 'preStop'};
	const key = {pod: pod.name, uid: pod.uid, container: c.name, startedAt: c.startedAt, since};
	// The kubelet waits for the hook at most the grace period, then abandons it (R-TERM-4).
	addTimer(r.k, since + grace, 'runtime', 'prestop-deadline', undefined, key);
	if (hook.kind === 'sleep') {
		// R-HOOK-8: a sleep hook runs inside the kubelet; it creates no process.
		addTimer(r.k, since + hook.seconds * 1000, 'runtime', 'prestop', undefined, key);
		return;
	}
	// R-HOOK-5: exec hooks run as a process in the container; httpGet and tcpSocket answer at once.
	const done = runHook(r, pod, c, 'preStop', hook, key);
	if (!done) return;
	preStopFailed(r, pod, done);
	preStopFinished(r, pod, c);
}

/** The preStop hook returned: the stop signal follows, with the grace period less the (whole) seconds it took. */
export function preStopFinished(r: RtCtx, pod: PodState, c: ContainerStatus): void {
	if (c.state !== 'running' || c.kill?.phase !== 'preStop') return;
	const elapsed = Math.floor((r.k.k.now - c.kill.since) / 1000) * 1000;
	emit(
		r.k,
		'R-TERM-2',
		'prestop',
		`preStop hook of ${pod.name}/${c.name} finished after ${elapsed / 1000}s: the stop signal follows`,
		{data: {pod: pod.name, container: c.name}},
	);
	signalStop(r, pod, c, c.kill.grace - elapsed);
}

/** R-TERM-4: a preStop hook still running when the grace period is over is abandoned, not killed. */
export function preStopOverrun(r: RtCtx, pod: PodState, c: ContainerStatus): void {
	if (c.state !== 'running' || c.kill?.phase !== 'preStop') return;
	emit(
		r.k,
		'R-TERM-4',
		'prestop',
		`preStop hook of ${pod.name}/${c.name} not completed in the grace period of ${c.kill.grace / 1000}s: the kubelet abandons it, sends the stop signal anyway and allows ${minimumGrace / 1000}s more before SIGKILL`,
		{data: {pod: pod.name, container: c.name}},
	);
	signalStop(r, pod, c, 0);
}

/** StopContainer(g): the stop signal now, SIGKILL after g, at least 2 s (R-TERM-4). */
function signalStop(r: RtCtx, pod: PodState, c: ContainerStatus, remaining: number): void {
	const grace = Math.max(remaining, minimumGrace);
	c.kill = {grace, since: r.k.k.now, phase: 'signalled'};
	sendStopSignal(r, pod, c);
	addTimer(r.k, r.k.k.now + grace, 'runtime', 'container-kill', undefined, {
		pod: pod.name,
		uid: pod.uid,
		container: c.name,
		startedAt: c.startedAt,
	});
}

/** The stop signal goes from the node to the main process: a PID 1 without a handler drops it (R-SIG-2). */
export function sendStopSignal(r: RtCtx, pod: PodState, c: ContainerStatus): void {
	const main = c.pid === undefined ? undefined : proc(r.k, c.pid);
	if (!main) return;
	const signal = parseSignal(containerSpec(pod, c.name).stopSignal ?? 'SIGTERM') ?? 'SIGTERM';
	sendSignal(r.k, 'host', main, signal);
}

/** R-TERM-4: the container's own grace period is over: SIGKILL from the node. */
export function containerKillDeadline(r: RtCtx, pod: PodState, c: ContainerStatus): void {
	const main = c.pid === undefined ? undefined : proc(r.k, c.pid);
	if (!main || c.state !== 'running') return;
	emit(
		r.k,
		'R-TERM-4',
		'deadline',
		`grace period for ${pod.name}/${c.name} is over: SIGKILL to ${main.hostPid} from the node`,
		{pid: main.hostPid, data: {pod: pod.name, container: c.name}},
	);
	sendSignal(r.k, 'host', main, 'SIGKILL');
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
	pod.graceDeadline = r.k.k.now + grace;
	addTimer(r.k, pod.graceDeadline, 'runtime', 'pod-deadline', undefined, {pod: pod.name, uid: pod.uid});
	for (const c of pod.containers)
		if (c.kind !== 'sidecar') killContainer(r, pod, c, `Stopping container ${c.name}`, grace);
	continueEnding(r, pod);
}

/** After each container exit: stop sidecars in reverse order once the main ones are down; then pause. */
export function continueEnding(r: RtCtx, pod: PodState): void {
	if (!pod.ending) return;
	const running = pod.containers.filter((c) => c.state === 'running');
	if (running.some((c) => c.kind !== 'sidecar')) return;
	const sidecar = [...running].reverse().find((c) => c.kind === 'sidecar');
	if (sidecar) {
		// R-TERM-3: one at a time, last declared first, with what is left of the pod's grace period.
		if (!sidecar.stopping)
			killContainer(r, pod, sidecar, `Stopping container ${sidecar.name}`, remainingGrace(r, pod));
		return;
	}
	finishEnding(r, pod);
}

/** What is left of an ending pod's grace period, in whole seconds as the kubelet counts it. */
function remainingGrace(r: RtCtx, pod: PodState): number {
	const left = (pod.graceDeadline ?? r.k.k.now) - r.k.k.now;
	return Math.max(0, Math.floor(left / 1000) * 1000);
}

/**
 * R-TERM-4: the pod's grace period is over. Each container has its own SIGKILL timer; a sidecar still
 * waiting for its turn (R-TERM-3) is stopped now with the 2 s minimum.
 */
export function podDeadline(r: RtCtx, pod: PodState): void {
	if (!pod.ending) return;
	for (const c of pod.containers)
		if (c.state === 'running' && !c.stopping)
			killContainer(r, pod, c, `Stopping container ${c.name}: the grace period is over`, 0);
}

function finishEnding(r: RtCtx, pod: PodState): void {
	const ending = pod.ending!;
	const sandbox = pod.sandbox;
	// R-TERM-4: pause last, then the shim.
	for (const pid of [sandbox?.pause, sandbox?.shim]) {
		const p = pid === undefined ? undefined : proc(r.k, pid);
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
	delete pod.graceDeadline;
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
