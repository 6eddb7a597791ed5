// cgroups: the pids controller (R-ZOMB-5, K21) and memory limits with the OOM killer (R-STATUS-4).
import {isDraft} from 'immer';
import type {Ctx} from './context.js';
import {emit, label, proc} from './context.js';
import {adopt, copying} from './cow.js';
import {rawField} from './raw.js';
import {forceKill} from './signal.js';
import {tableValues} from './table.js';
import type {Cgroup, Process} from './types.js';

export type CgroupLimits = {pidsMax?: number; memoryMax?: number; oomGroup?: boolean};

/** mkdir in the cgroup tree: an existing group is kept as it is (EEXIST), a missing parent refused (ENOENT). */
export function createCgroup(
	ctx: Ctx,
	path: string,
	parent: string,
	limits: CgroupLimits = {},
): Cgroup | undefined {
	const existing = ctx.k.cgroups[path];
	if (existing) return existing;
	if (!ctx.k.cgroups[parent]) return undefined;
	const group: Cgroup = {
		path,
		parent,
		...(limits.pidsMax === undefined ? {} : {pidsMax: limits.pidsMax}),
		pidsCurrent: 0,
		...(limits.memoryMax === undefined ? {} : {memoryMax: limits.memoryMax}),
		memoryCurrent: 0,
		oomGroup: limits.oomGroup ?? false,
	};
	ctx.k.cgroups[path] = group;
	const cow = copying(ctx);
	if (cow) adopt(cow, group, false);
	return group;
}

/**
 * A cgroup and its ancestors, innermost first: limits apply at every level. The step's own
 * copies (numbers only, so a shallow copy is a full one, cow.ts), kept on the context: every fork
 * and exit charges the chain, and through immer each charge cost several proxy traps.
 */
export function cgroupChain(ctx: Ctx, path: string): Cgroup[] {
	const cached = ctx.cgroupChains?.get(path);
	if (cached) return cached;
	const chain: Cgroup[] = [];
	for (let current = ownCgroup(ctx, path); current; ) {
		chain.push(current);
		current = current.parent === undefined ? undefined : ownCgroup(ctx, current.parent);
	}
	if (chain.length > 0) (ctx.cgroupChains ??= new Map()).set(path, chain);
	return chain;
}

function ownCgroup(ctx: Ctx, path: string): Cgroup | undefined {
	const groups = rawField(ctx.k, 'cgroups');
	const raw = rawField(groups, path);
	if (!raw) return undefined;
	const cow = copying(ctx);
	// A draft someone made of it this step, or a group this step made, is changed as it is.
	if (!cow ? !Object.isFrozen(raw) : isDraft(raw) || cow.owned.has(raw)) return raw;
	const copy = {...raw};
	if (cow) adopt(cow, copy, false);
	ctx.k.cgroups[path] = copy;
	return copy;
}

/** The cgroup whose pids.max one more task would exceed, if any (R-ZOMB-5: zombies count). */
export function pidsLimitHit(ctx: Ctx, path: string, tasks = 1): Cgroup | undefined {
	return cgroupChain(ctx, path).find((g) => g.pidsMax !== undefined && g.pidsCurrent + tasks > g.pidsMax);
}

export function chargePids(ctx: Ctx, path: string, tasks: number): void {
	for (const group of cgroupChain(ctx, path)) group.pidsCurrent += tasks;
}

export function chargeMemory(ctx: Ctx, p: Process, bytes: number): void {
	p.rss += bytes;
	ctx.k.memoryUsed += bytes;
	for (const group of cgroupChain(ctx, p.cgroup)) group.memoryCurrent += bytes;
	if (bytes <= 0) return;
	const over = cgroupChain(ctx, p.cgroup).find(
		(g) => g.memoryMax !== undefined && g.memoryCurrent > g.memoryMax,
	);
	if (over) oomKill(ctx, over, p);
	else if (ctx.k.memoryUsed > ctx.k.memoryTotal) oomKill(ctx, undefined, p);
}

/**
 * R-STATUS-4, R-SIG-3: the OOM killer's SIGKILL comes from the kernel and is never filtered, so it
 * kills a namespace init too. With memory.oom.group the whole cgroup goes; else the biggest task.
 */
function oomKill(ctx: Ctx, group: Cgroup | undefined, trigger: Process): void {
	const candidates = [...tableValues(ctx.k.procs)].filter(
		(q) => q.state !== 'Z' && q.parent !== 0 && (group === undefined || isInside(ctx, q.cgroup, group.path)),
	);
	if (candidates.length === 0) return;
	const where = group ? `cgroup ${group.path} (memory.max ${group.memoryMax} bytes)` : 'the node';
	const victims = group?.oomGroup
		? candidates
		: [candidates.reduce((best, q) => (q.rss > best.rss ? q : best), candidates[0])];
	emit(
		ctx,
		'R-STATUS-4',
		'oom',
		`out of memory in ${where} after ${label(trigger)} allocated: the OOM killer sends SIGKILL to ${victims.map(label).join(', ')}`,
		{pid: trigger.hostPid, data: {victims: victims.map((v) => v.hostPid)}},
	);
	for (const victim of victims) {
		const live = proc(ctx, victim.hostPid);
		if (live) forceKill(ctx, live, {oom: true});
	}
}

function isInside(ctx: Ctx, path: string, ancestor: string): boolean {
	return cgroupChain(ctx, path).some((g) => g.path === ancestor);
}
