// Mesos (R-SCHED-M): the master offers each agent's free resources to one framework at a time
// (lowest share first, DRF); podplay's framework hoards for gang scheduling (M4): it waits until a
// group is complete, holds every offer meanwhile, launches a group from the held offers of one
// agent, and declines the rest. Two hoarding frameworks can deadlock (M5).
import {
	type Ctx,
	emit,
	freeMemory,
	mem,
	memberName,
	nextTick,
	place,
	schedule,
	setDue,
	TICK,
	workload,
} from './state.js';
import type {ClusterState, Framework, Offer, Workload} from './types.js';

/** Filters.refuse_seconds default (M1). */
const REFUSE = 5 * TICK;
const DEFAULT_FRAMEWORK = 'F';

export function startMesos(c: ClusterState): void {
	const cfg = c.config as {frameworks: string[]};
	const names = cfg.frameworks.length > 0 ? cfg.frameworks : [DEFAULT_FRAMEWORK];
	const queue = c.workloads
		.filter((w) => !w.nodeName)
		.flatMap((w) => w.members.map((_, member) => ({pod: w.name, member})));
	c.mesos = {
		frameworks: names.map((name) => ({name, groups: [], filters: {}, neverFits: []})),
		offers: [],
		offerSeq: 0,
		queue,
		next: 0,
		arrived: {},
		quiet: false,
	};
	for (const {pod} of queue) schedule(c, pod).waiting = 'queued';
	setDue(c, queue.length > 0 ? c.now : undefined);
}

export function frameworkOf(c: ClusterState, w: Workload): Framework {
	const m = c.mesos!;
	return m.frameworks.find((f) => f.name === w.schedulerName) ?? m.frameworks[0];
}

function total(w: Workload): number {
	return w.members.reduce((n, m) => n + m.memory, 0);
}

function held(c: ClusterState, f: string, node?: string): number {
	return c
		.mesos!.offers.filter((o) => o.framework === f && (node === undefined || o.node === node))
		.reduce((n, o) => n + o.memory, 0);
}

function complete(c: ClusterState, pod: string): boolean {
	return (c.mesos!.arrived[pod] ?? 0) === workload(c, pod).members.length;
}

/** M2: the framework's share: what it holds plus what its tasks use, over the cluster's memory. */
function share(c: ClusterState, f: string, cluster = c.nodes.reduce((n, x) => n + x.memory, 0)): number {
	const used = c.ownerUsed[f] ?? 0;
	return (held(c, f) + used) / cluster;
}

function offered(c: ClusterState, node: string): number {
	return c.mesos!.offers.filter((o) => o.node === node).reduce((n, o) => n + o.memory, 0);
}

/** One allocation interval. */
export function mesosTick(ctx: Ctx): void {
	const {c} = ctx;
	const m = c.mesos!;
	c.steps += 1;
	const before = ctx.events.length;
	submit(ctx);
	rescind(ctx);
	allocate(ctx);
	for (const f of m.frameworks) launch(ctx, f);
	detect(ctx);
	const pending = m.frameworks.some((f) => f.groups.length > 0);
	const changed = ctx.events.length > before;
	if (m.next < m.queue.length || (pending && !m.quiet && (changed || timedWork(c)))) c.due = nextTick(c.now);
	else delete c.due;
}

function timedWork(c: ClusterState): boolean {
	const m = c.mesos!;
	const timeout = (c.config as {offerTimeout?: number}).offerTimeout;
	return (
		(timeout !== undefined && m.offers.length > 0) ||
		m.frameworks.some((f) => Object.values(f.filters).some((t) => t > c.now))
	);
}

/** M4a: containers arrive one per tick; a group is not scheduled until all its members are in. */
function submit(ctx: Ctx): void {
	const {c} = ctx;
	const m = c.mesos!;
	const item = m.queue[m.next];
	if (!item) return;
	m.next += 1;
	const w = workload(c, item.pod);
	const f = frameworkOf(c, w);
	m.arrived[w.name] = (m.arrived[w.name] ?? 0) + 1;
	if (m.arrived[w.name] === 1) f.groups.push(w.name);
	const n = m.arrived[w.name];
	const names = w.members.map((x) => memberName(c, w.name, x.name)).join(', ');
	emit(
		ctx,
		'R-SCHED-M4',
		'submit',
		`${memberName(c, w.name, w.members[item.member].name)} submitted to framework ${f.name}; group {${names}} ${n}/${w.members.length} assembled${n < w.members.length ? ': not scheduled yet' : ''}`,
		{pod: w.name, framework: f.name},
	);
	m.quiet = false;
}

/** M4d: offers never time out unless --offer_timeout is set; then the oldest are rescinded. */
function rescind(ctx: Ctx): void {
	const {c} = ctx;
	const m = c.mesos!;
	const timeout = (c.config as {offerTimeout?: number}).offerTimeout;
	if (timeout === undefined) return;
	const old = m.offers.filter((o) => o.at + timeout <= c.now);
	if (old.length === 0) return;
	m.offers = m.offers.filter((o) => o.at + timeout > c.now);
	for (const o of old)
		emit(
			ctx,
			'R-SCHED-M4',
			'rescind',
			`offer ${o.id} (${o.node} ${mem(o.memory)}) rescinded from ${o.framework} after ${timeout / 1000}s (--offer_timeout)`,
			{
				framework: o.framework,
				node: o.node,
			},
		);
}

/** M2: each agent's free, unoffered resources go to the framework furthest below its share. */
function allocate(ctx: Ctx): void {
	const {c} = ctx;
	const m = c.mesos!;
	const total = c.nodes.reduce((n, x) => n + x.memory, 0);
	for (const node of c.nodes) {
		const free = freeMemory(c, node.name) - offered(c, node.name);
		if (free <= 0) continue;
		const wanting = m.frameworks.filter((f) => f.groups.length > 0 && (f.filters[node.name] ?? -1) <= c.now);
		if (wanting.length === 0) continue;
		const shares = wanting.map((f) => ({f, share: share(c, f.name, total)}));
		const low = Math.min(...shares.map((x) => x.share));
		const f = shares.find((x) => x.share === low)!.f;
		m.offerSeq += 1;
		const offer: Offer = {
			id: `o${m.offerSeq}`,
			node: node.name,
			memory: free,
			cpu: 0,
			framework: f.name,
			at: c.now,
		};
		m.offers.push(offer);
		c.heldPeak = Math.max(
			c.heldPeak,
			m.offers.reduce((n, o) => n + o.memory, 0),
		);
		const others = shares.filter((x) => x.f !== f).map((x) => `${x.f.name} ${x.share.toFixed(2)}`);
		emit(
			ctx,
			'R-SCHED-M2',
			'offer',
			`offer ${offer.id}: ${node.name} ${mem(free)} → ${f.name} (share ${low.toFixed(2)}${others.length ? `; ${others.join(', ')}` : ''})`,
			{framework: f.name, node: node.name},
		);
		m.quiet = false;
	}
}

/** M4b/c: launch a complete group from one agent's held offers, else keep holding everything. */
function launch(ctx: Ctx, f: Framework): void {
	const {c} = ctx;
	const m = c.mesos!;
	const fresh = m.offers.filter((o) => o.framework === f.name && o.at === c.now);
	let launched = false;
	for (const pod of [...f.groups]) {
		if (!complete(c, pod)) continue;
		const w = workload(c, pod);
		const need = total(w);
		const node = c.nodes.find((n) => held(c, f.name, n.name) >= need);
		if (!node) continue;
		const used = m.offers.filter((o) => o.framework === f.name && o.node === node.name);
		m.offers = m.offers.filter((o) => !used.includes(o));
		const names = w.members.map((x) => memberName(c, pod, x.name));
		const s = schedule(c, pod);
		for (const member of w.members) {
			place(c, {
				pod,
				container: member.name,
				node: node.name,
				memory: member.memory,
				cpu: member.cpu,
				scoring: {memory: member.memory, cpu: member.cpu},
				owner: f.name,
			});
			s.containers[member.name] = {node: node.name};
		}
		Object.assign(s, {scheduled: true, node: node.name, at: c.now});
		delete s.waiting;
		f.groups = f.groups.filter((g) => g !== pod);
		const rest = used.reduce((n, o) => n + o.memory, 0) - need;
		emit(
			ctx,
			'R-SCHED-M4',
			'launch',
			`${f.name}: launchTasks(${used.map((o) => o.id).join(', ')}, [${names.join(', ')}]) → RUNNING on ${node.name}${rest > 0 ? `; the unused ${mem(rest)} goes back, filtered ${REFUSE / 1000}s` : ''}`,
			{pod, framework: f.name, node: node.name},
		);
		if (rest > 0) f.filters[node.name] = c.now + REFUSE;
		launched = true;
	}
	const mine = m.offers.filter((o) => o.framework === f.name);
	if (f.groups.length === 0 && mine.length > 0) {
		// M4c: nothing left to place: decline what is held, with the default filter.
		m.offers = m.offers.filter((o) => o.framework !== f.name);
		for (const o of mine) f.filters[o.node] = c.now + REFUSE;
		emit(
			ctx,
			'R-SCHED-M1',
			'decline',
			`${f.name}: declineOffer(${mine.map((o) => `${o.id} ${o.node} ${mem(o.memory)}`).join(', ')}), filtered ${REFUSE / 1000}s`,
			{framework: f.name},
		);
		return;
	}
	if (launched || fresh.length === 0 || mine.length === 0) return;
	for (const pod of f.groups) schedule(c, pod).waiting = 'held';
	const waiting = f.groups
		.map((pod) => {
			const w = workload(c, pod);
			return complete(c, pod)
				? `${pod} needs ${mem(total(w))} on one agent`
				: `${pod} ${c.mesos!.arrived[pod]}/${w.members.length} assembled`;
		})
		.join('; ');
	emit(
		ctx,
		'R-SCHED-M4',
		'hold',
		`${f.name} holds ${mine.map((o) => `${o.id} ${o.node} ${mem(o.memory)}`).join(', ')} (${mem(held(c, f.name))} hoarded, unusable by anyone else): ${waiting}`,
		{framework: f.name},
	);
}

/**
 * M5: deadlock when every framework with a pending group holds resources, nothing free is left
 * unoffered, no running task is due to end, no held set satisfies a group, and each group would fit
 * if the others let go: a circular wait. A group larger than every agent never fits (M4), alone.
 */
function detect(ctx: Ctx): void {
	const {c} = ctx;
	const m = c.mesos!;
	if (c.deadlock) return;
	const waiting = m.frameworks.filter((f) => f.groups.length > 0);
	if (waiting.length === 0) return;
	for (const f of waiting)
		for (const pod of f.groups) {
			const need = total(workload(c, pod));
			if (complete(c, pod) && !f.neverFits.includes(pod) && c.nodes.every((n) => n.memory < need)) {
				f.neverFits.push(pod);
				emit(
					ctx,
					'R-SCHED-M4',
					'never-fits',
					`${pod} needs ${mem(need)} on one agent and no agent is that large; ${f.name} holds ${mem(held(c, f.name))} meanwhile, starving everyone else`,
					{pod, framework: f.name},
				);
			}
		}
	const free = c.nodes.some((n) => freeMemory(c, n.name) - offered(c, n.name) > 0);
	const ending = c.placements.some((p) => p.endsAt !== undefined && p.endsAt > c.now);
	const incomplete = m.next < m.queue.length;
	if (free || ending || incomplete) return;
	if (waiting.every((f) => f.groups.every((pod) => f.neverFits.includes(pod)))) {
		m.quiet = true;
		return;
	}
	const circular =
		waiting.length > 1 &&
		waiting.every((f) => held(c, f.name) > 0) &&
		waiting.every((f) =>
			f.groups.every((pod) => {
				const need = total(workload(c, pod));
				return c.nodes.some((n) => freeMemory(c, n.name) >= need);
			}),
		);
	if (!circular) return;
	c.deadlock = true;
	c.deadlockAt = c.now;
	m.quiet = true;
	const parts = waiting.map((f) => {
		const holds = c.nodes
			.map((n) => ({n: n.name, h: held(c, f.name, n.name)}))
			.filter((x) => x.h > 0)
			.map((x) => `${x.n} ${mem(x.h)}`)
			.join(', ');
		const need = Math.max(...f.groups.map((pod) => total(workload(c, pod))));
		return `${f.name} holds ${holds} and needs ${mem(need)} on one agent`;
	});
	emit(ctx, 'R-SCHED-M5', 'deadlock', `deadlock: ${parts.join('; ')}; each waits for what another holds`, {
		frameworks: waiting.map((f) => f.name),
	});
}

/** A released task frees resources: the next allocation offers them. */
export function mesosRelease(c: ClusterState): void {
	c.mesos!.quiet = false;
	c.deadlock = false;
	if (c.due === undefined) c.due = nextTick(c.now);
}
