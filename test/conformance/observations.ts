// What one run of a case shows, on the real kernel or in the simulation. Both runners produce this
// shape so the comparison never needs to know which side it is looking at.

/** `never`: the fork that should have made it failed; `gone`: it existed and was reaped. */
export type ProcessState = 'alive' | 'zombie' | 'stopped' | 'gone' | 'never';

export type ProcessView = {
	state: ProcessState;
	/** A label, or `outside` for a parent that is no labelled process (the host's init). */
	parent?: string;
	/** PIDs below the host level, outermost first: `NSpid: H 2 1` gives [2, 1] (R-PIDNS-1). */
	nspid?: number[];
	/** getppid() as the process sees it; 0 when its parent is outside its namespace (R-PIDNS-3). */
	ppid?: number;
	/** The call it is blocked in, if any: msgsnd, msgrcv, wait, sigwait. */
	blocked?: string;
	/** Signals whose handler ran, in order. */
	handled?: string[];
};

export type QueueView = {key: number; messages: number; bytes: number};

export type Snapshot = {
	step: number;
	processes: Record<string, ProcessView>;
	/** Queues of the IPC namespace of a labelled process or of a pin, sorted by key. */
	queues: Record<string, QueueView[]>;
	/** pids.current of the cgroup made by `pids_max` for a label. */
	pids: Record<string, number>;
};

/** `result` is `ok`, an errno name, `blocked` (never returned) or `none`. */
export type Outcome = {result: string; [detail: string]: unknown};

export type StepResult = {step: number; op: string; outcome: Outcome};

export type Observations = {results: StepResult[]; snapshots: Snapshot[]; error?: string};

/** A runner either ran the case, could not run it here (skipped), or broke (failed). */
export type RunOutcome =
	| {kind: 'ran'; observations: Observations}
	| {kind: 'skipped'; reason: string}
	| {kind: 'failed'; reason: string};

export const processFields = ['state', 'parent', 'nspid', 'ppid', 'blocked', 'handled'] as const;
export type ProcessField = (typeof processFields)[number];
