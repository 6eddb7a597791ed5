// What every scheduler shares: the nodes' accounting, events, placements and the seeded draw.
import {nextRandom} from '../kernel/random.js';
import type {
	ClusterEvent,
	ClusterState,
	NodeSpec,
	NodeUse,
	Placement,
	PodSchedule,
	Resources,
	Workload,
} from './types.js';
import {formatMemory} from './units.js';

/** One scheduler decision takes this long (Swarm's and Mesos' tick, R-SCHED-C3; Mesos' allocation interval). */
export const TICK = 1000;

export type Ctx = {c: ClusterState; events: ClusterEvent[]};

export function emit(
	ctx: Ctx,
	rule: string,
	kind: string,
	text: string,
	data?: Record<string, unknown>,
): void {
	ctx.events.push({t: ctx.c.now, rule, kind, text, ...(data ? {data} : {})});
}

export function workload(c: ClusterState, pod: string): Workload {
	return c.workloads[c.index[pod]!]!;
}

export function nodeSpec(c: ClusterState, name: string): NodeSpec {
	return c.nodes[c.nodeIndex[name]!]!;
}

/** Σ requests placed on a node (R-SCHED-K4 "already on the node"). */
export function placed(c: ClusterState, node: string): Resources {
	const u = c.used[node];
	return u ? {memory: u.memory, cpu: u.cpu} : {memory: 0, cpu: 0};
}

export function use(c: ClusterState, node: string): NodeUse {
	return c.used[node] ?? {memory: 0, cpu: 0, scoringMemory: 0, scoringCpu: 0, count: 0};
}

export function freeMemory(c: ClusterState, node: string): number {
	return nodeSpec(c, node).memory - placed(c, node).memory;
}

function account(c: ClusterState, p: Placement, sign: 1 | -1): void {
	const u = (c.used[p.node] ??= {memory: 0, cpu: 0, scoringMemory: 0, scoringCpu: 0, count: 0});
	u.memory += sign * p.memory;
	u.cpu += sign * p.cpu;
	u.scoringMemory += sign * p.scoring.memory;
	u.scoringCpu += sign * p.scoring.cpu;
	u.count += sign;
	if (p.owner !== undefined) c.ownerUsed[p.owner] = (c.ownerUsed[p.owner] ?? 0) + sign * p.memory;
}

export function place(c: ClusterState, p: Placement): void {
	c.placements.push(p);
	account(c, p, 1);
}

/** Takes the placements `gone` selects off their nodes; returns them. */
export function unplace(c: ClusterState, gone: (p: Placement) => boolean): Placement[] {
	const freed = c.placements.filter(gone);
	if (freed.length === 0) return freed;
	c.placements = c.placements.filter((p) => !gone(p));
	for (const p of freed) account(c, p, -1);
	return freed;
}

export function schedule(c: ClusterState, pod: string): PodSchedule {
	c.pods[pod] ??= {scheduled: false, containers: {}};
	return c.pods[pod];
}

/** A uniform draw in [0, n) from the world's seeded generator (R-SCHED-C4). */
export function draw(c: ClusterState, n: number): number {
	const [value, next] = nextRandom(c.rng);
	c.rng = next;
	return Math.floor(value * n);
}

export function mem(bytes: number): string {
	return formatMemory(bytes);
}

/** The next tick strictly after `t`. */
export function nextTick(t: number): number {
	return Math.floor(t / TICK) * TICK + TICK;
}

/** Display names of containers for Swarm and Mesos: the container's name, unless two pods share it. */
export function memberName(c: ClusterState, pod: string, member: string): string {
	return c.clashes.includes(member) ? `${pod}-${member}` : member;
}

/** Container names more than one pod uses. */
export function clashingNames(workloads: Workload[]): string[] {
	const seen = new Map<string, number>();
	for (const w of workloads)
		for (const name of new Set(w.members.map((m) => m.name))) seen.set(name, (seen.get(name) ?? 0) + 1);
	return [...seen].filter(([, n]) => n > 1).map(([name]) => name);
}

/** When the scheduler acts next; absent (not undefined) when nothing is due, so a world round-trips through JSON. */
export function setDue(c: ClusterState, at: number | undefined): void {
	if (at === undefined) delete c.due;
	else c.due = at;
}
