// What every scheduler shares: the nodes' accounting, events, placements and the seeded draw.
import {nextRandom} from '../kernel/random.js';
import type {
	ClusterEvent,
	ClusterState,
	NodeSpec,
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
	return c.workloads.find((w) => w.name === pod)!;
}

export function nodeSpec(c: ClusterState, name: string): NodeSpec {
	return c.nodes.find((n) => n.name === name)!;
}

/** Σ requests placed on a node (R-SCHED-K4 "already on the node"). */
export function placed(c: ClusterState, node: string): Resources {
	let memory = 0;
	let cpu = 0;
	for (const p of c.placements)
		if (p.node === node) {
			memory += p.memory;
			cpu += p.cpu;
		}
	return {memory, cpu};
}

export function freeMemory(c: ClusterState, node: string): number {
	return nodeSpec(c, node).memory - placed(c, node).memory;
}

export function place(c: ClusterState, p: Placement): void {
	c.placements.push(p);
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
	const clash = c.workloads.some((w) => w.name !== pod && w.members.some((m) => m.name === member));
	return clash ? `${pod}-${member}` : member;
}

/** When the scheduler acts next; absent (not undefined) when nothing is due, so a world round-trips through JSON. */
export function setDue(c: ClusterState, at: number | undefined): void {
	if (at === undefined) delete c.due;
	else c.due = at;
}
