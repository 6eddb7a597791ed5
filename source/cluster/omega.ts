// Omega (R-SCHED-O): shared cell state, optimistic concurrency. Each scheduler syncs a private copy,
// thinks (t_job + t_task per task), places tasks in its copy, and commits atomically; the commit is
// checked claim by claim (fine-grained: does it still fit; coarse: has the machine changed since the
// sync). All-or-nothing rolls back the applied claims at the first conflict; incremental keeps them.
// Whatever remains is retried at once from a fresh copy, up to 1,000 attempts (100 if nothing fit).
import {
	type Ctx,
	draw,
	emit,
	freeMemory,
	mem,
	memberName,
	place,
	schedule,
	setDue,
	unplace,
	workload,
} from './state.js';
import type {ClusterState, OmegaJob, OmegaScheduler} from './types.js';

const MAX_ATTEMPTS = 1000;
const MAX_ATTEMPTS_NOTHING_PLACED = 100;

export function startOmega(c: ClusterState): void {
	const cfg = c.config as Extract<ClusterState['config'], {name: 'omega'}>;
	const schedulers: OmegaScheduler[] = cfg.schedulers.map((spec) => ({
		spec,
		queue: [],
		attempts: 0,
		placedAny: false,
		busy: 0,
		wasted: 0,
		conflicts: 0,
		transactions: 0,
	}));
	for (const w of c.workloads.filter((x) => !x.nodeName)) {
		const sched = schedulers.find((s) => s.spec.name === w.schedulerName) ?? schedulers[0];
		const jobs: OmegaJob[] =
			cfg.jobs === 'pod'
				? [{id: w.name, pod: w.name, members: w.members.map((m) => m.name)}]
				: w.members.map((m, i) => ({
						id: `${w.name}/${m.name}`,
						pod: w.name,
						members: [m.name],
						...(i > 0 ? {leader: w.members[0].name} : {}),
					}));
		sched.queue.push(...jobs);
		schedule(c, w.name).waiting = 'queued';
	}
	c.omega = {schedulers, seq: Object.fromEntries(c.nodes.map((n) => [n.name, 0]))};
	c.due = c.now;
}

function omegaDue(c: ClusterState): void {
	const times = c.omega!.schedulers.flatMap((s) =>
		s.attempt ? [s.attempt.commitAt] : s.queue.length > 0 ? [c.now] : [],
	);
	setDue(c, times.length > 0 ? Math.min(...times) : undefined);
}

function cfg(c: ClusterState) {
	return c.config as Extract<ClusterState['config'], {name: 'omega'}>;
}

function remaining(c: ClusterState, job: OmegaJob): string[] {
	const s = schedule(c, job.pod);
	return job.members.filter((m) => !s.containers[m]?.node);
}

function memory(c: ClusterState, job: OmegaJob, member: string): number {
	return workload(c, job.pod).members.find((m) => m.name === member)!.memory;
}

/** O1 + O4: sync a private copy of cell state and start thinking about the job. */
function sync(ctx: Ctx, s: OmegaScheduler): void {
	const {c} = ctx;
	const job = s.attempt?.job ?? s.queue.shift()!;
	const left = remaining(c, job);
	const think = s.spec.tJob + s.spec.tTask * left.length;
	s.attempt = {
		job,
		syncAt: c.now,
		commitAt: c.now + think,
		free: Object.fromEntries(c.nodes.map((n) => [n.name, freeMemory(c, n.name)])),
		seq: {...c.omega!.seq},
	};
	schedule(c, job.pod).waiting = 'in-flight';
	const copy =
		c.nodes.length > 4
			? `${c.nodes.length} machines`
			: c.nodes
					.map((n) => `${n.name} ${mem(s.attempt!.free[n.name])} free (seq ${c.omega!.seq[n.name]})`)
					.join(', ');
	emit(
		ctx,
		'R-SCHED-O1',
		'sync',
		`${s.spec.name} syncs its private copy for ${job.id} (${copy}); thinks ${think} ms`,
		{
			scheduler: s.spec.name,
			pod: job.pod,
		},
	);
}

/** Place the job's remaining tasks in the private copy: one machine for a gang (O4). */
function plan(c: ClusterState, s: OmegaScheduler): {member: string; node: string}[] {
	const a = s.attempt!;
	const left = remaining(c, a.job);
	const need = left.reduce((n, m) => n + memory(c, a.job, m), 0);
	let pool = c.nodes.map((n) => n.name);
	const leaderNode = a.job.leader ? schedule(c, a.job.pod).containers[a.job.leader]?.node : undefined;
	if (a.job.leader) pool = leaderNode ? [leaderNode] : [];
	if (s.pinned) pool = [s.pinned];
	const fits = pool.filter((n) => a.free[n] >= need);
	if (fits.length === 0) return [];
	const node = cfg(c).placement === 'random' && fits.length > 1 ? fits[draw(c, fits.length)] : fits[0];
	return left.map((member) => ({member, node}));
}

/** O2 + O3: the commit, claim by claim against the shared cell state. */
function commit(ctx: Ctx, s: OmegaScheduler): void {
	const {c} = ctx;
	const a = s.attempt!;
	const job = a.job;
	const data = {scheduler: s.spec.name, pod: job.pod};
	s.busy += a.commitAt - a.syncAt;
	s.attempts += 1;
	c.steps += 1;
	const claims = plan(c, s);
	if (claims.length === 0) {
		emit(
			ctx,
			'R-SCHED-O4',
			'no-fit',
			`${s.spec.name}: no machine in its copy of cell state holds ${remaining(c, job)
				.map((m) => memberName(c, job.pod, m))
				.join(', ')}; no transaction sent (attempt ${s.attempts})`,
			data,
		);
		retry(ctx, s);
		return;
	}
	const applied: {member: string; node: string}[] = [];
	let conflict: string | undefined;
	const rejected: string[] = [];
	for (const claim of claims) {
		const need = memory(c, job, claim.member);
		const free = freeMemory(c, claim.node);
		const stale = cfg(c).conflicts === 'coarse' && c.omega!.seq[claim.node] !== a.seq[claim.node];
		if (need > free || stale) {
			conflict ??= stale
				? `${claim.node} changed since the sync (seq ${a.seq[claim.node]} → ${c.omega!.seq[claim.node]})`
				: `${memberName(c, job.pod, claim.member)}: ${mem(need)} > ${mem(free)} free`;
			rejected.push(claim.member);
			if (s.spec.transactions === 'all-or-nothing') break;
			continue;
		}
		placeTask(c, s, job.pod, claim.member, claim.node);
		applied.push(claim);
	}
	const names = (list: {member: string}[] | string[]) =>
		list.map((x) => memberName(c, job.pod, typeof x === 'string' ? x : x.member)).join(', ');
	if (conflict === undefined) {
		s.transactions += 1;
		s.placedAny = true;
		for (const n of new Set(applied.map((x) => x.node))) c.omega!.seq[n] += 1;
		const node = applied[0].node;
		emit(
			ctx,
			'R-SCHED-O1',
			'commit',
			`${s.spec.name} commits ${names(applied)} → ${node}: applied (seq ${c.omega!.seq[node] - 1} → ${c.omega!.seq[node]})`,
			{...data, node},
		);
		finish(ctx, s);
		return;
	}
	s.conflicts += 1;
	s.wasted += a.commitAt - a.syncAt;
	const node = claims[0].node;
	if (s.spec.transactions === 'all-or-nothing') {
		for (const x of applied) unplaceTask(c, job.pod, x.member);
		c.rolledBack += applied.length;
		emit(
			ctx,
			'R-SCHED-O3',
			'rollback',
			`${s.spec.name}: conflict on ${node} (${conflict}); all-or-nothing: rolled back ${applied.length > 0 ? names(applied) : 'nothing applied yet'}; 0 tasks committed`,
			{...data, node},
		);
	} else {
		if (applied.length > 0) {
			s.transactions += 1;
			s.placedAny = true;
			s.pinned = node;
			c.omega!.seq[node] += 1;
		}
		emit(
			ctx,
			'R-SCHED-O3',
			'conflict',
			`${s.spec.name}: conflict on ${node} (${conflict}); incremental: kept ${applied.length > 0 ? names(applied) : 'nothing'}, rejected ${names(rejected)}`,
			{...data, node},
		);
	}
	emit(
		ctx,
		'R-SCHED-O2',
		'resync',
		`${s.spec.name} resyncs and re-plans ${remaining(c, job).length} task${remaining(c, job).length === 1 ? '' : 's'} of ${job.id}`,
		data,
	);
	retry(ctx, s);
}

function retry(ctx: Ctx, s: OmegaScheduler): void {
	const {c} = ctx;
	const limit = s.placedAny ? MAX_ATTEMPTS : MAX_ATTEMPTS_NOTHING_PLACED;
	if (s.attempts < limit) {
		sync(ctx, s);
		return;
	}
	const job = s.attempt!.job;
	const left = remaining(c, job);
	const sched = schedule(c, job.pod);
	const placedSome = Object.values(sched.containers).some((x) => x.node);
	for (const m of left)
		sched.containers[m] = {stranded: placedSome, error: `abandoned after ${s.attempts} attempts`};
	sched.waiting = 'abandoned';
	emit(
		ctx,
		'R-SCHED-O4',
		'abandon',
		`${s.spec.name} abandons ${job.id} after ${s.attempts} attempts${placedSome ? `; ${left.map((m) => memberName(c, job.pod, m)).join(', ')} stranded while the rest runs` : ''}`,
		{
			scheduler: s.spec.name,
			pod: job.pod,
		},
	);
	next(s);
}

function finish(ctx: Ctx, s: OmegaScheduler): void {
	const {c} = ctx;
	const job = s.attempt!.job;
	const w = workload(c, job.pod);
	const sched = schedule(c, job.pod);
	if (w.members.every((m) => sched.containers[m.name]?.node)) {
		const nodes = new Set(w.members.map((m) => sched.containers[m.name]!.node));
		Object.assign(sched, {scheduled: true, at: c.now});
		if (nodes.size === 1) sched.node = [...nodes][0];
		delete sched.waiting;
	} else if (!s.queue.some((j) => j.pod === job.pod)) sched.waiting = 'queued';
	next(s);
}

function next(s: OmegaScheduler): void {
	delete s.attempt;
	delete s.pinned;
	s.attempts = 0;
	s.placedAny = false;
}

function placeTask(c: ClusterState, s: OmegaScheduler, pod: string, member: string, node: string): void {
	const m = workload(c, pod).members.find((x) => x.name === member)!;
	place(c, {
		pod,
		container: member,
		node,
		memory: m.memory,
		cpu: m.cpu,
		scoring: {memory: m.memory, cpu: m.cpu},
		owner: s.spec.name,
	});
	schedule(c, pod).containers[member] = {node};
}

function unplaceTask(c: ClusterState, pod: string, member: string): void {
	unplace(c, (p) => p.pod === pod && p.container === member);
	delete schedule(c, pod).containers[member];
}

/** Everything due now: commits first (in scheduler order), then idle schedulers take their next job. */
export function omegaStep(ctx: Ctx): void {
	const {c} = ctx;
	for (const s of c.omega!.schedulers) if (s.attempt && s.attempt.commitAt === c.now) commit(ctx, s);
	for (const s of c.omega!.schedulers) if (!s.attempt && s.queue.length > 0) sync(ctx, s);
	omegaDue(c);
}

/** O5: conflict fraction (conflicts per successful transaction) and busyness, per scheduler. */
export function omegaFigures(c: ClusterState): {
	name: string;
	conflicts: number;
	transactions: number;
	conflictFraction: number | null;
	busy: number;
	wasted: number;
	busyness: number;
}[] {
	return (c.omega?.schedulers ?? []).map((s) => ({
		name: s.spec.name,
		conflicts: s.conflicts,
		transactions: s.transactions,
		conflictFraction: s.transactions > 0 ? s.conflicts / s.transactions : null,
		busy: s.busy,
		wasted: s.wasted,
		busyness: c.now > 0 ? s.busy / c.now : 0,
	}));
}
