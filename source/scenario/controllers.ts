// Files with more than Pods (R-EXEC-19): a workload controller's pod template becomes one pod,
// named as that controller would name it; every other kind is skipped. Both say so in a note, so
// nothing is silently different from the cluster.

/** Where the pod template sits inside each controller kind. */
const templatePaths: Record<string, readonly string[]> = {
	Deployment: ['spec', 'template'],
	ReplicaSet: ['spec', 'template'],
	StatefulSet: ['spec', 'template'],
	DaemonSet: ['spec', 'template'],
	Job: ['spec', 'template'],
	CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
	ReplicationController: ['spec', 'template'],
};

export type Unwrapped =
	| {kind: 'pod'; pod: Record<string, unknown>; prefix: readonly string[]; note?: string}
	| {kind: 'skipped'; note: string};

/**
 * kube-controller-manager's names: `rand.SafeEncodeString` draws from an alphabet without vowels
 * (and 0, 1, 3), 5 characters for the generateName suffix, 10 for a pod-template-hash.
 */
const safeAlphabet = 'bcdfghjklmnpqrstvwxz2456789';

/** Deterministic (no Math.random in the simulation): the characters come from a hash of the name. */
export function safeSuffix(seed: string, length: number): string {
	let h = 2166136261;
	let out = '';
	for (let i = 0; out.length < length; i++) {
		h ^= seed.charCodeAt(i % Math.max(1, seed.length)) + i;
		h = Math.imul(h, 16777619) >>> 0;
		out += safeAlphabet[h % safeAlphabet.length];
	}
	return out;
}

function podName(kind: string, name: string): string {
	switch (kind) {
		case 'Deployment':
			return `${name}-${safeSuffix(`${name}/hash`, 10)}-${safeSuffix(name, 5)}`;
		case 'StatefulSet':
			return `${name}-0`;
		case 'CronJob':
			// The Job is named after the scheduled time in minutes; the first one of the epoch here.
			return `${name}-28000000-${safeSuffix(name, 5)}`;
		default:
			return `${name}-${safeSuffix(name, 5)}`;
	}
}

function isMap(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function at(value: unknown, path: readonly string[]): unknown {
	let here = value;
	for (const key of path) here = isMap(here) ? here[key] : undefined;
	return here;
}

/** A document of some kind other than Pod or List: its pod, or why it is skipped. */
export function unwrapKind(document: Record<string, unknown>): Unwrapped {
	const kind = String(document.kind);
	const metadata = isMap(document.metadata) ? document.metadata : {};
	const name = typeof metadata.name === 'string' ? metadata.name : kind.toLowerCase();
	const path = templatePaths[kind];
	const template = path ? at(document, path) : undefined;
	if (!path || !isMap(template)) {
		return {
			kind: 'skipped',
			note: `${kind} ${name} is not simulated (podplay runs Pods on one node): skipped`,
		};
	}
	const pod = podName(kind, name);
	const templateMeta = isMap(template.metadata) ? template.metadata : {};
	const replicas = at(document, ['spec', 'replicas']);
	const many = typeof replicas === 'number' && replicas > 1 ? ` (of ${replicas} replicas, one is shown)` : '';
	return {
		kind: 'pod',
		prefix: path,
		pod: {
			apiVersion: 'v1',
			kind: 'Pod',
			metadata: {
				...templateMeta,
				name: pod,
				...(metadata.namespace === undefined ? {} : {namespace: metadata.namespace}),
			},
			spec: template.spec,
		},
		note: `${kind} ${name}: its pod template runs as pod ${pod}${many}; the controller itself is not simulated`,
	};
}
