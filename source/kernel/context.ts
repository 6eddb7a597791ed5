// The working context of one kernel step: the draft being changed, the events it emits and the
// program reactions still to run. Kernel functions take it as their first argument.
import {deepCopy} from './copy.js';
import type {Errno} from './errno.js';
import type {ProgramEvent, ProgramTable} from './syscalls.js';
import {tableGet} from './table.js';
import type {HostPid, Kernel, KernelEvent, NsId, PidNamespace, Process, Timer} from './types.js';

export type Wakeup = {pid: HostPid; event: ProgramEvent};

export type Ctx = {
	k: Kernel;
	events: KernelEvent[];
	/** Program reactions waiting to run, in order. */
	queue: Wakeup[];
	/** The timer list as a plain array while the step runs (timers.ts). */
	timers?: Timer[];
	/** The working timer list differs from the state's. */
	timersChanged?: boolean;
	programs: ProgramTable;
	/** Plain arrays made in this step and put in the draft (working.ts): changed natively. */
	owned?: WeakSet<object>;
	ownedList?: object[];
	/** Zombie children per parent, counted on first need in this step (children.ts). */
	zombies?: Map<number, number>;
};

export function emit(
	ctx: Ctx,
	rule: string,
	kind: string,
	text: string,
	extra: {pid?: number; errno?: Errno; data?: Record<string, unknown>} = {},
): void {
	// Event data must not hold drafts of the state (revoked when the step ends) nor objects of a
	// fast-forward's working copy (changed in place later): it keeps a plain copy.
	const data = extra.data === undefined ? undefined : deepCopy(extra.data);
	ctx.events.push({t: ctx.k.now, rule, kind, text, ...extra, ...(data ? {data} : {})});
}

export function proc(ctx: Ctx, pid: number): Process | undefined {
	return tableGet(ctx.k.procs, pid);
}

export function mustProc(ctx: Ctx, pid: number): Process {
	const found = tableGet(ctx.k.procs, pid);
	if (!found) throw new Error(`kernel invariant: no process ${pid}`);
	return found;
}

export function pidNs(ctx: Ctx, id: NsId): PidNamespace {
	return ctx.k.namespaces[id] as PidNamespace;
}

/** The process's PID in its own (innermost) namespace. */
export function ownPid(p: Process): number {
	return p.pids[p.pids.length - 1];
}

/** "57 (app)" — how events name a process: host PID and command. */
export function label(p: Process): string {
	return `${p.hostPid} (${p.comm})`;
}

export function wake(ctx: Ctx, pid: HostPid, event: ProgramEvent): void {
	ctx.queue.push({pid, event});
}
