// The container runtime's and the kubelet's state: plain data beside the kernel's.
import type {HostPid, NsId} from '../kernel/index.js';
import type {ProgramSpec} from '../programs/index.js';
import type {PodSpec, Supervisor} from './pod-spec.js';

export type ContainerKind = 'init' | 'sidecar' | 'app';

export type Terminated = {
	exitCode: number;
	signal?: string;
	reason: string;
	startedAt: number;
	finishedAt: number;
};

export type ProbeState = {successes: number; failures: number};

/** Why the kubelet runs a command in a container through ExecSync (R-HOOK-2, R-PROBE-1). */
export type ExecPurpose =
	| {kind: 'probe'; probe: 'startup' | 'liveness' | 'readiness'}
	| {kind: 'postStart'}
	| {kind: 'preStop'};

/** An ExecSync in flight, keyed by the exec process's host PID. */
export type ExecRecord = {
	pod: string;
	uid: string;
	container: string;
	startedAt: number;
	stream: string;
	command: string[];
	purpose: ExecPurpose;
	timedOut?: boolean;
};

export type ContainerStatus = {
	name: string;
	kind: ContainerKind;
	state: 'waiting' | 'running' | 'terminated';
	/** Waiting or terminated reason: ContainerCreating, PodInitializing, CrashLoopBackOff, Completed, Error, OOMKilled. */
	reason?: string;
	message?: string;
	exitCode?: number;
	signal?: string;
	startedAt?: number;
	finishedAt?: number;
	lastState?: Terminated;
	restartCount: number;
	lastRestartAt?: number;
	ready: boolean;
	/** Started: running and its startup probe (if any) has passed (R-RESTART-3, R-RESTART-5). */
	started: boolean;
	/** Host PID of the container's main process while it runs. */
	pid?: HostPid;
	/** Back-off delay for the next restart (R-RESTART-2): 0 before the first exit. */
	backoff: number;
	probes: {startup: ProbeState; liveness: ProbeState; readiness: ProbeState};
	/** R-HOOK-1: the postStart hook has not returned yet: status shows Waiting, probes wait, later containers wait. */
	postStartPending?: boolean;
	/** R-PROBE-7: an exec probe of this kind is running (its worker waits for it). */
	probing?: Partial<Record<'startup' | 'liveness' | 'readiness', number>>;
	/** Being stopped by the kubelet (liveness failure, termination). */
	stopping?: boolean;
	/**
	 * The kubelet's killContainer in progress (R-TERM-2, R-TERM-4): the grace period g in ms it was
	 * given, when it began, and whether the preStop hook still runs or the stop signal went.
	 */
	kill?: {grace: number; since: number; phase: 'preStop' | 'signalled'};
};

export type Sandbox = {
	attempt: number;
	shim: HostPid;
	pause?: HostPid;
	pidNs: NsId;
	ipcNs: NsId;
	netNs: NsId;
	utsNs: NsId;
	ready: boolean;
	/** The CNI pin that holds the pod network namespace, removed when the sandbox stops (R-POD-9). */
	netPin?: string;
	/** Stopped by the kubelet for good: the pod has finished (R-POD-9). Shown as NotReady. */
	stopped?: boolean;
};

export type PodEvent = {
	t: number;
	type: 'Normal' | 'Warning';
	reason: string;
	message: string;
	count: number;
	/** When it was last seen (kubectl's `10s (x3 over 20s)`: last seen, count, first seen). */
	last?: number;
};

export type PodState = {
	name: string;
	uid: string;
	spec: PodSpec;
	programs: Record<string, ProgramSpec>;
	supervisors: Record<string, Supervisor>;
	createdAt: number;
	deletionTimestamp?: number;
	/** When the grace period of an ending pod is over (R-TERM-4). */
	graceDeadline?: number;
	/** Why the pod is going: 'delete', or 'recreate' with the spec that replaces it. */
	ending?:
		| {kind: 'delete'}
		| {kind: 'recreate'; spec: PodSpec; supervisors: Record<string, Supervisor>; why: string; rule: string}
		| {kind: 'sandbox'};
	sandbox?: Sandbox;
	sandboxes: number;
	/** The IPC namespace of each sandbox so far, in order (R-POD-8: a new sandbox, a new namespace). */
	ipcNamespaces?: NsId[];
	/** Index of the next init container to run; = initContainers.length when all have run. */
	initIndex: number;
	containers: ContainerStatus[];

	events: PodEvent[];
};

export type RuntimeState = {
	containerd?: HostPid;
	kubelet?: HostPid;
	podPidsLimit?: number;
	/** The kubelet's node name (node-1 unless told otherwise). */
	nodeName?: string;
	pods: Record<string, PodState>;
	/** Pod names in creation order. */
	order: string[];
	uidSeq: number;
	/** What podplay said it does not simulate (R-EXEC-10, R-EXEC-19), for the playground to keep on screen. */
	notes?: string[];
	/** Exec probes and hooks running now (R-HOOK-2). */
	execs?: Record<number, ExecRecord>;
	execSeq?: number;
};

export function emptyRuntime(podPidsLimit?: number): RuntimeState {
	return {pods: {}, order: [], uidSeq: 0, ...(podPidsLimit === undefined ? {} : {podPidsLimit})};
}
