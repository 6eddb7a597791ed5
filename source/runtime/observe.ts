// The kubelet's view follows from what processes do: it reacts to the kernel's exit events and to
// its own timers, never to status templates.

import type {ExitStatus} from '../kernel/index.js';
import {type KernelEvent, peekProc, rawField, type Timer} from '../kernel/index.js';
import {
	backoffExpired,
	exitCode,
	initFailedForGood,
	mainContainersDone,
	markTerminated,
	scheduleRestart,
	shouldRestart,
} from './containers.js';
import {containerSpec, findContainer, podEvent, type RtCtx} from './context.js';
import {execTimedOut, finishExec} from './exec-sync.js';
import {postStartDone, preStopFailed, runPostStart} from './hooks.js';
import {syncPod} from './pods.js';
import {execProbeDone, runProbe} from './probes.js';
import {cleanupAfterDeadShim, stopSandbox} from './sandbox.js';
import {podPhase} from './status.js';
import {
	beginEnding,
	containerKillDeadline,
	continueEnding,
	killContainer,
	podDeadline,
	preStopFinished,
	preStopOverrun,
} from './termination.js';
import type {PodState} from './types.js';

/** React to a batch of kernel events: container main processes and pause that exited. */
export function observe(r: RtCtx, events: readonly KernelEvent[]): void {
	for (const event of events) {
		// What a program said it does not simulate stays on the playground's screen (R-EXEC-10).
		if (event.kind === 'note' && !(r.rt.notes ?? []).includes(event.text))
			(r.rt.notes ??= []).push(event.text);
		if (event.kind !== 'exit' || event.pid === undefined) continue;
		const status = event.data?.status as ExitStatus | undefined;
		if (!status) continue;
		if (r.rt.execs?.[event.pid]) {
			execExited(r, event.pid, status);
			continue;
		}
		for (const name of r.rt.order) {
			const pod = r.rt.pods[name];
			if (!pod) continue;
			// pause or its shim dying leaves the sandbox NOT_READY (R-POD-8); a stopped one is done with.
			if (pod.sandbox && !pod.sandbox.stopped && pod.sandbox.shim === event.pid) {
				cleanupAfterDeadShim(r, pod);
				sandboxDied(r, pod);
				break;
			}
			if (pod.sandbox && !pod.sandbox.stopped && pod.sandbox.pause === event.pid) {
				sandboxDied(r, pod);
				break;
			}
			const c = pod.containers.find((x) => x.pid === event.pid);
			if (c) {
				containerExited(r, pod, c.name, status, event.t);
				break;
			}
		}
	}
	// The names read as they are: through the draft, this loop made a draft and a copy of the
	// runtime state on every step, pods or not.
	for (const name of rawField(r.rt, 'order')) {
		const pod = r.rt.pods[name];
		if (pod) finishIfDone(r, pod);
	}
}

/** An exec probe or hook process ended (R-HOOK-2, R-PROBE-2). */
function execExited(r: RtCtx, pid: number, status: ExitStatus): void {
	const finished = finishExec(r, pid, exitCode(status));
	if (!finished) return;
	const {record, done} = finished;
	const pod = r.rt.pods[record.pod];
	if (!pod || pod.uid !== record.uid) return;
	const c = findContainer(pod, record.container);
	if (!c || c.startedAt !== record.startedAt) return;
	const spec = containerSpec(pod, c.name);
	const purpose = record.purpose;
	if (purpose.kind === 'probe') {
		execProbeDone(r, pod, c, spec, purpose.probe, done, record.command, (why) =>
			killContainer(r, pod, c, why),
		);
		if (purpose.probe === 'startup' && c.started) syncPod(r, pod);
		return;
	}
	if (purpose.kind === 'postStart') {
		postStartDone(r, pod, c, done, spec.postStart!, (why) => killContainer(r, pod, c, why));
		if (!c.postStartPending) syncPod(r, pod);
		return;
	}
	preStopFailed(r, pod, done);
	preStopFinished(r, pod, c);
}

function containerExited(r: RtCtx, pod: PodState, name: string, status: ExitStatus, at: number): void {
	const c = findContainer(pod, name)!;
	markTerminated(r, pod, c, status, at);
	if (pod.ending) {
		continueEnding(r, pod);
		return;
	}
	if (!sandboxAlive(r, pod)) {
		// The kernel killed it because pause (its namespace init) is going: the sandbox is dead.
		sandboxDied(r, pod);
		return;
	}
	const done = mainContainersDone(pod) || initFailedForGood(pod);
	if (shouldRestart(pod, c) && !(c.kind === 'sidecar' && done)) scheduleRestart(r, pod, c);
	syncPod(r, pod);
}

/**
 * What the kubelet's next sync does with a pod whose regular containers have finished for good (or
 * whose init container failed for good): R-RESTART-5, sidecars do not keep it alive, they are
 * stopped one at a time in reverse order (R-TERM-3); R-POD-9, once nothing runs, its sandbox is
 * stopped. Checked after every batch, so a container that never started (StartError) counts too.
 */
function finishIfDone(r: RtCtx, pod: PodState): void {
	if (pod.ending || !pod.sandbox || pod.sandbox.stopped) return;
	if (!(mainContainersDone(pod) || initFailedForGood(pod))) return;
	const running = pod.containers.filter((c) => c.state === 'running');
	if (running.some((c) => c.kind !== 'sidecar' || c.stopping)) return;
	const sidecar = running.at(-1);
	if (sidecar)
		killContainer(r, pod, sidecar, `Stopping container ${sidecar.name}: the main containers have finished`);
	else stopSandbox(r, pod, podPhase(pod));
}

function sandboxAlive(r: RtCtx, pod: PodState): boolean {
	const pause = pod.sandbox?.pause === undefined ? undefined : peekProc(r.k, pod.sandbox.pause);
	return pause !== undefined && pause.state !== 'Z' && pause.exiting === undefined;
}

/** R-POD-8: pause died: SandboxChanged; the kubelet kills the containers and makes a new sandbox. */
function sandboxDied(r: RtCtx, pod: PodState): void {
	if (!pod.sandbox) return;
	pod.sandbox.ready = false;
	delete pod.sandbox.pause;
	if (pod.ending) {
		continueEnding(r, pod);
		return;
	}
	podEvent(
		r,
		pod,
		'Normal',
		'SandboxChanged',
		'Pod sandbox changed, it will be killed and re-created.',
		'R-POD-8',
	);
	beginEnding(r, pod, {kind: 'sandbox'});
}

/** Timers the runtime set: restarts after back-off, probes, preStop hooks, grace deadlines. */
export function fireRuntimeTimer(r: RtCtx, timer: Timer): void {
	const data = timer.data ?? {};
	const pod = r.rt.pods[String(data.pod)];
	if (!pod || pod.uid !== data.uid) return;
	const c = data.container === undefined ? undefined : findContainer(pod, String(data.container));
	switch (timer.tag) {
		case 'restart':
			if (c && c.finishedAt === data.finishedAt) backoffExpired(r, pod, c);
			return;
		case 'probe':
			if (c && c.startedAt === data.startedAt && !pod.ending && !c.stopping) {
				const kind = data.kind as 'startup' | 'liveness' | 'readiness';
				runProbe(r, pod, c, containerSpec(pod, c.name), kind, (why) => killContainer(r, pod, c, why));
				if (kind === 'startup' && c.started) syncPod(r, pod);
			}
			return;
		case 'prestop':
		case 'prestop-deadline':
			if (c && c.startedAt === data.startedAt && c.kill?.since === data.since) {
				if (timer.tag === 'prestop') preStopFinished(r, pod, c);
				else preStopOverrun(r, pod, c);
			}
			return;
		case 'container-kill':
			if (c && c.startedAt === data.startedAt) containerKillDeadline(r, pod, c);
			return;
		case 'pod-deadline':
			podDeadline(r, pod);
			return;
		case 'exec-timeout':
			execTimedOut(r, Number(data.pid));
			return;
		case 'poststart':
			// A postStart sleep hook (R-HOOK-8) is done.
			if (c && c.startedAt === data.startedAt && c.postStartPending) {
				postStartDone(r, pod, c, {ok: true, code: 0, output: ''}, containerSpec(pod, c.name).postStart!);
				syncPod(r, pod);
			}
			return;
		case 'poststart-run':
			if (c && c.startedAt === data.startedAt && c.state === 'running') runPostStart(r, pod, c);
			return;
		case 'poststart-failed':
			if (c && c.startedAt === data.startedAt) killContainer(r, pod, c, 'FailedPostStartHook');
			return;
	}
}
