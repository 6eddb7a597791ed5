// One scheduler's outcome in a sentence per pod, for `podplay compare`: what ran where, what was
// stranded, held, rolled back or left pending, and after how many decisions (R-SCHED).
import {describeScheduler} from './cluster.js';
import {memberName, placed} from './state.js';
import type {ClusterState, Workload} from './types.js';
import {formatMemory} from './units.js';

export type Outcome = {scheduler: string; pods: string[]; notes: string[]; steps: number; at: number};

function podOutcome(c: ClusterState, w: Workload): string {
	const s = c.pods[w.name];
	const name = (m: string) => memberName(c, w.name, m);
	const here = w.members.filter((m) => s?.containers[m.name]?.node);
	const refused = w.members.filter((m) => !s?.containers[m.name]?.node);
	if (refused.length === 0) {
		const nodes = [...new Set(here.map((m) => s!.containers[m.name]!.node!))];
		if (nodes.length === 1) {
			const over = placed(c, nodes[0]).memory;
			const node = c.nodes.find((n) => n.name === nodes[0])!;
			return `${here.map((m) => name(m.name)).join(', ')} → ${nodes[0]} ✔${over > node.memory ? ` (over-committed ${formatMemory(over)}/${formatMemory(node.memory)})` : ''}`;
		}
		return here.map((m) => `${name(m.name)} → ${s!.containers[m.name]!.node}`).join(', ');
	}
	if (s?.waiting === 'pending') return `${w.name} Pending: ${s.message}`;
	const parts: string[] = [];
	if (here.length > 0)
		parts.push(`${here.map((m) => name(m.name)).join(', ')} → ${s!.containers[here[0].name]!.node}`);
	for (const m of refused) {
		const x = s?.containers[m.name];
		if (x?.error) parts.push(`${name(m.name)} ✘ ${x.error}${x.stranded ? ' (stranded)' : ''}`);
	}
	const waiting = refused.filter((m) => !s?.containers[m.name]?.error);
	if (waiting.length > 0)
		parts.push(`${waiting.map((m) => name(m.name)).join(', ')} ${s?.waiting ?? 'not placed'}`);
	return parts.join('; ');
}

export function outcome(c: ClusterState, label: string): Outcome {
	const notes: string[] = [];
	if (c.config.name === 'mesos') {
		if (c.heldPeak > 0) notes.push(`held up to ${formatMemory(c.heldPeak)}`);
		if (c.deadlock) notes.push(`deadlock at ${(c.deadlockAt ?? c.now) / 1000}s`);
	}
	if (c.config.name === 'omega') {
		const conflicts = (c.omega?.schedulers ?? []).reduce((n, s) => n + s.conflicts, 0);
		notes.push(`${conflicts} conflict${conflicts === 1 ? '' : 's'}`);
		if (c.rolledBack > 0) notes.push(`${c.rolledBack} task${c.rolledBack === 1 ? '' : 's'} rolled back`);
	}
	return {
		scheduler: label || describeScheduler(c.config),
		pods: c.workloads.filter((w) => !w.nodeName).map((w) => podOutcome(c, w)),
		notes,
		steps: c.steps,
		at: c.now,
	};
}
