// Creating a pod and driving it forward: sandbox, init containers one at a time, native sidecars
// in their slot, then the app containers (R-POD-1, R-RESTART-4, R-RESTART-5).
import {emit} from '../kernel/index.js';
import type {ProgramSpec} from '../programs/index.js';
import {newStatus, startContainer} from './containers.js';
import {podEvent, type RtCtx} from './context.js';
import {type PodSpec, type Supervisor, validatePod} from './pod-spec.js';
import {startSandbox} from './sandbox.js';
import type {PodState} from './types.js';

export function createPod(
	r: RtCtx,
	spec: PodSpec,
	programs: Record<string, ProgramSpec>,
	supervisors: Record<string, Supervisor> = {},
): PodState | undefined {
	const invalid = validatePod(spec);
	if (invalid) {
		emit(
			r.k,
			'R-POD-2',
			'rejected',
			`The Pod "${spec.name}" is invalid: spec.shareProcessNamespace: Invalid value: true: ${invalid}`,
		);
		return undefined;
	}
	if (r.rt.pods[spec.name]) {
		emit(r.k, 'R-POD-1', 'rejected', `pods "${spec.name}" already exists`);
		return undefined;
	}
	r.rt.uidSeq += 1;
	const uid = `${((r.rt.uidSeq * 2654435761) >>> 0).toString(16).padStart(8, '0')}-0000-4000-8000-${String(r.rt.uidSeq).padStart(12, '0')}`;
	const hasInit = spec.initContainers.length > 0;
	const pod: PodState = {
		name: spec.name,
		uid,
		spec,
		programs,
		supervisors,
		createdAt: r.k.k.now,
		sandboxes: 0,
		initIndex: 0,
		containers: [
			...spec.initContainers.map((c) =>
				newStatus(c.name, c.restartPolicy === 'Always' ? 'sidecar' : 'init', 'PodInitializing'),
			),
			...spec.containers.map((c) =>
				newStatus(c.name, 'app', hasInit ? 'PodInitializing' : 'ContainerCreating'),
			),
		],

		events: [],
	};
	r.rt.pods[spec.name] = pod;
	r.rt.order.push(spec.name);
	podEvent(
		r,
		pod,
		'Normal',
		'Scheduled',
		`Successfully assigned ${spec.namespace}/${spec.name} to ${r.rt.nodeName ?? 'node-1'}`,
		'R-POD-1',
	);
	if (startSandbox(r, pod)) syncPod(r, pod);
	return pod;
}

/** What the kubelet's SyncPod would start next. */
export function syncPod(r: RtCtx, pod: PodState): void {
	if (pod.ending || !pod.sandbox?.ready) return;
	const initSpecs = pod.spec.initContainers;
	while (pod.initIndex < initSpecs.length) {
		const c = pod.containers[pod.initIndex];
		if (c.kind === 'sidecar' && c.state === 'running' && c.started) {
			pod.initIndex += 1;
			continue;
		}
		if (c.kind === 'init' && c.state === 'terminated' && c.exitCode === 0) {
			pod.initIndex += 1;
			continue;
		}
		if (c.state === 'waiting' && c.reason !== 'CrashLoopBackOff') startContainer(r, pod, c);
		// R-RESTART-4: one at a time; R-RESTART-5: the next starts once a sidecar has started.
		if (!(c.kind === 'sidecar' && c.started)) return;
	}
	// R-HOOK-1: containers start one at a time; a postStart hook that has not returned holds the rest.
	if (pod.containers.some((c) => c.postStartPending)) return;
	for (const c of pod.containers) {
		if (
			c.kind === 'app' &&
			c.state === 'waiting' &&
			(c.reason === 'ContainerCreating' || c.reason === 'PodInitializing')
		) {
			startContainer(r, pod, c);
			if (c.postStartPending) return;
		}
	}
}
