// The world at one moment as plain data: the `--json` snapshot object and the text tables.
import type {World} from '../engine/index.js';
import {allProcesses, getProcess, type IpcNamespace, type Namespace, type Process} from '../kernel/index.js';
import {ageColumn, podPhase, readyColumn, restartsColumn, statusColumn} from '../runtime/index.js';

export type ProcessSnapshot = {
	hostPid: number;
	pids: number[];
	ppid: number;
	comm: string;
	state: string;
	pod: string | null;
	container: string | null;
	threads: string[];
};

export type Snapshot = {
	type: 'snapshot';
	t: number;
	processes: ProcessSnapshot[];
	pods: {
		name: string;
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
};

export function snapshot(world: World): Snapshot {
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

/** `kubectl get pods` */
export function podTable(s: Snapshot): string[] {
	const rows = [
		['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
		...s.pods.map((p) => [p.name, p.ready, p.status, p.restarts, p.age]),
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

function columns(rows: string[][]): string[] {
	const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
	return rows.map((r) =>
		r
			.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i])))
			.join('   ')
			.trimEnd(),
	);
}
