// What changed between two moments: processes, pods and queues, as one line each.
import {allProcesses, hexKey, type IpcNamespace, type Process} from '../kernel/index.js';
import {statusColumn} from '../runtime/index.js';
import type {World} from './world.js';

export function diffWorlds(before: World, after: World): string[] {
	const changes: string[] = [];
	const old = new Map(allProcesses(before.kernel).map((p) => [p.hostPid, p]));
	const now = new Map(allProcesses(after.kernel).map((p) => [p.hostPid, p]));
	for (const [pid, p] of now) {
		const was = old.get(pid);
		if (!was || was.startedAt !== p.startedAt) changes.push(`+ ${describe(p)}`);
		else {
			if (was.state !== p.state) changes.push(`~ ${describe(p)}: state ${was.state} → ${p.state}`);
			if (was.parent !== p.parent) changes.push(`~ ${describe(p)}: parent ${was.parent} → ${p.parent}`);
			if (was.comm !== p.comm) changes.push(`~ ${pid}: exec ${was.comm} → ${p.comm}`);
		}
	}
	for (const [pid, p] of old) {
		const live = now.get(pid);
		if (!live || live.startedAt !== p.startedAt) changes.push(`- ${describe(p)}`);
	}
	for (const name of new Set([...before.runtime.order, ...after.runtime.order])) {
		const a = before.runtime.pods[name];
		const b = after.runtime.pods[name];
		const sa = a ? statusColumn(a) : 'absent';
		const sb = b ? statusColumn(b) : 'absent';
		if (sa !== sb) changes.push(`~ pod ${name}: ${sa} → ${sb}`);
	}
	const queues = (w: World) =>
		new Map(
			Object.values(w.kernel.namespaces)
				.filter((ns): ns is IpcNamespace => ns.type === 'ipc')
				.flatMap((ns) =>
					Object.values(ns.queues).map((q) => [`${ns.id}:${q.key}`, q.messages.length] as const),
				),
		);
	const qa = queues(before);
	const qb = queues(after);
	for (const [key, count] of qb)
		if (qa.get(key) !== count)
			changes.push(`~ queue ${label(key)}: ${qa.get(key) ?? 'absent'} → ${count} messages`);
	for (const key of qa.keys()) if (!qb.has(key)) changes.push(`- queue ${label(key)}`);
	return changes;
}

function describe(p: Process): string {
	return `${p.hostPid} (${p.comm})`;
}

function label(key: string): string {
	const [ns, k] = key.split(':');
	return `${hexKey(Number(k))} in ipc:[${ns}]`;
}
