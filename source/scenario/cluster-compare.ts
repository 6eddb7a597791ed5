// The same submission under several schedulers (R-SCHED): `podplay compare` and the playground's
// compare view read it. Pure: a scenario in, one outcome per scheduler out.
import {
	advanceCluster,
	type ClusterEvent,
	outcome,
	releasePod,
	type SchedulerConfig,
	startCluster,
	stepCluster,
} from '../cluster/index.js';
import {clusterSetup} from './cluster-setup.js';
import {didYouMean} from './did-you-mean.js';
import type {Scenario} from './types.js';

export const DEFAULT_SCHEDULERS = 'kubernetes,swarm:binpack,swarm:spread,mesos,omega';
const NAMES = ['kubernetes', 'swarm', 'mesos', 'omega'];
/** How long after its last scripted event a scheduler may go on deciding (Omega's retries, K10's flushes). */
const CAP = 60 * 60_000;

/** `swarm:binpack` → a scheduler config, taking the scenario's own options where it names the same scheduler. */
export function parseScheduler(spec: string, s: Scenario): SchedulerConfig | string {
	const [name, option, ...extra] = spec.trim().split(':');
	if (!NAMES.includes(name) || extra.length > 0)
		return `unknown scheduler "${spec}"${didYouMean(name, NAMES) || `; schedulers: ${NAMES.join(', ')}`}`;
	const own = s.cluster?.scheduler.name === name ? s.cluster.scheduler : undefined;
	const named = [
		...new Set(
			Object.values(s.cluster?.pods ?? {}).flatMap((p) => (p.schedulerName ? [p.schedulerName] : [])),
		),
	];
	switch (name) {
		case 'swarm': {
			const strategy = option ?? (own?.name === 'swarm' ? own.strategy : 'spread');
			if (!['spread', 'binpack', 'random'].includes(strategy))
				return `unknown swarm strategy "${strategy}"${didYouMean(strategy, ['spread', 'binpack', 'random'])}`;
			return {
				name: 'swarm',
				strategy: strategy as 'spread',
				overcommit: own?.name === 'swarm' ? own.overcommit : 0.05,
			};
		}
		case 'mesos':
			if (option !== undefined) return `mesos takes no option, got "${option}"`;
			return own ?? {name: 'mesos', frameworks: named};
		case 'omega': {
			const options = ['incremental', 'all-or-nothing', 'per-container'];
			if (option !== undefined && !options.includes(option))
				return `unknown omega option "${option}"${didYouMean(option, options)}`;
			const base: Extract<SchedulerConfig, {name: 'omega'}> =
				own?.name === 'omega'
					? own
					: {
							name: 'omega',
							schedulers: (named.length > 0 ? named : ['S']).map((n) => ({
								name: n,
								tJob: 100,
								tTask: 5,
								transactions: 'incremental' as const,
							})),
							conflicts: 'fine',
							jobs: 'pod',
							placement: 'first-fit',
						};
			if (!option) return base;
			// per-container: each container its own job (incremental, randomized first fit, R-SCHED-O4).
			if (option === 'per-container')
				return {
					...base,
					jobs: 'container',
					placement: 'random',
					schedulers: base.schedulers.map((x) => ({...x, transactions: 'incremental' as const})),
				};
			return {
				...base,
				schedulers: base.schedulers.map((x) => ({...x, transactions: option as 'incremental'})),
			};
		}
		default:
			if (option !== undefined) return `kubernetes takes no option, got "${option}"`;
			return {name: 'kubernetes'};
	}
}

/** The submission under one scheduler, scripted deletes included, until it has nothing left to decide. */
export function playScheduler(s: Scenario, config: SchedulerConfig, seed = s.seed) {
	const setup = clusterSetup(s);
	const {cluster: c, events} = startCluster(config, setup.nodes, setup.workloads, seed);
	// Scripted ends (a delete, or the exit of a pod that is not restarted) release at their time.
	const deletes = setup.workloads
		.flatMap((w) => (w.endsAt === undefined ? [] : [{at: w.endsAt, pod: w.name}]))
		.sort((a, b) => a.at - b.at);
	for (const d of deletes) {
		advanceCluster(c, d.at, events);
		releasePod(c, d.pod, d.at, events);
	}
	const cap = (deletes.at(-1)?.at ?? 0) + CAP;
	while (c.due !== undefined && c.due <= cap && !(c.kube && c.kube.active.length === 0))
		stepCluster(c, events);
	return {cluster: c, events: events as ClusterEvent[]};
}

export type CompareRow = {label: string; lines: string[]; steps: number; last: number};

/** Each scheduler's outcome: a line per pod (and one of figures), its decisions, its last decision's time. */
export function compareOutcomes(
	s: Scenario,
	configs: {label: string; config: SchedulerConfig}[],
	seed?: number,
): CompareRow[] {
	return configs.map(({label, config}) => {
		const {cluster, events} = playScheduler(s, config, seed);
		const result = outcome(cluster, label);
		const last = events.filter((e) => e.kind !== 'note').at(-1)?.t ?? 0;
		const lines = [...result.pods, ...(result.notes.length > 0 ? [result.notes.join('; ')] : [])];
		return {label, lines, steps: result.steps, last};
	});
}

/** The default schedulers, parsed against the scenario (for the playground's compare view). */
export function defaultSchedulers(s: Scenario): {label: string; config: SchedulerConfig}[] {
	return DEFAULT_SCHEDULERS.split(',').flatMap((label) => {
		const config = parseScheduler(label, s);
		return typeof config === 'string' ? [] : [{label, config}];
	});
}

/** SCHEDULER, OUTCOME (a line per pod), DECISIONS, LAST (time of the last decision). */
export function compareTable(
	s: Scenario,
	configs: {label: string; config: SchedulerConfig}[],
	seed?: number,
): string[] {
	const rows = [['SCHEDULER', 'OUTCOME', 'DECISIONS', 'LAST']];
	for (const row of compareOutcomes(s, configs, seed))
		row.lines.forEach((line, i) => {
			rows.push(i === 0 ? [row.label, line, String(row.steps), `${row.last / 1000}s`] : ['', line, '', '']);
		});
	const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
	return rows.map((r) =>
		r
			.map((cell, i) =>
				i === 1 ? cell.padEnd(widths[1]) : i === 2 ? cell.padStart(widths[2]) : cell.padEnd(widths[i]),
			)
			.join('  ')
			.trimEnd(),
	);
}
