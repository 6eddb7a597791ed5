// The cluster: start a scheduler over nodes and Pods, let it act when it is due, tell it when a
// pod goes. Pure functions over plain data (the engine calls them inside its immer step).
import {seedState} from '../kernel/random.js';
import {kubernetesCycle, kubernetesRelease, startKubernetes} from './kubernetes.js';
import {mesosRelease, mesosTick, startMesos} from './mesos.js';
import {omegaStep, startOmega} from './omega.js';
import {type Ctx, clashingNames, emit, mem, place, placed, schedule, unplace} from './state.js';
import {startSwarm, swarmCreate} from './swarm.js';
import type {ClusterEvent, ClusterState, NodeSpec, SchedulerConfig, Workload} from './types.js';

export function startCluster(
	config: SchedulerConfig,
	nodes: NodeSpec[],
	workloads: Workload[],
	seed: number,
	now = 0,
): {cluster: ClusterState; events: ClusterEvent[]} {
	const c: ClusterState = {
		config,
		nodes,
		workloads,
		placements: [],
		used: {},
		ownerUsed: {},
		nodeIndex: Object.fromEntries(nodes.map((n, i) => [n.name, i])),
		index: Object.fromEntries(workloads.map((w, i) => [w.name, i])),
		clashes: clashingNames(workloads),
		pods: {},
		now,
		rng: seedState(seed ^ 0x5c4ed),
		steps: 0,
		deadlock: false,
		heldPeak: 0,
		rolledBack: 0,
		bound: [],
	};
	const ctx: Ctx = {c, events: []};
	for (const w of workloads) {
		schedule(c, w.name);
		if (w.nodeName) prebound(ctx, w);
	}
	if (now > 0)
		emit(ctx, 'R-SCHED-C3', 'submit', `the pods are submitted again, now to ${describeScheduler(config)}`);
	if (config.name !== 'kubernetes')
		emit(
			ctx,
			'R-SCHED-C2',
			'note',
			`${describeScheduler(config)} places containers, not Pods: podplay shows where each goes but runs no processes for them on the nodes`,
		);
	if (config.name === 'kubernetes') startKubernetes(c);
	else if (config.name === 'swarm') startSwarm(c);
	else if (config.name === 'mesos') startMesos(c);
	else startOmega(c);
	return {cluster: c, events: ctx.events};
}

/** spec.nodeName: the Pod is on its node already; no scheduler looks at it (its resources count). */
function prebound(ctx: Ctx, w: Workload): void {
	const {c} = ctx;
	const node = w.nodeName!;
	place(c, {
		pod: w.name,
		node,
		memory: w.request.memory,
		cpu: w.request.cpu,
		scoring: w.scoring,
		...(w.endsAt === undefined ? {} : {endsAt: w.endsAt}),
	});
	const s = schedule(c, w.name);
	Object.assign(s, {scheduled: true, node, at: c.now});
	for (const m of w.members) s.containers[m.name] = {node};
	c.bound.push({pod: w.name, node});
	emit(
		ctx,
		'R-SCHED-C1',
		'prebound',
		`${w.name} is on ${node} already (spec.nodeName, no scheduler involved): ${mem(w.request.memory)} of it taken`,
		{
			pod: w.name,
			node,
		},
	);
}

/** Everything the scheduler does at its next due time. */
export function stepCluster(c: ClusterState, events: ClusterEvent[]): void {
	if (c.due === undefined) return;
	c.now = Math.max(c.now, c.due);
	const ctx: Ctx = {c, events};
	switch (c.config.name) {
		case 'kubernetes':
			kubernetesCycle(ctx);
			return;
		case 'swarm':
			swarmCreate(ctx);
			return;
		case 'mesos':
			mesosTick(ctx);
			return;
		case 'omega':
			omegaStep(ctx);
	}
}

/** Let the scheduler act at every due time before `until` (what happens at `until` waits for it). */
export function advanceCluster(
	c: ClusterState,
	until: number,
	events: ClusterEvent[],
	limit = 1_000_000,
): void {
	let n = 0;
	while (c.due !== undefined && c.due < until && n < limit) {
		stepCluster(c, events);
		n += 1;
	}
	c.now = Math.max(c.now, until);
}

/** A pod is gone (deleted, or ended): its resources are free again, and the scheduler may act. */
export function releasePod(c: ClusterState, pod: string, now: number, events: ClusterEvent[]): void {
	const freed = unplace(c, (p) => p.pod === pod);
	if (freed.length === 0) return;
	c.now = Math.max(c.now, now);
	const ctx: Ctx = {c, events};
	const nodes = [...new Set(freed.map((p) => p.node))];
	emit(
		ctx,
		'R-SCHED-C1',
		'released',
		`${pod} has ended or is gone: ${nodes.map((n) => `${n} gets ${mem(freed.filter((p) => p.node === n).reduce((x, p) => x + p.memory, 0))} back`).join(', ')}`,
		{pod},
	);
	if (c.config.name === 'kubernetes') kubernetesRelease(ctx, pod);
	else if (c.config.name === 'mesos') mesosRelease(c);
	else if (c.config.name === 'omega' && c.due === undefined) c.due = c.now;
}

/** Σ placed memory per node: "allocated" (requests, not use). */
export function allocated(c: ClusterState, node: string): number {
	return placed(c, node).memory;
}

/** Memory held by Mesos frameworks on a node: offered, not used (R-SCHED-M4). */
export function heldOn(c: ClusterState, node: string): number {
	return (c.mesos?.offers ?? []).filter((o) => o.node === node).reduce((n, o) => n + o.memory, 0);
}

/** Omega claims in flight on a node: what each scheduler is about to commit there. */
export function inFlight(c: ClusterState): {scheduler: string; job: string; commitAt: number}[] {
	return (c.omega?.schedulers ?? []).flatMap((s) =>
		s.attempt ? [{scheduler: s.spec.name, job: s.attempt.job.id, commitAt: s.attempt.commitAt}] : [],
	);
}

/** Pods waiting for the scheduler, in its order. */
export function queued(c: ClusterState): string[] {
	return c.workloads.filter((w) => c.pods[w.name]?.waiting).map((w) => w.name);
}

/** Omega's conflicts across its schedulers (R-SCHED-O5). */
export function conflicts(c: ClusterState): number {
	return (c.omega?.schedulers ?? []).reduce((n, s) => n + s.conflicts, 0);
}

/** A pod deleted before it ran anywhere: the scheduler drops it from its queues and frees what it placed. */
export function removePod(c: ClusterState, pod: string, now: number, events: ClusterEvent[]): void {
	c.now = Math.max(c.now, now);
	const s = c.pods[pod];
	if (!s) return;
	if (c.kube) {
		c.kube.active = c.kube.active.filter((p) => p !== pod);
		c.kube.unschedulable = c.kube.unschedulable.filter((u) => u.pod !== pod);
	}
	delete s.waiting;
	s.scheduled = false;
	releasePod(c, pod, now, events);
	events.push({
		t: c.now,
		rule: 'R-SCHED-C1',
		kind: 'deleted',
		text: `${pod} deleted before it ran on any node`,
		data: {pod},
	});
}

export function describeScheduler(config: SchedulerConfig): string {
	switch (config.name) {
		case 'kubernetes':
			return 'kube-scheduler (v1.35)';
		case 'swarm':
			return `Docker Swarm (${config.strategy})`;
		case 'mesos':
			return `Mesos (${config.frameworks.length > 1 ? `frameworks ${config.frameworks.join(', ')}` : 'one hoarding framework'})`;
		case 'omega':
			return `Omega (${config.schedulers.map((s) => `${s.name} ${s.transactions}`).join(', ')})`;
	}
}
