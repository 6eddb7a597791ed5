// What the cluster pane shows (R-SCHED): each node's memory, what is placed on it, and what waits —
// queued, Pending (Kubernetes), held (Mesos), in flight (Omega).
import {allocated, describeScheduler, formatMemory, heldOn, inFlight, queued} from '../cluster/index.js';
import type {World} from '../engine/index.js';
import {compareOutcomes, defaultSchedulers} from '../scenario/cluster-compare.js';
import type {Scenario} from '../scenario/types.js';
import type {ClusterView} from '../ui/cluster-pane.js';

/** `compare`: the playground's compare view (`:compare`), computed once per scenario. */
export function clusterView(
	world: World,
	shown: string,
	compare?: ClusterView['compare'],
): ClusterView | undefined {
	const cluster = world.cluster;
	if (!cluster) return undefined;
	const c = cluster.state;
	const nodes = c.nodes.map((n) => {
		const here = c.placements.filter((p) => p.node === n.name);
		const placed = [...new Set(here.map((p) => p.container ?? p.pod))];
		return {
			name: n.name,
			allocatable: n.memory,
			allocated: allocated(c, n.name),
			held: heldOn(c, n.name),
			placed,
			shown: n.name === shown,
		};
	});
	return {
		scheduler: describeScheduler(c.config),
		nodes,
		state: stateLine(world),
		...(compare ? {compare} : {}),
	};
}

function stateLine(world: World): string {
	const c = world.cluster!.state;
	const parts: string[] = [];
	if (c.deadlock) parts.push('DEADLOCK (R-SCHED-M5)');
	const pending = c.workloads.filter((w) => c.pods[w.name]?.waiting === 'pending').map((w) => w.name);
	if (pending.length > 0) parts.push(`Pending: ${pending.join(' ')}`);
	const waiting = queued(c).filter((p) => !pending.includes(p));
	if (waiting.length > 0)
		parts.push(`waiting: ${waiting.map((p) => `${p} (${c.pods[p]?.waiting})`).join(' ')}`);
	for (const f of inFlight(c))
		parts.push(`in flight: ${f.scheduler} → ${f.job} commits at ${(f.commitAt / 1000).toFixed(3)}s`);
	const stranded = c.workloads.flatMap((w) =>
		Object.entries(c.pods[w.name]?.containers ?? {}).flatMap(([name, s]) =>
			s.stranded ? [`${w.name}/${name}`] : [],
		),
	);
	if (stranded.length > 0) parts.push(`stranded: ${stranded.join(' ')}`);
	const conflicts = (c.omega?.schedulers ?? []).reduce((n, s) => n + s.conflicts, 0);
	if (c.omega) parts.push(`conflicts: ${conflicts}`);
	const held = c.nodes.reduce((n, x) => n + heldOn(c, x.name), 0);
	if (held > 0 && !c.deadlock) parts.push(`held: ${formatMemory(held)}`);
	return parts.length > 0 ? parts.join(' · ') : 'nothing waits';
}

const compared = new WeakMap<Scenario, ClusterView['compare']>();

/** The same submission under each default scheduler, a line each (R-SCHED, `podplay compare`). */
export function compareView(s: Scenario): ClusterView['compare'] {
	let rows = compared.get(s);
	if (!rows) {
		rows = compareOutcomes(s, defaultSchedulers(s)).map((r) => ({
			label: r.label,
			outcome: `${r.lines.join(' | ')} (${r.steps} decision${r.steps === 1 ? '' : 's'})`,
		}));
		compared.set(s, rows);
	}
	return rows;
}
