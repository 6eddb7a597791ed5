// Classic Docker Swarm (v1.2.x, R-SCHED-S): no queue, one `docker run` at a time in listed order;
// each container after a pod's first carries `affinity:container==<first>`. Filters, then the
// strategy's weights (which do the memory check), then nodes[0]; a refusal is an error and
// nothing is retried or rolled back.
import {
	type Ctx,
	draw,
	emit,
	mem,
	memberName,
	nodeSpec,
	place,
	placed,
	schedule,
	setDue,
	TICK,
	use,
	workload,
} from './state.js';
import type {ClusterState, Member, NodeSpec} from './types.js';

export const NO_RESOURCES = 'no resources available to schedule container';

export function startSwarm(c: ClusterState): void {
	const queue = c.workloads
		.filter((w) => !w.nodeName)
		.flatMap((w) => w.members.map((_, member) => ({pod: w.name, member})));
	c.swarm = {queue, next: 0};
	for (const {pod} of queue) schedule(c, pod).waiting = 'queued';
	setDue(c, queue.length > 0 ? c.now : undefined);
}

type Weighed = {node: NodeSpec; weight: number; memScore: number; containers: number};

/** S4: weighNodes: total = Memory + Memory·overcommit (integer), memScore ≤ 100 or the node is out. */
function weigh(
	c: ClusterState,
	nodes: NodeSpec[],
	m: Member,
	healthFactor: number,
): {kept: Weighed[]; out: Weighed[]} {
	const kept: Weighed[] = [];
	const out: Weighed[] = [];
	const cfg = c.config as {overcommit: number};
	const ratio = Math.round(cfg.overcommit * 100);
	for (const node of nodes) {
		const total = node.memory + Math.floor((node.memory * ratio) / 100);
		const used = placed(c, node.name).memory;
		const memScore = Math.floor(((used + m.memory) * 100) / total);
		let cpuScore = 100;
		if (m.cpu > 0 && node.cpu) cpuScore = Math.floor(((placed(c, node.name).cpu + m.cpu) * 100) / node.cpu);
		const weighed = {
			node,
			memScore,
			weight: cpuScore + memScore + healthFactor * 100,
			containers: use(c, node.name).count,
		};
		(memScore <= 100 && cpuScore <= 100 ? kept : out).push(weighed);
	}
	return {kept, out};
}

export function swarmCreate(ctx: Ctx): void {
	const {c} = ctx;
	const sw = c.swarm!;
	const item = sw.queue[sw.next];
	sw.next += 1;
	setDue(c, sw.next < sw.queue.length ? c.now + TICK : undefined);
	c.steps += 1;
	const w = workload(c, item.pod);
	const m = w.members[item.member];
	const name = memberName(c, w.name, m.name);
	const leader = item.member > 0 ? memberName(c, w.name, w.members[0].name) : undefined;
	const s = schedule(c, w.name);
	const data = {pod: w.name, container: m.name};
	emit(
		ctx,
		'R-SCHED-S1',
		'create',
		`docker run --name ${name} -m ${mem(m.memory)}${leader ? ` -e affinity:container${(c.config as {affinity?: string}).affinity === 'soft' ? '==~' : '=='}${leader}` : ''}`,
		data,
	);
	const soft = (c.config as {affinity?: string}).affinity === 'soft';
	const op = soft ? '==~' : '==';
	let chosen: NodeSpec | undefined;
	let error = NO_RESOURCES;
	let rule = 'R-SCHED-S4';
	if (leader) {
		// S3: the affinity filter keeps the nodes running (or about to run) the leader.
		const where = s.containers[w.members[0].name]?.node;
		if (where) {
			emit(
				ctx,
				'R-SCHED-S3',
				'filter',
				`${name}: affinity filter container${op}${leader} keeps ${where} only`,
				data,
			);
			chosen = choose(ctx, [nodeSpec(c, where)], m, name, data);
		} else {
			error = `Unable to find a node that satisfies the following conditions [available container slots] [container${op}${leader} (soft=${soft})]`;
			rule = 'R-SCHED-S3';
		}
		if (!chosen && soft) {
			// S6: on any error Swarm tries again ignoring soft affinities: co-location silently lost.
			emit(
				ctx,
				'R-SCHED-S6',
				'soft',
				`${name}: the soft affinity container==~${leader} cannot be met; Swarm tries again without it`,
				data,
			);
			chosen = choose(ctx, c.nodes, m, name, data);
			error = NO_RESOURCES;
			rule = 'R-SCHED-S4';
		}
	} else chosen = choose(ctx, c.nodes, m, name, data);
	if (!chosen) {
		refuse(ctx, w.name, m, error, rule);
		return;
	}
	place(c, {
		pod: w.name,
		container: m.name,
		node: chosen.name,
		memory: m.memory,
		cpu: m.cpu,
		scoring: {memory: m.memory, cpu: m.cpu},
		...(w.endsAt === undefined ? {} : {endsAt: w.endsAt}),
	});
	s.containers[m.name] = {node: chosen.name};
	emit(ctx, 'R-SCHED-S1', 'placed', `${name} created on ${chosen.name}`, {...data, node: chosen.name});
	settleGroup(c, w.name);
}

/** S4/S5: the strategy ranks the filtered nodes (spread and binpack check memory; random does not). */
function choose(
	ctx: Ctx,
	nodes: NodeSpec[],
	m: Member,
	name: string,
	data: Record<string, unknown>,
): NodeSpec | undefined {
	const {c} = ctx;
	const strategy = (c.config as {strategy: string}).strategy;
	if (strategy === 'random') {
		// S5: random shuffles the filtered nodes and does no resource check at all.
		const chosen = nodes[draw(c, nodes.length)];
		const after = placed(c, chosen.name).memory + m.memory;
		emit(
			ctx,
			'R-SCHED-S5',
			'select',
			`${name}: random strategy picks ${chosen.name} (seeded draw), regardless of its memory${after > chosen.memory ? `: ${mem(after)} placed on ${mem(chosen.memory)}, over-committed` : ''}`,
			{...data, node: chosen.name},
		);
		return chosen;
	}
	const spread = strategy === 'spread';
	const {kept, out} = weigh(c, nodes, m, spread ? -10 : 10);
	const scores = [...kept, ...out]
		.map((x) =>
			x.memScore > 100
				? `${x.node.name} excluded (memScore ${x.memScore} > 100)`
				: `${x.node.name} ${x.weight}`,
		)
		.join(', ');
	if (kept.length === 0) {
		emit(ctx, 'R-SCHED-S4', 'weigh', `${name}: ${strategy} weights: ${scores}`, data);
		return undefined;
	}
	// S5: spread ascending (ties: fewer containers), binpack descending (ties: more containers).
	const order = (a: Weighed, b: Weighed) =>
		spread
			? a.weight - b.weight || a.containers - b.containers
			: b.weight - a.weight || b.containers - a.containers;
	kept.sort(order);
	const best = kept.filter((x) => order(x, kept[0]) === 0);
	const chosen = (best.length > 1 ? best[draw(c, best.length)] : kept[0]).node;
	emit(ctx, 'R-SCHED-S4', 'weigh', `${name}: ${strategy} weights: ${scores} → ${chosen.name}`, {
		...data,
		node: chosen.name,
	});
	return chosen;
}

/** S4/S8: the error goes back to the client; whatever of the group runs keeps running. */
function refuse(ctx: Ctx, pod: string, m: Member, error: string, rule: string): void {
	const {c} = ctx;
	const s = schedule(c, pod);
	const w = workload(c, pod);
	const running = w.members.filter((x) => s.containers[x.name]?.node).map((x) => memberName(c, pod, x.name));
	s.containers[m.name] = {stranded: running.length > 0, error};
	emit(ctx, rule, 'refused', `${memberName(c, pod, m.name)}: Error response from daemon: ${error}`, {
		pod,
		container: m.name,
	});
	if (running.length > 0)
		emit(
			ctx,
			'R-SCHED-S8',
			'stranded',
			`${running.join(', ')} keep${running.length === 1 ? 's' : ''} running without ${memberName(c, pod, m.name)}; Swarm does not know they belong together: nothing is rolled back or retried`,
			{pod, container: m.name},
		);
	settleGroup(c, pod);
}

function settleGroup(c: ClusterState, pod: string): void {
	const s = schedule(c, pod);
	const w = workload(c, pod);
	const done = w.members.every((m) => s.containers[m.name]);
	if (!done) return;
	delete s.waiting;
	const nodes = new Set(w.members.map((m) => s.containers[m.name]?.node));
	s.scheduled = w.members.every((m) => s.containers[m.name]?.node);
	if (s.scheduled && nodes.size === 1) s.node = [...nodes][0];
	s.at = c.now;
}
