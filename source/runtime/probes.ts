// Probes (R-RESTART-3): results are derived from the container's processes — a tcpSocket or
// httpGet probe passes while some process listens on the port in the pod's network namespace,
// an exec probe while the main process runs (a stopped one times out).
import {addTimer, type NetNamespace, tableGet} from '../kernel/index.js';
import {podEvent, type RtCtx} from './context.js';
import type {ContainerSpec, ProbeSpec} from './pod-spec.js';
import type {ContainerStatus, PodState} from './types.js';

export type ProbeKind = 'startup' | 'liveness' | 'readiness';

export function scheduleProbes(r: RtCtx, pod: PodState, c: ContainerStatus, spec: ContainerSpec): void {
	for (const kind of ['startup', 'liveness', 'readiness'] as const) {
		const probe = spec[`${kind}Probe`];
		if (!probe) continue;
		// The kubelet's probe worker first probes shortly after start (a jitter, taken here as 1 s), and
		// not before initialDelaySeconds; then every periodSeconds.
		const first = r.k.k.now + Math.max(probe.initialDelaySeconds * 1000, 1000);
		addTimer(r.k, first, 'runtime', 'probe', undefined, {
			pod: pod.name,
			uid: pod.uid,
			container: c.name,
			kind,
			startedAt: c.startedAt,
		});
	}
}

function passes(r: RtCtx, pod: PodState, c: ContainerStatus, probe: ProbeSpec): boolean {
	const main = c.pid === undefined ? undefined : tableGet(r.k.k.procs, c.pid);
	if (!main || main.state === 'Z' || main.state === 'T') return false;
	if (probe.check.kind === 'exec') return true;
	const port = Number(probe.check.port);
	const net = r.k.k.namespaces[pod.sandbox?.netNs ?? -1] as NetNamespace | undefined;
	return net?.ports[port] !== undefined;
}

/** One probe period: count, then act at the thresholds. Liveness and readiness wait for startup. */
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
	const reschedule = () =>
		addTimer(r.k, r.k.k.now + probe.periodSeconds * 1000, 'runtime', 'probe', undefined, {
			pod: pod.name,
			uid: pod.uid,
			container: c.name,
			kind,
			startedAt: c.startedAt,
		});
	if (kind !== 'startup' && !c.started) {
		reschedule();
		return;
	}
	const state = c.probes[kind];
	if (passes(r, pod, c, probe)) {
		state.successes += 1;
		state.failures = 0;
		if (kind === 'startup' && state.successes >= probe.successThreshold) {
			c.started = true;
			c.ready = c.kind !== 'init' && !spec.readinessProbe;
			return;
		}
		if (kind === 'readiness' && state.successes >= probe.successThreshold) c.ready = true;
		reschedule();
		return;
	}
	state.failures += 1;
	state.successes = 0;
	const what =
		probe.check.kind === 'exec'
			? 'command timed out'
			: probe.check.kind === 'grpc'
				? `timeout: failed to connect service "${podIp(r, pod)}:${probe.check.port}" within 1s: context deadline exceeded`
				: `dial tcp ${podIp(r, pod)}:${probe.check.port}: connect: connection refused`;
	podEvent(r, pod, 'Warning', 'Unhealthy', `${capital(kind)} probe failed: ${what}`, 'R-RESTART-3');
	if (state.failures >= probe.failureThreshold) {
		if (kind === 'readiness') c.ready = false;
		else {
			stop(`Container ${c.name} failed ${kind} probe, will be restarted`);
			return;
		}
	}
	reschedule();
}

function podIp(r: RtCtx, pod: PodState): string {
	const net = r.k.k.namespaces[pod.sandbox?.netNs ?? -1] as NetNamespace | undefined;
	return net?.ip ?? '10.244.0.1';
}

function capital(text: string): string {
	return text[0].toUpperCase() + text.slice(1);
}
