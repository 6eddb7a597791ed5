// The world at one moment as plain data: the `--json` snapshot object and the text tables.
import {allocated, heldOn} from '../cluster/index.js';
import {nodeNames, nodeWorld, type World} from '../engine/index.js';
import {allProcesses, getProcess, type IpcNamespace, type Namespace, type Process} from '../kernel/index.js';
import {
	ageColumn,
	humanDuration,
	podPhase,
	readyColumn,
	restartsColumn,
	statusColumn,
} from '../runtime/index.js';
import {printable} from '../text/printable.js';

export type ProcessSnapshot = {
	hostPid: number;
	pids: number[];
	ppid: number;
	comm: string;
	state: string;
	pod: string | null;
	container: string | null;
	threads: string[];
	/** In a cluster: the node it runs on. */
	node?: string;
};

export type Snapshot = {
	type: 'snapshot';
	t: number;
	processes: ProcessSnapshot[];
	pods: {
		name: string;
		/** In a cluster: the node it is bound to (null while Pending), as `kubectl get pods -o wide`. */
		node?: string | null;
		phase: string;
		status: string;
		ready: string;
		restarts: string;
		age: string;
		containers: {
			name: string;
			state: string;
			reason: string | null;
			exitCode: number | null;
			restartCount: number;
			ready: boolean;
		}[];
	}[];
	namespaces: {type: string; id: number; holder: string; members: number[]}[];
	queues: {ipcNamespace: number; key: number; id: number; messages: number; bytes: number}[];
	/** In a cluster (R-SCHED): each node's allocatable and allocated memory (bytes) and its pods. */
	nodes?: {name: string; allocatable: number; allocated: number; held: number; pods: string[]}[];
	/** In a cluster: where the scheduler has each pod and each of its containers. */
	scheduling?: {
		pod: string;
		node: string | null;
		scheduled: boolean;
		waiting: string | null;
		reason: string | null;
		message: string | null;
		containers: {name: string; node: string | null; stranded: boolean; error: string | null}[];
	}[];
};

/** The world at this moment; in a cluster every node's, each item saying its node. */
export function snapshot(world: World): Snapshot {
	const cluster = world.cluster;
	if (!cluster) return nodeSnapshot(world);
	const parts = nodeNames(world).map((name) => {
		const part = nodeSnapshot(nodeWorld(world, name));
		const tag = <T extends object>(x: T) => ({...x, node: name});
		return {
			...part,
			processes: part.processes.map(tag),
			pods: part.pods.map(tag),
			namespaces: part.namespaces.map(tag),
			queues: part.queues.map(tag),
		};
	});
	const c = cluster.state;
	const running = new Set(parts.flatMap((p) => p.pods.map((x) => x.name)));
	// Only Kubernetes has Pods that wait unbound; the others' containers are in `scheduling`.
	const pending = c.workloads
		.filter((w) => c.config.name === 'kubernetes' && !running.has(w.name) && c.pods[w.name]?.waiting)
		.map((w) => ({
			name: w.name,
			node: null,
			phase: 'Pending',
			status: 'Pending',
			ready: `0/${w.members.length}`,
			restarts: '0',
			age: humanDuration(world.kernel.now),
			containers: [],
		}));
	return {
		type: 'snapshot',
		t: world.kernel.now,
		processes: parts.flatMap((p) => p.processes),
		pods: [...parts.flatMap((p) => p.pods), ...pending],
		namespaces: parts.flatMap((p) => p.namespaces),
		queues: parts.flatMap((p) => p.queues),
		nodes: c.nodes.map((n) => ({
			name: n.name,
			allocatable: n.memory,
			allocated: allocated(c, n.name),
			held: heldOn(c, n.name),
			pods: [...new Set(c.placements.filter((p) => p.node === n.name).map((p) => p.pod))],
		})),
		scheduling: c.workloads.map((w) => {
			const p = c.pods[w.name];
			return {
				pod: w.name,
				node: p?.node ?? null,
				scheduled: p?.scheduled ?? false,
				waiting: p?.waiting ?? null,
				reason: p?.reason ?? null,
				message: p?.message ?? null,
				containers: w.members.map((m) => ({
					name: m.name,
					node: p?.containers[m.name]?.node ?? null,
					stranded: p?.containers[m.name]?.stranded ?? false,
					error: p?.containers[m.name]?.error ?? null,
				})),
			};
		}),
	};
}

function nodeSnapshot(world: World): Snapshot {
	const k = world.kernel;
	const now = k.now;
	const processes = allProcesses(k);
	return {
		type: 'snapshot',
		t: now,
		processes: processes.map((p) => ({
			hostPid: p.hostPid,
			pids: [...p.pids],
			ppid: p.parent,
			comm: p.comm,
			state: p.state,
			pod: p.labels.pod ?? null,
			container: p.labels.container ?? null,
			threads: p.threads.map((t) => t.name),
		})),
		pods: world.runtime.order
			.map((name) => world.runtime.pods[name])
			.filter((pod) => pod !== undefined)
			.map((pod) => ({
				name: pod.name,
				phase: podPhase(pod),
				status: statusColumn(pod),
				ready: readyColumn(pod),
				restarts: restartsColumn(pod, now),
				age: ageColumn(pod, now),
				containers: pod.containers.map((c) => ({
					name: c.name,
					state: c.state,
					reason: c.reason ?? null,
					exitCode: c.exitCode ?? null,
					restartCount: c.restartCount,
					ready: c.ready,
				})),
			})),
		namespaces: Object.values(k.namespaces).map((ns) => ({
			type: ns.type,
			id: ns.id,
			holder: holder(ns, processes),
			members: processes.filter((p) => p.ns[ns.type] === ns.id).map((p) => p.hostPid),
		})),
		queues: Object.values(k.namespaces)
			.filter((ns): ns is IpcNamespace => ns.type === 'ipc')
			.flatMap((ns) =>
				Object.values(ns.queues).map((q) => ({
					ipcNamespace: ns.id,
					key: q.key,
					id: q.id,
					messages: q.messages.length,
					bytes: q.bytes,
				})),
			),
	};
}

/** Who keeps a namespace alive: its init (PID), its creator if still a member, else its pins. */
export function holder(ns: Namespace, processes: Process[]): string {
	if (ns.type === 'pid') {
		const init = processes.find((p) => p.hostPid === ns.init);
		return init ? `${init.hostPid} (${init.comm})` : '(none)';
	}
	const creator = processes.find(
		(p) => p.hostPid === ns.creator && p.ns[ns.type] === ns.id && p.state !== 'Z',
	);
	if (creator) return `${creator.hostPid} (${creator.comm})`;
	if (ns.pins.length > 0) return ns.pins[0];
	const member = processes.find((p) => p.ns[ns.type] === ns.id && p.state !== 'Z');
	return member ? `${member.hostPid} (${member.comm})` : '(none)';
}

/** `kubectl get pods` (`-o wide`'s NODE column in a cluster) */
export function podTable(s: Snapshot): string[] {
	const wide = s.nodes !== undefined;
	const rows = [
		['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', ...(wide ? ['NODE'] : [])],
		...s.pods.map((p) => [
			p.name,
			p.ready,
			p.status,
			p.restarts,
			p.age,
			...(wide ? [p.node ?? '<none>'] : []),
		]),
	];
	return columns(rows);
}

/** A pstree-like process table: host PID, PIDs inside, state, command, pod/container. */
export function processTable(world: World): string[] {
	const k = world.kernel;
	const rows: string[][] = [['PID', 'NSPID', 'S', 'COMMAND', 'POD/CONTAINER']];
	const walk = (p: Process, depth: number) => {
		const where = p.labels.container ? `${p.labels.pod}/${p.labels.container}` : (p.labels.pod ?? '');
		const threads = p.threads.length > 1 ? ` {${p.threads.map((t) => t.name).join(', ')}}` : '';
		rows.push([
			String(p.hostPid),
			p.pids.slice(1).join(' ') || '-',
			p.state,
			`${'  '.repeat(depth)}${p.comm}${p.state === 'Z' ? ' <defunct>' : ''}${threads}`,
			where,
		]);
		for (const child of p.children) {
			const c = getProcess(k, child);
			if (c) walk(c, depth + 1);
		}
	};
	const init = getProcess(k, 1);
	if (init) walk(init, 0);
	return columns(rows);
}

export function columns(cells: string[][]): string[] {
	const rows = cells.map((r) => r.map(printable));
	const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
	return rows.map((r) =>
		r
			.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i])))
			.join('   ')
			.trimEnd(),
	);
}
