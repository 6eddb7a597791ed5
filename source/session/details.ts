// The details pane: one process as htop's and k9s' describe show it — its PIDs, parent, state,
// namespaces with their holders, signal dispositions, threads, cgroup limits and its container.
import type {World} from '../engine/index.js';
import {type Cgroup, getProcess, type Kernel} from '../kernel/index.js';
import type {NsKind, ProcessDetails} from '../ui/session.js';
import {namespaceRows} from './holders.js';

const kinds: NsKind[] = ['pid', 'ipc', 'net', 'uts', 'mnt'];

/** The cgroup and, for each limit, the nearest cgroup at or above it that sets one. */
function cgroupOf(k: Kernel, path: string): ProcessDetails['cgroup'] {
	const own = k.cgroups[path];
	let pids: Cgroup | undefined;
	let memory: Cgroup | undefined;
	for (let c: Cgroup | undefined = own; c; c = c.parent ? k.cgroups[c.parent] : undefined) {
		if (!pids && c.pidsMax !== undefined) pids = c;
		if (!memory && c.memoryMax !== undefined) memory = c;
	}
	const counted = pids ?? own;
	return {
		path: pids?.path ?? path,
		pidsCurrent: counted?.pidsCurrent ?? 0,
		...(pids?.pidsMax !== undefined ? {pidsMax: pids.pidsMax} : {}),
		memoryCurrent: (memory ?? own)?.memoryCurrent ?? 0,
		...(memory?.memoryMax !== undefined ? {memoryMax: memory.memoryMax} : {}),
	};
}

export function processDetails(world: World, hostPid: number): ProcessDetails | undefined {
	const {kernel: k, runtime} = world;
	const p = getProcess(k, hostPid);
	if (!p) return undefined;
	const holders = new Map(namespaceRows(k).map((row) => [row.id, row.holder]));
	const with_ = (d: string) =>
		Object.entries(p.actions)
			.filter(([, how]) => how === d)
			.map(([signal]) => signal);
	const details: ProcessDetails = {
		hostPid: p.hostPid,
		nsPids: [...p.pids],
		ppid: p.parent,
		comm: p.comm,
		state: p.state,
		threads: p.threads.length,
		namespaces: kinds.map((type) => ({type, id: p.ns[type], holder: holders.get(p.ns[type]) ?? '-'})),
		signals: {
			handled: with_('handle'),
			ignored: with_('ignore'),
			blocked: [...p.blocked],
			pending: p.pending.map((s) => s.signal),
		},
		cgroup: cgroupOf(k, p.cgroup),
	};
	const pod = p.labels.pod ? runtime.pods[p.labels.pod] : undefined;
	const c = pod?.containers.find((x) => x.name === p.labels.container);
	if (pod && c)
		details.container = {
			pod: pod.name,
			name: c.name,
			state: c.state,
			...(c.reason ? {reason: c.reason} : {}),
			...(c.exitCode !== undefined ? {exitCode: c.exitCode} : {}),
			restarts: c.restartCount,
			events: pod.events.slice(-5).map((e) => `${e.reason}: ${e.message}`),
		};
	return details;
}
