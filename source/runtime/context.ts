// The runtime's working context inside one engine step: the kernel's context plus the runtime draft.
import {type Ctx, emit} from '../kernel/index.js';
import type {ContainerSpec} from './pod-spec.js';
import type {ContainerStatus, PodState, RuntimeState} from './types.js';

export type RtCtx = {k: Ctx; rt: RuntimeState};

/** Events as `kubectl describe pod` lists them; each is also a world event naming its rule. */
export function podEvent(
	r: RtCtx,
	pod: PodState,
	type: 'Normal' | 'Warning',
	reason: string,
	message: string,
	rule: string,
): void {
	// The event recorder aggregates by reason and message: one row, counted, first and last seen.
	const same = pod.events.findLast((e) => e.reason === reason && e.message === message);
	if (same) {
		same.count += 1;
		same.last = r.k.k.now;
	} else pod.events.push({t: r.k.k.now, type, reason, message, count: 1});
	if (pod.events.length > 50) pod.events.splice(0, pod.events.length - 50);
	emit(r.k, rule, 'pod-event', `${pod.name}: ${reason}: ${message}`, {data: {pod: pod.name, reason, type}});
}

export function containerSpec(pod: PodState, name: string): ContainerSpec {
	return [...pod.spec.initContainers, ...pod.spec.containers].find((c) => c.name === name)!;
}

export function findContainer(pod: PodState, name: string): ContainerStatus | undefined {
	return pod.containers.find((c) => c.name === name);
}

export function podCgroup(pod: PodState): string {
	return `/kubepods/pod${pod.uid}`;
}

export function logStream(pod: string, container: string, restart: number): string {
	return `log:${pod}/${container}/${restart}`;
}

/** Never silently wrong: a visible note, in the transcript, `--json` and the playground (R-EXEC-10). */
export function note(r: RtCtx, rule: string, text: string): void {
	(r.rt.notes ??= []).push(text);
	emit(r.k, rule, 'note', text);
}
