// A Pod's effective request as kube-scheduler computes it (R-SCHED-K2, K3): the code's formula
// (component-helpers resource.PodRequests), not the docs' simpler "max of init vs sum of app".
import type {Resources} from './types.js';

/** A container's resources as written; a missing request defaults to the limit (API defaulting, K3). */
export type ContainerResources = {
	name: string;
	requests?: Partial<Resources>;
	limits?: Partial<Resources>;
	/** restartPolicy: Always on an init container: a native sidecar. */
	sidecar?: boolean;
};

export type PodResources = {
	containers: ContainerResources[];
	initContainers: ContainerResources[];
	/** spec.overhead (RuntimeClass), added last. */
	overhead?: Partial<Resources>;
	/** spec.resources.requests (PodLevelResources): replaces the aggregate for cpu and memory. */
	podRequests?: Partial<Resources>;
};

const zero: Resources = {memory: 0, cpu: 0};

/** K3: the request the API server stores: the request, else the limit, else nothing. */
export function containerRequest(c: ContainerResources): Resources {
	return {
		memory: c.requests?.memory ?? c.limits?.memory ?? 0,
		cpu: c.requests?.cpu ?? c.limits?.cpu ?? 0,
	};
}

/** K3: for scoring only, a container with no request counts as 100m cpu and 200 MB memory. */
export const DEFAULT_MILLI_CPU = 100;
export const DEFAULT_MEMORY = 200 * 1024 * 1024;

function nonZero(r: Resources): Resources {
	return {memory: r.memory === 0 ? DEFAULT_MEMORY : r.memory, cpu: r.cpu === 0 ? DEFAULT_MILLI_CPU : r.cpu};
}

function add(a: Resources, b: Partial<Resources>): Resources {
	return {memory: a.memory + (b.memory ?? 0), cpu: a.cpu + (b.cpu ?? 0)};
}

function max(a: Resources, b: Resources): Resources {
	return {memory: Math.max(a.memory, b.memory), cpu: Math.max(a.cpu, b.cpu)};
}

/**
 * R-SCHED-K2: sum of containers and sidecars vs the largest init-time use, where an init container
 * uses its own request plus every sidecar declared before it and a sidecar the running sum of
 * sidecars up to itself (KEP-753); then pod-level requests replace, and overhead is added.
 */
export function podRequest(
	pod: PodResources,
	per: (c: ContainerResources) => Resources = containerRequest,
): Resources {
	let sum = pod.containers.reduce((acc, c) => add(acc, per(c)), zero);
	let sidecars = zero;
	let initMax = zero;
	for (const c of pod.initContainers) {
		const own = per(c);
		if (c.sidecar) {
			sidecars = add(sidecars, own);
			sum = add(sum, own);
			initMax = max(initMax, sidecars);
		} else initMax = max(initMax, add(own, sidecars));
	}
	let request = max(sum, initMax);
	if (pod.podRequests)
		request = {memory: pod.podRequests.memory ?? request.memory, cpu: pod.podRequests.cpu ?? request.cpu};
	return add(request, pod.overhead ?? {});
}

/** K3: the same aggregate over non-zero requests, as NodeResourcesFit's scorers count a Pod. */
export function podScoringRequest(pod: PodResources): Resources {
	return podRequest(pod, (c) => nonZero(containerRequest(c)));
}
