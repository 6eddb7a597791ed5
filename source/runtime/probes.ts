// Probes as the kubelet runs them (R-PROBE, R-RESTART-3). exec probes are real processes in the
// container (R-PROBE-2); httpGet, tcpSocket and grpc probes go from the node to whatever process
// listens on the port in the pod's network namespace, whatever containerPort says (R-PROBE-6).
import {addTimer, type NetNamespace, type Process, peekProc} from '../kernel/index.js';
import {grpcServing, httpStatus} from '../programs/servers.js';
import {podEvent, type RtCtx} from './context.js';
import type {ExecDone} from './exec-sync.js';
import {startExec} from './exec-sync.js';
import type {ContainerSpec, ProbeSpec} from './pod-spec.js';
import type {ContainerStatus, PodState} from './types.js';

export type ProbeKind = 'startup' | 'liveness' | 'readiness';

/**
 * R-PROBE-7: each probe's worker ticks every periodSeconds from (about) the container's start; a
 * tick probes only once initialDelaySeconds have passed, so the first probe lands in
 * [delay, delay + period).
 */
export function scheduleProbes(r: RtCtx, pod: PodState, c: ContainerStatus, spec: ContainerSpec): void {
	for (const kind of ['startup', 'liveness', 'readiness'] as const) {
		const probe = spec[`${kind}Probe`];
		if (!probe) continue;
		const period = probe.periodSeconds * 1000;
		const ticks = Math.ceil((probe.initialDelaySeconds * 1000) / period);
		// Without a delay the first probe comes shortly after the start (taken as 1 s).
		const first = ticks === 0 ? Math.min(1000, period) : ticks * period;
		addTimer(r.k, r.k.k.now + first, 'runtime', 'probe', undefined, key(pod, c, kind));
	}
}

function key(pod: PodState, c: ContainerStatus, kind: ProbeKind) {
	return {pod: pod.name, uid: pod.uid, container: c.name, kind, startedAt: c.startedAt};
}

function podIp(r: RtCtx, pod: PodState): string {
	const net = r.k.k.namespaces[pod.sandbox?.netNs ?? -1] as NetNamespace | undefined;
	return net?.ip ?? '10.244.0.1';
}

function listener(r: RtCtx, pod: PodState, port: number): Readonly<Process> | undefined {
	const net = r.k.k.namespaces[pod.sandbox?.netNs ?? -1] as NetNamespace | undefined;
	const pid = net?.ports[port];
	const p = pid === undefined ? undefined : peekProc(r.k, pid);
	return p && p.state !== 'Z' ? p : undefined;
}

/** A port as written: a number, or a name from the container's ports (R-PROBE-6). */
function portOf(spec: ContainerSpec, port: number | string): number | undefined {
	if (typeof port === 'number') return port;
	if (/^\d+$/.test(port)) return Number(port);
	return undefined;
}

/** httpGet, tcpSocket, grpc: the result at once, with Go's error texts (R-PROBE-3..5). */
function networkResult(r: RtCtx, pod: PodState, spec: ContainerSpec, probe: ProbeSpec): ExecDone {
	const check = probe.check;
	if (check.kind === 'exec') return {ok: false, code: 1, output: ''};
	const ip = podIp(r, pod);
	const port = portOf(spec, check.port);
	const target = `${ip}:${port ?? check.port}`;
	const proc = port === undefined ? undefined : listener(r, pod, port);
	// A stopped (SIGSTOP) server accepts the connection in the kernel but never answers.
	const stopped = proc?.state === 'T';
	switch (check.kind) {
		case 'tcpSocket':
			return proc
				? {ok: true, code: 0, output: ''}
				: {ok: false, code: 1, output: `dial tcp ${target}: connect: connection refused`};
		case 'httpGet': {
			const url = `http://${target}${check.path}`;
			if (!proc)
				return {ok: false, code: 1, output: `Get "${url}": dial tcp ${target}: connect: connection refused`};
			if (stopped)
				return {
					ok: false,
					code: 1,
					output: `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
				};
			const status = httpStatus(proc, r.k.k.now);
			return status >= 200 && status < 400
				? {ok: true, code: 0, output: ''}
				: {ok: false, code: 1, output: `HTTP probe failed with statuscode: ${status}`};
		}
		case 'grpc': {
			if (!proc || stopped)
				return {
					ok: false,
					code: 1,
					output: `timeout: failed to connect service "${target}" within 1s: context deadline exceeded`,
				};
			return grpcServing(proc)
				? {ok: true, code: 0, output: ''}
				: {
						ok: false,
						code: 1,
						output:
							'error: this server does not implement the grpc health protocol (grpc.health.v1.Health): rpc error: code = Unimplemented desc = unknown service grpc.health.v1.Health',
					};
		}
	}
}

/** One tick of a probe worker (R-PROBE-7): exec probes start a process; the others answer at once. */
export function runProbe(
	r: RtCtx,
	pod: PodState,
	c: ContainerStatus,
	spec: ContainerSpec,
	kind: ProbeKind,
	stop: (why: string) => void,
): void {
	const probe = spec[`${kind}Probe`];
	if (!probe || c.state !== 'running') return;
	// Liveness and readiness wait for startup; nothing probes before postStart returned (R-HOOK-1).
	if ((kind !== 'startup' && !c.started) || c.postStartPending || c.probing?.[kind] !== undefined) {
		reschedule(r, pod, c, kind, probe);
		return;
	}
	if (probe.check.kind === 'exec') {
		const started = startExec(
			r,
			pod,
			c,
			probe.check.command,
			{kind: 'probe', probe: kind},
			probe.timeoutSeconds * 1000,
		);
		if ('error' in started) {
			const output = started.unanswered
				? `command "${probe.check.command.join(' ')}" timed out (${started.error})`
				: started.error;
			probeResult(r, pod, c, spec, kind, {ok: false, code: 126, output}, stop);
			return;
		}
		(c.probing ??= {})[kind] = started.pid;
		return;
	}
	probeResult(r, pod, c, spec, kind, networkResult(r, pod, spec, probe), stop);
}

function reschedule(r: RtCtx, pod: PodState, c: ContainerStatus, kind: ProbeKind, probe: ProbeSpec): void {
	addTimer(r.k, r.k.k.now + probe.periodSeconds * 1000, 'runtime', 'probe', undefined, key(pod, c, kind));
}

/** An exec probe's process ended (or was killed at its timeout, R-PROBE-2). */
export function execProbeDone(
	r: RtCtx,
	pod: PodState,
	c: ContainerStatus,
	spec: ContainerSpec,
	kind: ProbeKind,
	done: ExecDone,
	command: string[],
	stop: (why: string) => void,
): void {
	if (c.probing) delete c.probing[kind];
	if (c.state !== 'running' || c.stopping) return;
	const result = done.timedOut
		? {...done, ok: false, output: `command "${command.join(' ')}" timed out`}
		: done;
	probeResult(r, pod, c, spec, kind, result, stop);
}

/** R-PROBE-8..11: count runs of results; act at the thresholds; every failure is an Unhealthy event. */
function probeResult(
	r: RtCtx,
	pod: PodState,
	c: ContainerStatus,
	spec: ContainerSpec,
	kind: ProbeKind,
	result: ExecDone,
	stop: (why: string) => void,
): void {
	const probe = spec[`${kind}Probe`]!;
	const state = c.probes[kind];
	if (result.ok) {
		state.successes += 1;
		state.failures = 0;
		if (kind === 'startup' && state.successes >= probe.successThreshold) {
			c.started = true;
			c.ready = c.kind !== 'init' && !spec.readinessProbe;
			return;
		}
		if (kind === 'readiness' && state.successes >= probe.successThreshold) c.ready = true;
		reschedule(r, pod, c, kind, probe);
		return;
	}
	state.failures += 1;
	state.successes = 0;
	podEvent(r, pod, 'Warning', 'Unhealthy', `${capital(kind)} probe failed: ${result.output}`, 'R-PROBE-11');
	if (state.failures >= probe.failureThreshold) {
		// R-PROBE-10: readiness only flips READY; R-PROBE-9: liveness and startup kill and restart.
		if (kind === 'readiness') c.ready = false;
		else {
			const restart = pod.spec.restartPolicy !== 'Never' || c.kind === 'sidecar';
			stop(`Container ${c.name} failed ${kind} probe${restart ? ', will be restarted' : ''}`);
			return;
		}
	}
	reschedule(r, pod, c, kind, probe);
}

function capital(text: string): string {
	return text[0]!.toUpperCase() + text.slice(1);
}
