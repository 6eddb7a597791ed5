// The kernel model's state: plain, serialisable data (no classes, no functions), so a world
// round-trips through JSON and immer can share structure between moments.
import type {Errno} from './errno.js';
import type {SignalName} from './signals.js';
import type {Syscall} from './syscalls.js';
import type {Table} from './table.js';

/** A PID as the host (the root PID namespace) sees it. */
export type HostPid = number & {readonly __brand: 'HostPid'};
/** A PID as one particular PID namespace sees it. */
export type NsPid = number & {readonly __brand: 'NsPid'};
/** A namespace's id, shown like the inode number of /proc/PID/ns/*. */
export type NsId = number;

export type NsType = 'pid' | 'ipc' | 'net' | 'uts' | 'mnt';

/** ps-style state letter: running, sleeping, zombie, stopped. */
export type ProcState = 'R' | 'S' | 'Z' | 'T';

export type Disposition = 'default' | 'ignore' | 'handle';

export type Thread = {
	/** Thread id at each PID-ns level, outermost first (threads take PIDs too). */
	tids: number[];
	name: string;
};

export type ExitStatus = {code: number} | {signal: SignalName; oom?: boolean};

/** What a process sleeps in: the call it is blocked on. */
export type Blocker =
	| {call: 'wait'; pid: number; reply?: string}
	| {call: 'msgsnd'; ipcNs: NsId; msqid: number; mtype: number; size: number; text?: string; reply?: string}
	| {
			call: 'msgrcv';
			ipcNs: NsId;
			msqid: number;
			msgtyp: number;
			maxSize: number;
			noerror: boolean;
			reply?: string;
	  }
	| {call: 'pause'; reply?: string}
	| {call: 'sleep'; until: number; reply?: string}
	| {call: 'sigwait'; signals: SignalName[]; until?: number; reply?: string};

export type PendingSignal = {signal: SignalName; siPid: number; fromKernel?: boolean};

/** What runs in a process: a program name from the program table, its parameters and its own state. */
export type ProgramRef = {name: string; params: Record<string, unknown>; state: Record<string, unknown>};

export type Process = {
	hostPid: HostPid;
	/** PID at each level of the PID-namespace tree, outermost first: /proc/PID/status NSpid (R-PIDNS-1). */
	pids: NsPid[];
	/** Active namespaces. */
	ns: Record<NsType, NsId>;
	/** pid_ns_for_children after unshare(CLONE_NEWPID) or setns (R-PIDNS-2). */
	childPidNs?: NsId;
	/** The parent (real_parent), 0 for the host init. */
	parent: HostPid;
	/** Which of the parent's threads forked it; PR_SET_PDEATHSIG fires when that thread exits (R-REAP-1). */
	parentThread?: string;
	children: HostPid[];
	comm: string;
	argv: string[];
	state: ProcState;
	threads: Thread[];
	/** PR_SET_CHILD_SUBREAPER (R-REAP-6). */
	subreaper: boolean;
	pdeathsig?: SignalName;
	actions: Partial<Record<SignalName, Disposition>>;
	/** SA_NOCLDWAIT on SIGCHLD (R-ZOMB-3). */
	nocldwait: boolean;
	blocked: SignalName[];
	pending: PendingSignal[];
	sleepingIn?: Blocker;
	/** Calls left to make once the blocking call returns. */
	resume?: Syscall[];
	exit?: ExitStatus;
	/** Set while a namespace init waits for its namespace to empty (R-PIDNS-7c). */
	exiting?: ExitStatus;
	/** Reparented at this time (for "freshly adopted" marks). */
	adoptedAt?: number;
	/** The process group: its leader's PID at each level (the number outlives a reaped leader). */
	pgrp: number[];
	cgroup: string;
	/** Resident memory in bytes (counts against the cgroup's memory.max). */
	rss: number;
	startedAt: number;
	program: ProgramRef;
	/** Stdout goes to this stream (a container's log, or the node console). */
	stdout: string;
	/** Free-form labels set by the layer that started it (the runtime marks its containers here). */
	labels: Record<string, string>;
};

export type PidNamespace = {
	type: 'pid';
	id: NsId;
	parent?: NsId;
	level: number;
	/** Last PID handed out (R-PIDNS-4). */
	lastPid: number;
	pidMax: number;
	/** NsPid → HostPid of every task (processes and threads) with a PID here, zombies included. */
	pids: Table<HostPid>;
	count: number;
	/** Host PID of this namespace's init (its PID 1), if it has had one. */
	init?: HostPid;
	/** False once the init has exited: later forks into it fail with ENOMEM (R-PIDNS-7a). */
	allocating: boolean;
	creator: HostPid;
};

export type Message = {mtype: number; size: number; text?: string};

export type MsgQueue = {
	id: number;
	key: number;
	creator: HostPid;
	messages: Message[];
	bytes: number;
	/** msg_qbytes: caps both queued bytes and queued message count (R-IPC-4, R-IPC-5). */
	qbytes: number;
	/** Host PIDs blocked in msgsnd / msgrcv on this queue, in arrival order. */
	senders: HostPid[];
	receivers: HostPid[];
	lastSender?: HostPid;
	lastReceiver?: HostPid;
};

export type IpcNamespace = {
	type: 'ipc';
	id: NsId;
	/** Member processes (zombies have already dropped their nsproxy). */
	refs: number;
	/** Other references: bind mounts or open fds of /proc/PID/ns/ipc (R-IPC-3). */
	pins: string[];
	creator: HostPid;
	queues: Record<number, MsgQueue>;
	/** Next sequence number for msqids (ipc/util.c: id = seq * 32768 + index). */
	seq: number;
	msgmax: number;
	msgmnb: number;
	msgmni: number;
};

export type NetNamespace = {
	type: 'net';
	id: NsId;
	refs: number;
	pins: string[];
	creator: HostPid;
	/** Listening ports → host PID of the binder. */
	ports: Record<number, HostPid>;
	ip: string;
};

export type UtsNamespace = {
	type: 'uts';
	id: NsId;
	refs: number;
	pins: string[];
	creator: HostPid;
	hostname: string;
};

export type Volume = {files: Record<string, string[]>};

export type MntNamespace = {
	type: 'mnt';
	id: NsId;
	refs: number;
	pins: string[];
	creator: HostPid;
	/** mountPath → volume id. */
	mounts: Record<string, string>;
};

export type Namespace = PidNamespace | IpcNamespace | NetNamespace | UtsNamespace | MntNamespace;

export type Cgroup = {
	path: string;
	parent?: string;
	/** pids.max; undefined = "max" (R-ZOMB-5, cgroup pids controller). */
	pidsMax?: number;
	/** pids.current: tasks in this cgroup and below, zombies included. */
	pidsCurrent: number;
	memoryMax?: number;
	memoryCurrent: number;
	/** memory.oom.group: the OOM killer takes the whole cgroup (R-STATUS-4). */
	oomGroup: boolean;
};

export type Timer = {
	at: number;
	seq: number;
	/** Which layer fires it: the kernel, or a layer above that set it (e.g. 'runtime'). */
	owner: string;
	pid?: HostPid;
	tag: string;
	data?: Record<string, unknown>;
};

export type Counters = {
	forks: number;
	/** SysV messages sent, received, and destroyed with their queue or namespace. */
	msgSent: number;
	msgReceived: number;
	msgDestroyed: number;
};

export type Kernel = {
	now: number;
	procs: Table<Process>;
	procCount: number;
	namespaces: Record<NsId, Namespace>;
	nextNsId: number;
	/** The root namespaces (the node's own). */
	root: Record<NsType, NsId>;
	cgroups: Record<string, Cgroup>;
	volumes: Record<string, Volume>;
	streams: Record<string, string[]>;
	/** A binary min-heap on (at, seq): timers[0] is the next one due (timers.ts). */
	timers: Timer[];
	timerSeq: number;
	rng: number;
	memoryTotal: number;
	memoryUsed: number;
	counters: Counters;
};

/** One thing the kernel did, with the rule that made it happen. */
export type KernelEvent = {
	t: number;
	rule: string;
	text: string;
	kind: string;
	pid?: number;
	errno?: Errno;
	data?: Record<string, unknown>;
};
