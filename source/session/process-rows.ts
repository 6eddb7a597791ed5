// One ProcessRow per visible row of the window: the cost follows the rows shown, not the table.
import {getProcess, type Kernel, type Process} from '../kernel/index.js';
import type {ProcessRow} from '../ui/session.js';
import {holdsOf} from './holders.js';
import type {TreeIndex} from './tree-index.js';

/** How long a reparented process keeps its "adopted" mark, in virtual ms (R-REAP-2, R-REAP-3). */
export const ADOPTED_MS = 3000;

export function processRow(
	k: Kernel,
	index: TreeIndex,
	i: number,
	collapsed: ReadonlySet<number>,
	changes?: ReadonlyMap<number, 'now' | 'recent'>,
): ProcessRow {
	// The index holds the shape; the process itself comes from the world shown (tree-index.ts).
	const p = getProcess(k, index.pids[i]!)!;
	const up = index.parent[i]!;
	const parent = up === -1 ? undefined : getProcess(k, index.pids[up]!);
	const hasChildren = index.end[i]! > i + 1;
	const row: ProcessRow = {
		hostPid: p.hostPid,
		nsPids: [...p.pids],
		ppid: p.parent,
		comm: p.comm,
		state: p.state,
		depth: index.depth[i]!,
		threads: p.threads.slice(1).map((t) => t.name),
		zombie: p.state === 'Z',
		adopted: p.adoptedAt !== undefined && k.now - p.adoptedAt <= ADOPTED_MS,
		holds: holdsOf(k, p.hostPid),
		// R-PIDNS-3: the first process of a PID namespace below the host's is its init.
		nsInit: p.pids.length > 1 && p.pids.at(-1) === 1,
		pidNsId: p.ns.pid,
		nsIds: [p.ns.pid, p.ns.ipc, p.ns.net, p.ns.uts, p.ns.mnt],
		hasChildren,
		collapsed: hasChildren && collapsed.has(p.hostPid),
		last: isLast(index, i),
		guides: guidesOf(index, i),
	};
	const change = changes?.get(p.hostPid);
	if (change) row.change = change;
	if (p.labels.pod) row.pod = p.labels.pod;
	if (p.labels.container) row.container = p.labels.container;
	if (parent && parent.ns.pid !== p.ns.pid) row.boundary = boundaryLabel(k, p);
	return row;
}

/** The last child of its parent: its subtree ends where the parent's does. */
function isLast(index: TreeIndex, i: number): boolean {
	const up = index.parent[i]!;
	return up === -1 ? true : index.end[i] === index.end[up];
}

/** For ancestor levels 1..depth-1: does a guide line continue there (the ancestor is not last)? */
function guidesOf(index: TreeIndex, i: number): boolean[] {
	const depth = index.depth[i]!;
	const guides = new Array<boolean>(Math.max(depth - 1, 0));
	let a = index.parent[i]!;
	for (let level = depth - 1; level >= 1; level--) {
		guides[level - 1] = !isLast(index, a);
		a = index.parent[a]!;
	}
	return guides;
}

/** Names the namespace by its init (pause for a shared pod namespace), not by the row entering it. */
function boundaryLabel(k: Kernel, p: Process): string {
	const ns = k.namespaces[p.ns.pid];
	const init = ns?.type === 'pid' && ns.init !== undefined ? (getProcess(k, ns.init) ?? p) : p;
	const owner = init.labels.pod
		? ` ${init.labels.pod}${init.labels.container ? `/${init.labels.container}` : ''}`
		: '';
	const shared = init.hostPid === p.hostPid ? '' : ` (shared, PID 1 is ${init.comm})`;
	return `pid:[${p.ns.pid}]${owner}${shared}`;
}
