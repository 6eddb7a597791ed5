// Copy-on-write inside one step, for the process table and the PID tables (table.ts says why not
// through immer). The first time a step asks for a process to change, it copies that process (and
// the containers it changes in place: namespaces, children, threads, signal state), puts the copy
// in its own copy of the table, and works on it natively from then on. Reads take the committed
// process as it is. When the step ends, the tables it made are frozen (immer then skips them when
// it finalizes, instead of walking every process in a new chunk) and, when the step freezes its
// world, so are the processes it made: a later step that changes one by mistake throws.
import {isDraft} from 'immer';
import type {Ctx} from './context.js';
import {deepCopy} from './copy.js';
import type {Namespace, Process} from './types.js';

/** What one step made itself, and so may change natively until the step ends. */
export type Cow = {
	/** A Set, not a WeakSet: it lives one step, and adding to a WeakSet costs several times more. */
	owned: Set<object>;
	/** Arrays (table levels, children, log lines): frozen when the step ends. */
	made: object[];
	/**
	 * Arrays copied from values never frozen (a world built in place), and new timers: frozen all
	 * the way down when the world is.
	 */
	deep: object[];
	/** Processes: frozen all the way down when the world is. */
	procs: object[];
};

/** The step's bookkeeping, made on first need. */
export function cowOf(ctx: Ctx): Cow {
	ctx.cow ??= {owned: new Set(), made: [], deep: [], procs: []};
	return ctx.cow;
}

/**
 * The bookkeeping when the step must not change what it reads (its kernel is an immer draft: the
 * old world lives on in the history); undefined when it changes a plain kernel in place, as a
 * fast-forward on a private copy does.
 */
export function copying(ctx: Ctx): Cow | undefined {
	ctx.inPlace ??= !isDraft(ctx.k);
	return ctx.inPlace ? undefined : cowOf(ctx);
}

/**
 * Record the array `value`, made by this step, as its own. `deep`: it holds values that may not be
 * frozen yet (a copy of a table never frozen); otherwise frozen values or values this step made.
 */
export function adopt(cow: Cow, value: object, deep: boolean): void {
	cow.owned.add(value);
	cow.made.push(value);
	if (deep) cow.deep.push(value);
}

/** Record the process `p`, made by this step (a copy or a new child), as its own. */
export function adoptProcess(cow: Cow, p: Process): void {
	cow.owned.add(p);
	cow.owned.add(p.children);
	cow.procs.push(p);
}

/** A copy of `p` this step may change: its own containers, shared immutable leaves. */
export function copyProcess(p: Process): Process {
	return {
		...p,
		ns: {...p.ns},
		children: [...p.children],
		threads: p.threads.map((t) => ({...t})),
		actions: {...p.actions},
		pending: [...p.pending],
		program: {...p.program},
	};
}

/**
 * A copy of namespace `ns` this step may change: its own containers (a PID namespace's table is
 * copied on write by table.ts; an IPC namespace's queues are copied whole, messages and all).
 */
export function copyNs(ns: Namespace): Namespace {
	switch (ns.type) {
		case 'pid':
			return {...ns};
		case 'ipc':
			return {...ns, pins: [...ns.pins], queues: deepCopy(ns.queues)};
		case 'net':
			return {...ns, pins: [...ns.pins], ports: {...ns.ports}};
		case 'uts':
			return {...ns, pins: [...ns.pins]};
		case 'mnt':
			return {...ns, pins: [...ns.pins], mounts: {...ns.mounts}};
	}
}

/** The end of the step: what it made is final. */
export function sealCow(ctx: Ctx): void {
	const cow = ctx.cow;
	if (!cow) return;
	if (ctx.freeze !== false) {
		for (const value of cow.procs) {
			if (!deepFreeze(value))
				throw new Error(`kernel invariant: an immer draft was stored in a process, at ${draftPath(value)}`);
		}
		for (const value of cow.deep) deepFreeze(value);
	}
	for (const value of cow.made) Object.freeze(value);
	// The timer heap too (timers.ts): immer would otherwise walk every timer looking for drafts.
	if (ctx.timers) {
		Object.freeze(ctx.timers);
		ctx.timers = undefined;
	}
	ctx.cow = undefined;
}

/**
 * Freeze `value` and whatever it holds that is not frozen yet (frozen values hold frozen values).
 * False when it meets a draft: one that came in without settled() (plain.ts) would be revoked when
 * produce returns.
 */
function deepFreeze(value: unknown): boolean {
	if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return true;
	if (isDraft(value)) return false;
	let ok = true;
	if (Array.isArray(value)) {
		for (const item of value) ok = deepFreeze(item) && ok;
	} else for (const key in value) ok = deepFreeze((value as Record<string, unknown>)[key]) && ok;
	Object.freeze(value);
	return ok;
}

function draftPath(value: unknown, path = 'process'): string | undefined {
	if (value === null || typeof value !== 'object') return undefined;
	if (isDraft(value)) return path;
	for (const [key, field] of Object.entries(value)) {
		const found = draftPath(field, `${path}.${key}`);
		if (found) return found;
	}
	return undefined;
}
