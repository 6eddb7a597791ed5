// The Pod fields the runtime simulates, spelled as Kubernetes spells them, defaults applied.

/** What a lifecycle hook does (postStart, preStop). */
export type HandlerSpec =
	| {kind: 'exec'; command: string[]}
	| {kind: 'sleep'; seconds: number}
	| {kind: 'httpGet'; port: number | string; path?: string}
	| {kind: 'tcpSocket'; port: number | string};

/** A probe with Kubernetes defaults applied (R-RESTART-3). */
export type ProbeSpec = {
	check:
		| {kind: 'exec'; command: string[]}
		| {kind: 'tcpSocket'; port: number | string}
		| {kind: 'httpGet'; port: number | string; path: string}
		| {kind: 'grpc'; port: number; service?: string};
	initialDelaySeconds: number;
	periodSeconds: number;
	timeoutSeconds: number;
	failureThreshold: number;
	successThreshold: number;
};

export type ContainerSpec = {
	name: string;
	image: string;
	command?: string[];
	args?: string[];
	/** env entries with literal values (valueFrom and envFrom are noted, not resolved). */
	env?: {name: string; value: string}[];
	/** Only on init containers: a native sidecar (R-RESTART-5). */
	restartPolicy?: 'Always';
	ports: {containerPort: number}[];
	/** resources.limits.memory in bytes. */
	memoryLimit?: number;
	volumeMounts: {name: string; mountPath: string}[];
	postStart?: HandlerSpec;
	preStop?: HandlerSpec;
	/** lifecycle.stopSignal (R-TERM-2). */
	stopSignal?: string;
	startupProbe?: ProbeSpec;
	livenessProbe?: ProbeSpec;
	readinessProbe?: ProbeSpec;
};

/**
 * A pod volume. `files` (path inside the volume → lines) are what a ConfigMap or Secret of the same
 * file provides (R-EXEC-20); `source` names it.
 */
export type VolumeSpec = {
	name: string;
	emptyDir: boolean;
	source?: {
		kind: 'ConfigMap' | 'Secret';
		name: string;
		items?: {key: string; path: string}[];
		optional?: boolean;
	};
	files?: Record<string, string[]>;
};

export type PodSpec = {
	name: string;
	namespace: string;
	containers: ContainerSpec[];
	initContainers: ContainerSpec[];
	volumes: VolumeSpec[];
	restartPolicy: 'Always' | 'OnFailure' | 'Never';
	terminationGracePeriodSeconds: number;
	shareProcessNamespace: boolean;
	hostPID: boolean;
	hostIPC: boolean;
	hostNetwork: boolean;
};

export type NamespaceField = 'shareProcessNamespace' | 'hostIPC' | 'hostPID' | 'hostNetwork';
export type Supervisor = 'systemd' | 'tini' | 'dumb-init';

/** R-POD-2: what the API server refuses, with its message. */
export function validatePod(spec: PodSpec): string | undefined {
	if (spec.hostPID && spec.shareProcessNamespace)
		return 'ShareProcessNamespace and HostPID cannot both be enabled';
	return undefined;
}
