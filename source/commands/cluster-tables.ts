// The cluster in a text replay (R-SCHED): nodes with their memory, where each container went, and
// the scheduler's figures.
import {formatMemory, omegaFigures} from '../cluster/index.js';
import type {World} from '../engine/index.js';
import {columns, type Snapshot} from './snapshot.js';

/** NAME ALLOCATABLE ALLOCATED HELD PODS, one row per node. */
export function nodeTable(s: Snapshot): string[] {
	const rows = [
		['NODE', 'ALLOCATABLE', 'ALLOCATED', 'HELD', 'PODS'],
		...(s.nodes ?? []).map((n) => [
			n.name,
			formatMemory(n.allocatable),
			formatMemory(n.allocated),
			n.held > 0 ? formatMemory(n.held) : '-',
			n.pods.join(', ') || '-',
		]),
	];
	return columns(rows);
}

/** Where each container went (Swarm, Mesos and Omega place containers, not Pods). */
export function placementTable(s: Snapshot): string[] {
	const rows = [['POD', 'CONTAINER', 'NODE', 'OUTCOME']];
	for (const p of s.scheduling ?? [])
		for (const c of p.containers)
			rows.push([
				p.pod,
				c.name,
				c.node ?? '-',
				c.node ? 'placed' : c.stranded ? `stranded: ${c.error}` : (c.error ?? p.waiting ?? 'not placed'),
			]);
	return columns(rows);
}

/** The scheduler's own figures: Mesos deadlock, Omega conflicts and busyness (R-SCHED-M5, O5). */
export function schedulerFigures(world: World): string[] {
	const c = world.cluster?.state;
	if (!c) return [];
	const lines = [
		`Scheduler: ${c.config.name}${c.config.name === 'swarm' ? ` (${c.config.strategy})` : ''}, ${c.steps} decisions`,
	];
	if (c.config.name === 'mesos') lines.push(`Deadlock: ${c.deadlock ? 'yes' : 'no'}`);
	for (const f of omegaFigures(c))
		lines.push(
			`${f.name}: ${f.transactions} transaction${f.transactions === 1 ? '' : 's'}, ${f.conflicts} conflict${f.conflicts === 1 ? '' : 's'}, conflict fraction ${f.conflictFraction === null ? 'n/a' : f.conflictFraction.toFixed(2)}, busy ${(f.busy / 1000).toFixed(3)}s (${(f.busyness * 100).toFixed(0)}%), wasted ${(f.wasted / 1000).toFixed(3)}s`,
		);
	return lines;
}
