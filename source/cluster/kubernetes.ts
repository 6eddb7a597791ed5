// kube-scheduler, pinned to v1.35 (R-SCHED-K): one Pod per scheduling cycle; PreFilter computes the
// Pod's request, Filter NodeResourcesFit keeps nodes where it fits, a single feasible node is taken
// without scoring, else LeastAllocated scores and a seeded draw breaks ties; assume and bind the
// whole Pod at once, or FailedScheduling and Pending.
import {type Ctx, draw, emit, mem, place, placed, schedule, use, workload} from './state.js';
import type {ClusterState, NodeSpec, Workload} from './types.js';

/** K10: an unschedulable Pod is retried at the latest after 5 minutes in the pool. */
const MAX_IN_UNSCHEDULABLE = 5 * 60_000;

export const KUBERNETES_VERSION = 'v1.35';

export function startKubernetes(c: ClusterState): void {
	c.kube = {active: c.workloads.filter((w) => !w.nodeName).map((w) => w.name), unschedulable: []};
	for (const name of c.kube.active) schedule(c, name).waiting = 'queued';
	kubeDue(c);
}

function kubeDue(c: ClusterState): void {
	const k = c.kube!;
	if (k.active.length > 0) c.due = c.now;
	else if (k.unschedulable.length > 0)
		c.due = Math.min(...k.unschedulable.map((u) => u.since + MAX_IN_UNSCHEDULABLE));
	else delete c.due;
}

type Verdict = {node: NodeSpec; reasons: string[]; unresolvable: boolean};

/** K4: NodeResourcesFit.Filter: `request > free` fails (equal fits); larger than allocatable: unresolvable. */
function filter(c: ClusterState, w: Workload): Verdict[] {
	return c.nodes.map((node) => {
		const used = placed(c, node.name);
		const reasons: string[] = [];
		let unresolvable = false;
		if (node.cpu !== undefined && w.request.cpu > 0 && w.request.cpu > node.cpu - used.cpu) {
			reasons.push('Insufficient cpu');
			if (w.request.cpu > node.cpu) unresolvable = true;
		}
		if (w.request.memory > 0 && w.request.memory > node.memory - used.memory) {
			reasons.push('Insufficient memory');
			if (w.request.memory > node.memory) unresolvable = true;
		}
		return {node, reasons, unresolvable};
	});
}

/** K5: "count reason" entries sorted as strings, joined with ", ". */
function histogram(reasons: string[]): string {
	const counts = new Map<string, number>();
	for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
	return [...counts]
		.map(([reason, n]) => `${n} ${reason}`)
		.sort()
		.join(', ');
}

/** K5 + K6: FitError.Error with DefaultPreemption's PostFilter message (no victims: all pods priority 0). */
export function fitErrorMessage(total: number, verdicts: Verdict[]): string {
	const filterPart = histogram(verdicts.flatMap((v) => v.reasons));
	const preemption = histogram(
		verdicts.map((v) =>
			v.unresolvable
				? 'Preemption is not helpful for scheduling'
				: 'No preemption victims found for incoming pod',
		),
	);
	return `0/${total} nodes are available: ${filterPart}. preemption: 0/${total} nodes are available: ${preemption}.`;
}

/** K7: LeastAllocated over memory (and cpu where the node declares it), non-zero requests (K3). */
function score(c: ClusterState, w: Workload, node: NodeSpec): number {
	const used = use(c, node.name);
	const term = (allocatable: number, requested: number) =>
		requested > allocatable ? 0 : Math.floor(((allocatable - requested) * 100) / allocatable);
	const memory = term(node.memory, used.scoringMemory + w.scoring.memory);
	if (!node.cpu) return memory;
	const cpu = term(node.cpu, used.scoringCpu + w.scoring.cpu);
	return Math.floor((memory + cpu) / 2);
}

function describeFilter(c: ClusterState, w: Workload, verdicts: Verdict[]): string {
	if (verdicts.length > 6) {
		const fit = verdicts.filter((v) => v.reasons.length === 0).length;
		return `${fit} of ${verdicts.length} nodes fit`;
	}
	return verdicts
		.map((v) => {
			const free = v.node.memory - placed(c, v.node.name).memory;
			return v.reasons.length > 0
				? `${v.node.name} ${v.reasons.join(', ')} (${mem(w.request.memory)} > ${mem(free)} free)`
				: `${v.node.name} fits (${mem(free)} free)`;
		})
		.join('; ');
}

/** One scheduling cycle (K1): pop the next Pod and place it whole, or leave it Pending. */
export function kubernetesCycle(ctx: Ctx): void {
	const {c} = ctx;
	const k = c.kube!;
	const name = k.active.shift();
	if (name === undefined) {
		// K10: the 5-minute flush moves the pool back to the active queue.
		const due = k.unschedulable.filter((u) => u.since + MAX_IN_UNSCHEDULABLE <= c.now);
		k.unschedulable = k.unschedulable.filter((u) => u.since + MAX_IN_UNSCHEDULABLE > c.now);
		for (const u of due) {
			k.active.push(u.pod);
			emit(ctx, 'R-SCHED-K10', 'requeue', `${u.pod}: 5 minutes in the unschedulable pool; retried`, {
				pod: u.pod,
			});
		}
		kubeDue(c);
		return;
	}
	c.steps += 1;
	const w = workload(c, name);
	const s = schedule(c, name);
	emit(
		ctx,
		'R-SCHED-K2',
		'prefilter',
		`${name}: PreFilter NodeResourcesFit: the Pod requests ${mem(w.request.memory)} memory${w.request.cpu ? `, ${w.request.cpu}m cpu` : ''} as one unit`,
		{pod: name},
	);
	const verdicts = filter(c, w);
	emit(ctx, 'R-SCHED-K4', 'filter', `${name}: Filter NodeResourcesFit: ${describeFilter(c, w, verdicts)}`, {
		pod: name,
	});
	const feasible = verdicts.filter((v) => v.reasons.length === 0).map((v) => v.node);
	if (feasible.length === 0) {
		const message = fitErrorMessage(c.nodes.length, verdicts);
		Object.assign(s, {
			scheduled: false,
			reason: 'Unschedulable',
			message,
			waiting: 'pending' as const,
			at: c.now,
		});
		emit(
			ctx,
			'R-SCHED-K5',
			'failed-scheduling',
			`${name}: Warning FailedScheduling default-scheduler ${message}`,
			{
				pod: name,
				reason: 'Unschedulable',
			},
		);
		emit(
			ctx,
			'R-SCHED-K10',
			'pending',
			`${name} stays Pending (PodScheduled=False, Unschedulable); no container starts, none runs alone`,
			{pod: name},
		);
		k.unschedulable.push({pod: name, since: c.now});
		kubeDue(c);
		return;
	}
	let chosen: NodeSpec;
	if (feasible.length === 1) {
		chosen = feasible[0];
		emit(ctx, 'R-SCHED-K7', 'select', `${name}: one feasible node, ${chosen.name}, taken without scoring`, {
			pod: name,
			node: chosen.name,
		});
	} else {
		const scores = feasible.map((node) => ({node, score: score(c, w, node)}));
		const top = Math.max(...scores.map((x) => x.score));
		const best = scores.filter((x) => x.score === top).map((x) => x.node);
		const shown =
			scores.length > 6
				? `${scores.length} nodes scored, top ${top}`
				: scores.map((x) => `${x.node.name} ${x.score}`).join(', ');
		emit(ctx, 'R-SCHED-K7', 'score', `${name}: Score LeastAllocated: ${shown}`, {pod: name});
		chosen = best.length === 1 ? best[0] : best[draw(c, best.length)];
		if (best.length > 1)
			emit(
				ctx,
				'R-SCHED-K8',
				'tie',
				`${name}: ${best.length} nodes share the top score ${top}; ${chosen.name} drawn at random (seeded)`,
				{pod: name, node: chosen.name},
			);
	}
	bind(ctx, w, chosen.name);
	kubeDue(c);
}

/** K9: assume, reserve, permit and bind: one write for the whole Pod. */
function bind(ctx: Ctx, w: Workload, node: string): void {
	const {c} = ctx;
	place(c, {pod: w.name, node, memory: w.request.memory, cpu: w.request.cpu, scoring: w.scoring});
	const s = schedule(c, w.name);
	Object.assign(s, {scheduled: true, node, at: c.now});
	delete s.reason;
	delete s.message;
	delete s.waiting;
	for (const m of w.members) s.containers[m.name] = {node};
	c.bound.push({pod: w.name, node});
	emit(
		ctx,
		'R-SCHED-K9',
		'scheduled',
		`${w.name}: Normal Scheduled Successfully assigned ${w.namespace}/${w.name} to ${node}`,
		{
			pod: w.name,
			node,
		},
	);
}

/** K10: an assigned pod deleted (or a node added) may help: the pool goes back to the active queue. */
export function kubernetesRelease(ctx: Ctx, pod: string): void {
	const k = ctx.c.kube!;
	if (k.unschedulable.length === 0) return;
	for (const u of k.unschedulable) {
		k.active.push(u.pod);
		emit(
			ctx,
			'R-SCHED-K10',
			'requeue',
			`${u.pod}: assigned pod ${pod} deleted, NodeResourcesFit may pass now; back to the active queue`,
			{
				pod: u.pod,
			},
		);
	}
	k.unschedulable = [];
	kubeDue(ctx.c);
}
