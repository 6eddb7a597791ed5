// The cluster layer's plain data: nodes, what is submitted, what is placed where, and each
// scheduler's own state. Nothing here knows about kernels or runtimes (one runtime per node lives
// in the engine); the layers below know nothing of clusters.

/** Resources as the schedulers count them: memory in bytes, cpu in millicores (R-SCHED-C1). */
export type Resources = {memory: number; cpu: number};

/** A node: its allocatable memory and, optionally, cpu (absent: cpu is not modelled). */
export type NodeSpec = {name: string; memory: number; cpu?: number};

/** A container as Swarm, Mesos and Omega see it: its own request. */
export type Member = {name: string; memory: number; cpu: number};

/** A Pod as the cluster sees it. */
export type Workload = {
	name: string;
	namespace: string;
	/** Containers and native sidecars, in listed order: an affinity group (R-SCHED-C2). */
	members: Member[];
	/** The Pod's effective request (R-SCHED-K2) and its non-zero form for scoring (R-SCHED-K3). */
	request: Resources;
	scoring: Resources;
	/** spec.nodeName: already bound, no scheduler involved. */
	nodeName?: string;
	/** spec.schedulerName: which Mesos framework or Omega scheduler gets it. */
	schedulerName?: string;
	/** When the pod is known to end (a scripted delete), in ms: deadlock detection needs it (R-SCHED-M5). */
	endsAt?: number;
};

export type SwarmStrategy = 'spread' | 'binpack' | 'random';
export type OmegaTransactions = 'incremental' | 'all-or-nothing';

export type OmegaSchedulerSpec = {
	name: string;
	/** t_job and t_task of R-SCHED-O4, in ms. */
	tJob: number;
	tTask: number;
	transactions: OmegaTransactions;
};

export type SchedulerConfig =
	| {name: 'kubernetes'}
	| {name: 'swarm'; strategy: SwarmStrategy; overcommit: number; affinity?: 'hard' | 'soft'}
	| {name: 'mesos'; frameworks: string[]; offerTimeout?: number}
	| {
			name: 'omega';
			schedulers: OmegaSchedulerSpec[];
			conflicts: 'fine' | 'coarse';
			/** One job per Pod (a gang with a same-machine constraint), or one per container. */
			jobs: 'pod' | 'container';
			placement: 'first-fit' | 'random';
	  };

export type SchedulerName = SchedulerConfig['name'];

/** Every event names its rule (R-SCHED-C5); `data` carries the names a reader filters on. */
export type ClusterEvent = {
	t: number;
	rule: string;
	kind: string;
	text: string;
	data?: Record<string, unknown>;
};

/** Resources taken on a node: a whole Pod (Kubernetes, spec.nodeName) or one container. */
export type Placement = {
	pod: string;
	container?: string;
	node: string;
	memory: number;
	cpu: number;
	/** Non-zero requests, for Kubernetes scoring (R-SCHED-K3). */
	scoring: Resources;
	/** The Mesos framework or Omega scheduler that placed it. */
	owner?: string;
	endsAt?: number;
};

export type NodeUse = {memory: number; cpu: number; scoringMemory: number; scoringCpu: number; count: number};

export type ContainerSchedule = {
	node?: string;
	/** Refused while the rest of its group runs elsewhere or alone (Swarm R-SCHED-S8, Omega O4). */
	stranded?: boolean;
	error?: string;
};

/** Where a Pod stands with its scheduler. */
export type PodSchedule = {
	/** The node the whole Pod (every member) runs on. */
	node?: string;
	/** PodScheduled (Kubernetes) or every member placed (the others). */
	scheduled: boolean;
	/** PodScheduled=False reason (Unschedulable) and message (R-SCHED-K10). */
	reason?: string;
	message?: string;
	containers: Record<string, ContainerSchedule>;
	/** Waiting: queued, held (Mesos), in flight (Omega), pending (Kubernetes). */
	waiting?: 'queued' | 'held' | 'in-flight' | 'pending' | 'abandoned';
	at?: number;
};

/** A Mesos offer: free resources of one agent offered to one framework (R-SCHED-M1). */
export type Offer = {id: string; node: string; memory: number; cpu: number; framework: string; at: number};

export type KubeState = {active: string[]; unschedulable: {pod: string; since: number}[]};

export type SwarmState = {queue: {pod: string; member: number}[]; next: number};

export type Framework = {
	name: string;
	/** Pods (groups) not launched yet, in arrival order. */
	groups: string[];
	/** Agent → time until which its offers are filtered for this framework (refuse_seconds). */
	filters: Record<string, number>;
	neverFits: string[];
};

export type MesosState = {
	frameworks: Framework[];
	offers: Offer[];
	offerSeq: number;
	queue: {pod: string; member: number}[];
	next: number;
	/** Members of each pod submitted so far (R-SCHED-M4a). */
	arrived: Record<string, number>;
	/** Nothing can change until a resource is released (deadlock, or every group unplaceable). */
	quiet: boolean;
};

export type OmegaJob = {id: string; pod: string; members: string[]; leader?: string};

export type OmegaAttempt = {
	job: OmegaJob;
	syncAt: number;
	commitAt: number;
	/** The scheduler's private copy of cell state (R-SCHED-O1). */
	free: Record<string, number>;
	seq: Record<string, number>;
};

export type OmegaScheduler = {
	spec: OmegaSchedulerSpec;
	queue: OmegaJob[];
	attempt?: OmegaAttempt;
	attempts: number;
	placedAny: boolean;
	/** The machine a partly committed gang is held to (incremental transactions). */
	pinned?: string;
	busy: number;
	wasted: number;
	conflicts: number;
	transactions: number;
};

export type OmegaState = {schedulers: OmegaScheduler[]; seq: Record<string, number>};

export type ClusterState = {
	config: SchedulerConfig;
	nodes: NodeSpec[];
	/** Every Pod the cluster knows, in submission order. */
	workloads: Workload[];
	placements: Placement[];
	/** Per node, the sums of its placements (kept with them, so a decision costs O(nodes), not O(placements)). */
	used: Record<string, NodeUse>;
	/** Per Mesos framework or Omega scheduler, the memory its tasks use. */
	ownerUsed: Record<string, number>;
	/** Index of each node in `nodes`. */
	nodeIndex: Record<string, number>;
	/** Index of each pod in `workloads`. */
	index: Record<string, number>;
	/** Container names more than one pod uses (shown as pod-container by Swarm and Mesos). */
	clashes: string[];
	pods: Record<string, PodSchedule>;
	/** The cluster's clock (ms): the time of its last decision. */
	now: number;
	/** When the scheduler acts next (undefined: waiting for something to change). */
	due?: number;
	rng: number;
	/** Decisions taken so far (cycles, creates, ticks, commits): what the bench counts. */
	steps: number;
	deadlock: boolean;
	/** When the deadlock was declared (R-SCHED-M5). */
	deadlockAt?: number;
	/** Most memory Mesos frameworks held at once (R-SCHED-M4). */
	heldPeak: number;
	/** Omega tasks applied then rolled back (R-SCHED-O3). */
	rolledBack: number;
	/** Pods bound to a node that the engine has not started yet: they run on that node's runtime. */
	bound: {pod: string; node: string}[];
	kube?: KubeState;
	swarm?: SwarmState;
	mesos?: MesosState;
	omega?: OmegaState;
};
