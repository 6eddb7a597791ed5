// The working context of one kernel step: the draft being changed, the events it emits and the
// program reactions still to run. Kernel functions take it as their first argument.

import {isDraft, original} from 'immer';
import {deepCopy} from './copy.js';
import {adopt, adoptProcess, type Cow, copying, copyNs, copyProcess} from './cow.js';
import type {Errno} from './errno.js';
import {rawField} from './raw.js';
import type {ProgramEvent, ProgramTable} from './syscalls.js';
import {tableDelete, tableGet, tableSet} from './table.js';
import type {
	Cgroup,
	HostPid,
	Kernel,
	KernelEvent,
	Namespace,
	NsId,
	PidNamespace,
	Process,
	Timer,
} from './types.js';

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
	/** What this step made itself and changes natively (cow.ts, working.ts). */
	cow?: Cow;
	/** The kernel is plain data nobody else holds (a fast-forward's copy): changed in place. */
	inPlace?: boolean;
	/** The step's world is frozen when it ends (immer's auto-freeze; default true). */
	freeze?: boolean;
	/** Cgroup chains this step has charged (cgroup.ts). */
	cgroupChains?: Map<string, Cgroup[]>;
	/** Namespaces this step has read for changing, and for reading only (context.ts). */
	nsDrafts?: Map<NsId, Namespace>;
	nsPeeks?: Map<NsId, Namespace>;
	/** The programs' random(), drawing from the kernel's seeded generator (dispatch.ts). */
	random?: () => number;
	/** The process table as this step last read or wrote it (context.ts). */
	procs?: Kernel['procs'];
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

/**
 * Process `pid`, to read and change: inside a copy-on-write step, the step's own copy (made on the
 * first call, the same object on every later one).
 */
export function proc(ctx: Ctx, pid: number): Process | undefined {
	const found = tableGet(procTable(ctx), pid);
	if (!found) return undefined;
	const cow = copying(ctx);
	// Changing in place, only a frozen process is shared (with the world an earlier step made).
	if (cow ? cow.owned.has(found) : !Object.isFrozen(found)) return found;
	const copy = copyProcess(found);
	if (cow) adoptProcess(cow, copy);
	setProcTable(ctx, tableSet(procTable(ctx), pid, copy, cow));
	return copy;
}

/**
 * Process `pid` as the step sees it now, to read only and at once (a scan over many processes):
 * no copy. A reference kept across a change may be stale; take `proc` for anything longer.
 */
export function peekProc(ctx: Ctx, pid: number): Process | undefined {
	return tableGet(procTable(ctx), pid);
}

/** A new process enters the table (fork, boot). */
export function addProc(ctx: Ctx, p: Process): void {
	const cow = copying(ctx);
	if (cow) adoptProcess(cow, p);
	setProcTable(ctx, tableSet(procTable(ctx), p.hostPid, p, cow));
}

/** A reaped process leaves the table. */
export function removeProc(ctx: Ctx, pid: number): void {
	setProcTable(ctx, tableDelete(procTable(ctx), pid, copying(ctx)));
}

/**
 * Namespace `id`, to read and change: the step's own copy (copied once, cow.ts), kept on the
 * context. Every fork and exit changes four or five namespaces (reference counts, PID tables);
 * through immer each change cost several proxy traps on the kernel's and the table's drafts.
 */
export function namespace(ctx: Ctx, id: NsId): Namespace | undefined {
	const cache = (ctx.nsDrafts ??= new Map());
	let ns = cache.get(id);
	if (ns === undefined) {
		const raw = rawField(rawField(ctx.k, 'namespaces'), id);
		ns = raw === undefined ? undefined : ownNs(ctx, raw);
		if (ns) cache.set(id, ns);
	}
	return ns;
}

function ownNs(ctx: Ctx, raw: Namespace): Namespace {
	const cow = copying(ctx);
	// A draft someone made of it this step stays the one to change (no write may be lost).
	if (!cow ? !Object.isFrozen(raw) : isDraft(raw)) return raw;
	const copy = copyNs(raw);
	if (cow) adopt(cow, copy, true);
	ctx.k.namespaces[raw.id] = copy;
	return copy;
}

/** A namespace made by this step enters the table. */
export function addNs(ctx: Ctx, ns: Namespace): void {
	ctx.k.namespaces[ns.id] = ns;
	const cow = copying(ctx);
	if (cow) adopt(cow, ns, true);
	(ctx.nsDrafts ??= new Map()).set(ns.id, ns);
}

/** The namespace is gone from the table (every deletion goes through here). */
export function forgetNs(ctx: Ctx, id: NsId): void {
	delete ctx.k.namespaces[id];
	ctx.nsDrafts?.delete(id);
	ctx.nsPeeks?.delete(id);
}

/** PID namespace `id`, to read and change. */
export function pidNs(ctx: Ctx, id: NsId): PidNamespace {
	return namespace(ctx, id) as PidNamespace;
}

/** PID namespace `id`, to read only and at once: no draft made for it. */
export function peekNs(ctx: Ctx, id: NsId): PidNamespace {
	const drafted = ctx.nsDrafts?.get(id);
	if (drafted) return drafted as PidNamespace;
	const peeks = (ctx.nsPeeks ??= new Map());
	let ns = peeks.get(id);
	if (ns === undefined) {
		ns = rawField(rawField(ctx.k, 'namespaces'), id);
		if (ns) peeks.set(id, ns);
	}
	return ns as PidNamespace;
}

/**
 * The process table as the step sees it now, without a draft of it. Kept on the context: only
 * this step's own calls change it, and one step holds one context per kernel at a time.
 */
function procTable(ctx: Ctx): Kernel['procs'] {
	ctx.procs ??= rawField(ctx.k, 'procs');
	return ctx.procs;
}

function setProcTable(ctx: Ctx, table: Kernel['procs']): void {
	if (ctx.procs === table) return;
	ctx.k.procs = table;
	ctx.procs = table;
}

/** The node's own PID namespace (set at boot, never changed: the draft's base holds it). */
export function rootPidNs(ctx: Ctx): NsId {
	return (isDraft(ctx.k) ? (original(ctx.k) as Kernel) : ctx.k).root.pid;
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
