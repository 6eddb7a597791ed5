// Lifecycle hooks (R-HOOK): postStart after the container's process started, holding its status
// and the next containers until it returns; preStop on every kill by the kubelet (termination.ts
// calls in here); exec hooks are processes in the container, httpGet and sleep hooks are not.
import {addTimer, emit, type NetNamespace, proc} from '../kernel/index.js';
import {containerSpec, podEvent, type RtCtx} from './context.js';
import type {ExecDone} from './exec-sync.js';
import {startExec} from './exec-sync.js';
import type {HandlerSpec} from './pod-spec.js';
import type {ContainerStatus, PodState} from './types.js';

/** R-HOOK-3: an httpGet hook fails only when nothing answers; the status code is not checked. */
function httpHookResult(r: RtCtx, pod: PodState, hook: Extract<HandlerSpec, {kind: 'httpGet'}>): ExecDone {
	const net = r.k.k.namespaces[pod.sandbox?.netNs ?? -1] as NetNamespace | undefined;
	const port = typeof hook.port === 'number' ? hook.port : Number(hook.port);
	const pid = net?.ports[port];
	const p = pid === undefined ? undefined : proc(r.k, pid);
	const target = `${net?.ip ?? '10.244.0.1'}:${hook.port}`;
	return p && p.state !== 'Z'
		? {ok: true, code: 0, output: ''}
		: {
				ok: false,
				code: 1,
				output: `Get "http://${target}${hook.path ?? '/'}": dial tcp ${target}: connect: connection refused`,
			};
}

/**
 * Starts a hook. Returns its result when it is known at once (httpGet, tcpSocket, an exec that
 * cannot start), `undefined` when it runs on (an exec process, a sleep timer).
 */
export function runHook(
	r: RtCtx,
	pod: PodState,
	c: ContainerStatus,
	which: 'postStart' | 'preStop',
	hook: HandlerSpec,
	timerKey: Record<string, unknown>,
): ExecDone | undefined {
	switch (hook.kind) {
		case 'exec': {
			// R-EXEC-2: hook commands are not $(VAR)-expanded; no timeout (R-HOOK-1).
			const started = startExec(r, pod, c, hook.command, {kind: which});
			if ('error' in started) return {ok: false, code: 126, output: started.error};
			return undefined;
		}
		case 'sleep':
			addTimer(r.k, r.k.k.now + hook.seconds * 1000, 'runtime', which.toLowerCase(), undefined, timerKey);
			return undefined;
		case 'httpGet':
			return httpHookResult(r, pod, hook);
		case 'tcpSocket':
			return {
				ok: false,
				code: 1,
				output: 'Cannot run handler: invalid handler: tcpSocket is not supported as a LifecycleHandler',
			};
	}
}

/** R-HOOK-1: after StartContainer; the container stays Waiting until the hook returns. */
export function startPostStart(r: RtCtx, pod: PodState, c: ContainerStatus): void {
	const hook = containerSpec(pod, c.name).postStart;
	if (!hook) return;
	c.postStartPending = true;
	// Right after StartContainer returned: the container's process has had its first moment.
	addTimer(r.k, r.k.k.now, 'runtime', 'poststart-run', undefined, {
		pod: pod.name,
		uid: pod.uid,
		container: c.name,
		startedAt: c.startedAt,
	});
}

/** The kubelet runs the postStart handler (R-HOOK-1, R-HOOK-3). */
export function runPostStart(r: RtCtx, pod: PodState, c: ContainerStatus): void {
	const hook = containerSpec(pod, c.name).postStart;
	if (!hook || !c.postStartPending) return;
	const done = runHook(r, pod, c, 'postStart', hook, {
		pod: pod.name,
		uid: pod.uid,
		container: c.name,
		startedAt: c.startedAt,
	});
	if (done) postStartDone(r, pod, c, done, hook);
}

/**
 * R-HOOK-4: a failed postStart gives FailedPostStartHook, then the kubelet kills the container
 * (preStop and the stop signal) with reason FailedPostStartHook; it restarts under its policy.
 */
export function postStartDone(
	r: RtCtx,
	pod: PodState,
	c: ContainerStatus,
	done: ExecDone,
	hook: HandlerSpec,
	kill?: (why: string) => void,
): void {
	if (!c.postStartPending) return;
	delete c.postStartPending;
	if (done.ok) {
		emit(
			r.k,
			'R-HOOK-1',
			'hook',
			`${pod.name}/${c.name}: postStart hook returned; the container is Running`,
			{
				data: {pod: pod.name, container: c.name},
			},
		);
		return;
	}
	const what =
		hook.kind === 'exec'
			? `command '${hook.command.join(' ')}' exited with ${done.code}: ${done.output}`
			: done.output;
	c.message = `PostStartHook failed: ${what}`;
	podEvent(r, pod, 'Warning', 'FailedPostStartHook', 'PostStartHook failed', 'R-HOOK-4');
	if (kill) kill('FailedPostStartHook');
	else
		addTimer(r.k, r.k.k.now, 'runtime', 'poststart-failed', undefined, {
			pod: pod.name,
			uid: pod.uid,
			container: c.name,
			startedAt: c.startedAt,
		});
}

/** R-HOOK-7: a failing preStop is reported; stopping goes on regardless. */
export function preStopFailed(r: RtCtx, pod: PodState, done: ExecDone): void {
	if (!done.ok) podEvent(r, pod, 'Warning', 'FailedPreStopHook', 'PreStopHook failed', 'R-HOOK-7');
}
