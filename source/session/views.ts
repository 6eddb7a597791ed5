// The small panes: pods as `kubectl get pods` prints them, SysV queues, and the explained events.
import {currentEntry, entriesBackwards, type History, type World} from '../engine/index.js';
import {getProcess, hexKey, type IpcNamespace, type Kernel} from '../kernel/index.js';
import {ageColumn, readyColumn, restartsColumn, statusColumn} from '../runtime/index.js';
import type {PodRow, QueueRow, WhyRow} from '../ui/session.js';

// Worlds and kernels never change once made: a frame over the same moment reuses its rows.
const podCache = new WeakMap<World, PodRow[]>();
const queueCache = new WeakMap<Kernel, QueueRow[]>();

export function podRows(world: World): PodRow[] {
	let rows = podCache.get(world);
	if (!rows) {
		rows = buildPodRows(world);
		podCache.set(world, rows);
	}
	return rows;
}

function buildPodRows(world: World): PodRow[] {
	const {runtime, kernel} = world;
	// R-STATUS-3: kubectl get pods sorts by name.
	return [...runtime.order]
		.sort()
		.map((name) => runtime.pods[name])
		.filter((pod) => pod !== undefined)
		.map((pod) => ({
			name: pod.name,
			ready: readyColumn(pod),
			status: statusColumn(pod),
			restarts: restartsColumn(pod, kernel.now),
			age: ageColumn(pod, kernel.now),
			containers: pod.containers.map((c) => ({
				name: c.name,
				state: c.state,
				...(c.reason ? {reason: c.reason} : {}),
			})),
			pids: podPids(kernel, `/kubepods/pod${pod.uid}`),
			shareProcessNamespace: pod.spec.shareProcessNamespace,
			hostIPC: pod.spec.hostIPC,
		}));
}

/** pids.current/pids.max of the pod's cgroup (the kubelet's podPidsLimit; R-ZOMB-5). */
function podPids(k: Kernel, path: string): string | undefined {
	const cg = k.cgroups[path];
	return cg ? `${cg.pidsCurrent}/${cg.pidsMax ?? 'max'}` : undefined;
}

function who(k: Kernel, pids: (number | undefined)[]): string[] {
	const seen = new Set<number>();
	const names: string[] = [];
	for (const pid of pids) {
		if (pid === undefined || seen.has(pid)) continue;
		seen.add(pid);
		const p = getProcess(k, pid);
		if (p && p.state !== 'Z') names.push(`${p.comm} ${p.hostPid}`);
	}
	return names;
}

export function queueRows(k: Kernel): QueueRow[] {
	let rows = queueCache.get(k);
	if (!rows) {
		rows = buildQueueRows(k);
		queueCache.set(k, rows);
	}
	return rows;
}

function buildQueueRows(k: Kernel): QueueRow[] {
	const rows: QueueRow[] = [];
	for (const ns of Object.values(k.namespaces)) {
		if (ns.type !== 'ipc') continue;
		for (const q of Object.values((ns as IpcNamespace).queues))
			rows.push({
				ipcNamespace: ns.id,
				key: hexKey(q.key),
				id: q.id,
				messages: q.messages.length,
				bytes: q.bytes,
				limit: q.qbytes,
				producers: who(k, [q.lastSender, ...q.senders]),
				consumers: who(k, [q.lastReceiver, ...q.receivers]),
			});
	}
	return rows;
}

/** Events in the moments leading to the current one, itself included (kept per moment by the history). */
export function eventsThrough(h: History): number {
	return currentEntry(h).total;
}

/**
 * The latest `count` events of the moments leading to the current one, oldest first: after a
 * rewind the pane explains the world shown, not what was played later. `seq` is each event's place
 * in that story (the why pane scrolls by it).
 */
export function whyRows(h: History, count: number, hidden = 0): WhyRow[] {
	const rows: WhyRow[] = [];
	if (count <= 0) return rows;
	const total = eventsThrough(h) - hidden;
	// Slow motion: the current moment's last `hidden` events have not been shown yet.
	let skip = hidden;
	for (const entry of entriesBackwards(h)) {
		for (let e = entry.events.length - 1 - skip; e >= 0; e--) {
			const event = entry.events[e]!;
			const {t, rule, text} = event;
			const row: WhyRow = {t, rule, text, seq: total - 1 - rows.length};
			if (event.pid !== undefined) row.pid = event.pid;
			if (event.data !== undefined) row.data = event.data as Record<string, unknown>;
			rows.push(row);
			if (rows.length === count) return rows.reverse();
		}
		skip = 0;
	}
	return rows.reverse();
}
