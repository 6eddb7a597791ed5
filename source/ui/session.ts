// The view-model the playground reads. The engine implements it; the UI never sees the world itself
// (DESIGN.md: ui/ only dispatches actions and reads selectors). Types only, no simulation logic.
import type {ClusterView} from './cluster-pane.js';

/** A process state as `ps` prints it. The UI always shows the letter, colour is only a second cue. */
export type ProcState = 'R' | 'S' | 'Z' | 'T';

/** Namespace kinds a process can hold (create and keep alive). */
export type NsKind = 'pid' | 'ipc' | 'net' | 'uts' | 'mnt';

/** One row of the host process tree, in tree order (depth-first, children after their parent). */
export type ProcessRow = {
	hostPid: number;
	/** PIDs at every level, outermost (host) first, like `NSpid:` in /proc/PID/status (R-PIDNS-1). */
	nsPids: number[];
	/** Parent as the host sees it (R-PIDNS-6). */
	ppid: number;
	comm: string;
	state: ProcState;
	/** 0 for the host init. */
	depth: number;
	pod?: string;
	container?: string;
	/** Names of the other threads of this process, shown under it. */
	threads: string[];
	/** Exited but not reaped yet: shown as `<defunct>` (R-ZOMB-1). */
	zombie: boolean;
	/** Reparented recently (R-REAP-2/3): the UI marks it so the move can be seen. */
	adopted: boolean;
	/** Changed by the event just shown ("now") or a little earlier ("recent"): the row lights up, then fades. */
	change?: 'now' | 'recent';
	/** Namespaces this process created and holds. */
	holds: NsKind[];
	/** PID 1 of its PID namespace (R-PIDNS-3). */
	nsInit: boolean;
	pidNsId: number;
	/** Its namespaces' ids (pid, ipc, net, uts, mnt): the namespaces pane lists them first. */
	nsIds: number[];
	/** Set when this row enters a new PID namespace, e.g. `pid:[4026532201] web/app`. */
	boundary?: string;
	hasChildren: boolean;
	collapsed: boolean;
	/** The last child of its parent (draws `└─` instead of `├─`). */
	last: boolean;
	/**
	 * For each ancestor level 1..depth-1, whether a vertical guide continues there (that ancestor has
	 * later siblings). Length `max(depth - 1, 0)`. Lets a window of rows be drawn without the rest.
	 */
	guides: boolean[];
};

export type ContainerState = 'waiting' | 'running' | 'terminated';

export type PodRow = {
	name: string;
	/** READY as kubectl prints it, e.g. `1/2` (R-STATUS-3). */
	ready: string;
	/** STATUS as kubectl prints it, e.g. `Running`, `CrashLoopBackOff`, `Init:0/1`. */
	status: string;
	/** RESTARTS as kubectl prints it: `0`, `2 (5s ago)`. */
	restarts: string;
	age: string;
	containers: {name: string; state: ContainerState; reason?: string}[];
	/** pids.current/pids.max of the pod's cgroup, e.g. `32/32`. */
	pids?: string;
	/** Current pod flags, so the UI can offer the right toggle. */
	shareProcessNamespace?: boolean;
	hostIPC?: boolean;
};

export type NamespaceRow = {
	type: NsKind;
	id: number;
	/** Who keeps it alive, e.g. `pause 1210` or `bind mount`. */
	holder: string;
	members: number;
};

export type QueueRow = {
	ipcNamespace: number;
	key: string;
	id: number;
	messages: number;
	bytes: number;
	/** msg_qbytes (R-IPC-4). */
	limit: number;
	producers: string[];
	consumers: string[];
};

/** One explained event: what happened and the rule that made it happen. */
export type WhyRow = {
	/** Virtual time in ms. */
	t: number;
	rule: string;
	text: string;
	/** The event's place among all events so far (0 first), when the session counts them. */
	seq?: number;
	/** The host PID the event is about, if one. */
	pid?: number;
	/** The event's own data (signal, status, namespace, …), for the rule card. */
	data?: Record<string, unknown>;
};

/** The panes beside the tree (a scenario's chapter can bring one forward: `focus`). */
export type PaneName = 'pods' | 'story' | 'namespaces' | 'queues' | 'details';

/** The details pane: one process as htop's and k9s' describe show it. */
export type ProcessDetails = {
	hostPid: number;
	nsPids: number[];
	ppid: number;
	comm: string;
	state: ProcState;
	threads: number;
	namespaces: {type: NsKind; id: number; holder: string}[];
	signals: {handled: string[]; ignored: string[]; blocked: string[]; pending: string[]};
	/** The cgroup and the nearest limits above it (pids.max is set on the pod's cgroup). */
	cgroup: {path: string; pidsCurrent: number; pidsMax?: number; memoryCurrent: number; memoryMax?: number};
	container?: {
		pod: string;
		name: string;
		state: string;
		reason?: string;
		exitCode?: number;
		restarts: number;
		/** The pod's latest events, oldest first: `reason: message`. */
		events: string[];
	};
};

/** One narration step of the scenario: a `say` or a chapter (its title and notes). */
export type NarrationEntry = {
	/** Virtual time in ms. */
	at: number;
	kind: 'say' | 'chapter';
	text: string;
	/** Narrates the moment shown (every entry of the latest narrated time). */
	current: boolean;
	/** A chapter's pane to show (`chapter: {focus: queues}`). */
	focus?: PaneName;
};

/** A rule as the rule card shows it (source/rules/). */
export type RuleCard = {id: string; title: string; statement: string; source: string};

export type SessionStatus = {
	/** Virtual time in ms. */
	time: number;
	/** Processes on the node (collapsed or not). */
	processes: number;
	/** Virtual seconds per real second. */
	speed: number;
	playing: boolean;
	branch: string;
	chapter?: string;
	/** The pane the current chapter is about, if it names one. */
	focus?: PaneName;
	atEnd: boolean;
	/** A long jump (`goto` far ahead) under way: where to, and how far it has got (0..1). */
	jump?: {target: number; progress: number};
	/** Slow motion: the moment is shown after `shown` of its `of` events. */
	event?: {shown: number; of: number};
	/** Why play last stopped on its own (a breakpoint, the scenario's end), until the next change. */
	stopped?: string;
};

/** A scenario's question (`ask:`): open until revealed; `picked` is the viewer's choice (1-based). */
export type QuestionView = {
	question: string;
	choices: string[];
	picked?: number;
	/** Set once revealed, with why and the rules that decided it. */
	answer?: number;
	explain?: string;
	rules?: string[];
};

/** A branch of time as the branch menu shows it. */
export type BranchInfo = {
	name: string;
	/** The branch on screen. */
	current: boolean;
	/** The branch it left and the virtual time (ms) it left it at; absent for main. */
	parent?: string;
	split?: number;
	/** Virtual time of its last moment. */
	end: number;
	/** Where it is shown: the moment on screen for the current branch, its last moment otherwise. */
	now: number;
};

export type BreakpointKind = 'zombie' | 'pid1-exit' | 'queue-gone';

/**
 * A command's answer, one line. `later`: a command that finishes asynchronously (`load`) answers
 * again when it is done, and that answer replaces the first one.
 */
export type RunResult =
	| {ok: true; message?: string; later?: Promise<RunResult>}
	| {ok: false; message: string};

/**
 * What the playground needs from the simulation. Reads are windowed so a frame costs the same with
 * 50 processes or 50,000: the UI asks only for the rows it can show.
 *
 * Commands the UI builds for its keys (the session must accept these, and may accept more):
 * - `kill pid:<hostPid> <SIG>`            signal a host process (s menu)
 * - `kill <pod>/<container>:1 <SIG>`      signal PID 1 of a container from the host (K)
 * - `share <pod> on|off`                  shareProcessNamespace (P)
 * - `hostipc <pod> on|off`                hostIPC (I)
 * - `supervise <pod>/<container> systemd|tini` (S)
 * - `spawn pid:<hostPid>`                 fork a child of the process (f)
 * - `orphan pid:<hostPid>`                make an orphan under the process (o)
 * - `delete <pod>`                        delete the pod (D)
 * - `node`                                show the next node's processes, in a cluster (m)
 * - `answer <N>`                          pick choice N of the open question (1-9)
 * SIG is a name without the SIG prefix: TERM, INT, HUP, KILL, STOP, CONT.
 */
export type Session = {
	/** Number of visible rows (collapsed subtrees excluded). */
	processCount(): number;
	/** Visible rows `[start, start + count)`, clamped to the end. */
	processRows(start: number, count: number): ProcessRow[];
	/** Visible row index of a host PID, or -1 when it is gone or inside a collapsed subtree. */
	indexOfPid(hostPid: number): number;
	pods(): PodRow[];
	namespaces(): NamespaceRow[];
	queues(): QueueRow[];
	/** The latest `count` events, oldest first. */
	why(count: number): WhyRow[];
	/** In a cluster (R-SCHED): the nodes, what is placed where and what waits; otherwise undefined. */
	cluster?(): ClusterView | undefined;
	/** The details pane for a host PID, or undefined when it is gone. */
	details(hostPid: number): ProcessDetails | undefined;
	/** A rule of the catalogue by id (the rule card), or undefined. */
	rule(id: string): RuleCard | undefined;
	/** Narration for the current moment, oldest first (two `say`s at one moment are two texts); empty when none. */
	caption(): readonly string[];
	/** The scenario's question on screen now, if any (digits 1-9 answer it: `answer N`). */
	question?(): QuestionView | undefined;
	/** Every `say` and chapter played up to the moment shown, oldest first. */
	narration(): NarrationEntry[];
	status(): SessionStatus;

	play(): void;
	pause(): void;
	togglePlay(): void;
	/** The next event (slow motion), or the next moment that shows something. */
	stepForward(): void;
	/** The previous event, or the previous moment. */
	stepBack(): void;
	/** The next moment, whole. */
	stepMoment(): void;
	/** The previous moment, whole. */
	stepMomentBack(): void;
	faster(): void;
	slower(): void;
	nextChapter(): void;
	prevChapter(): void;
	goto(ms: number): void;
	/** Stop a long jump where it has got to (Esc or Ctrl-C while `status().jump` is set). */
	cancelJump?(): void;
	branches(): string[];
	/** Each branch with its split point and time, the current one marked (the branch menu). */
	branchInfo?(): BranchInfo[];
	switchBranch(name: string): void;

	collapse(hostPid: number): void;
	expand(hostPid: number): void;
	collapseAll(): void;
	expandAll(): void;
	collapseToDepth(depth: number): void;

	setBreakpoint(kind: BreakpointKind, on: boolean): void;
	/** Current breakpoints (for the breakpoints menu). */
	breakpoints(): Record<BreakpointKind, boolean>;

	/** The `:` command line. Never throws: a bad command is `{ok: false, message}` in one sentence. */
	run(command: string): RunResult;
	commandNames(): string[];
	/** Tab completion: full candidate command lines that start with `partial`. */
	complete(partial: string): string[];

	/**
	 * Called at most once per frame tick while playing, never while paused (no CPU while paused).
	 * After its own calls (keys, commands) the UI re-reads at once, without a notification.
	 * Returns an unsubscribe function.
	 */
	subscribe(listener: () => void): () => void;
};
