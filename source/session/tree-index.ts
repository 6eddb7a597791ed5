// The host process tree in tree order (depth-first, children by host PID), built in one pass over
// the process table. It holds only the shape (host PIDs and links); rows read each process from
// the world they show. So the index is reused across moments while the shape is the same: immer
// shares an unchanged table (same object), and when only some processes changed (a state, a
// clock) a chunk-by-chunk comparison of parent links proves the shape unchanged without a rebuild.
import {type Kernel, type Process, tableValues} from '../kernel/index.js';

export type TreeIndex = {
	/** Host PIDs in tree order. */
	pids: Int32Array;
	depth: Int32Array;
	/** One past the last index of each subtree: `[i + 1, end[i])` are the descendants of `pids[i]`. */
	end: Int32Array;
	/** Index of the parent in the order, -1 for a root. */
	parent: Int32Array;
	/** Host PID → index in the order. */
	position: Map<number, number>;
	/** Processes per PID namespace id (the namespaces pane's member counts). */
	pidNsMembers: Map<number, number>;
};

type Procs = Kernel['procs'];

const cache = new WeakMap<Procs, TreeIndex>();
let latest: {procs: Procs; index: TreeIndex} | undefined;

export function treeIndex(kernel: Kernel): TreeIndex {
	const {procs} = kernel;
	let index = cache.get(procs);
	if (!index) {
		index = latest && sameShape(latest.procs, procs) ? latest.index : buildTreeIndex(procs);
		cache.set(procs, index);
	}
	latest = {procs, index};
	return index;
}

/** Same PIDs with the same parents and PID namespaces: the same tree. Unchanged chunks cost nothing. */
export function sameShape(a: Procs, b: Procs): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < b.length; i++) {
		const ca = a[i];
		const cb = b[i];
		if (ca === cb) continue;
		if (!ca || !cb || ca.length !== cb.length) return false;
		for (let slot = 0; slot < cb.length; slot++) {
			const pa = ca[slot];
			const pb = cb[slot];
			if (pa === pb) continue;
			if (!pa || !pb || pa.parent !== pb.parent || pa.ns.pid !== pb.ns.pid) return false;
		}
	}
	return true;
}

export function buildTreeIndex(procs: Procs): TreeIndex {
	const all: Process[] = [];
	// Table chunks iterate in ascending key order, and so do the PIDs inside each chunk.
	for (const p of tableValues(procs)) all.push(p);
	const present = new Set<number>();
	const pidNsMembers = new Map<number, number>();
	for (const p of all) {
		present.add(p.hostPid);
		pidNsMembers.set(p.ns.pid, (pidNsMembers.get(p.ns.pid) ?? 0) + 1);
	}
	// Children from the parent links (real_parent), already in ascending host PID: htop's order.
	const kids = new Map<number, number[]>();
	const roots: number[] = [];
	for (const p of all) {
		// A process whose parent is not in the table (the host init, parent 0) is a root.
		if (!present.has(p.parent)) roots.push(p.hostPid);
		else {
			const list = kids.get(p.parent);
			if (list) list.push(p.hostPid);
			else kids.set(p.parent, [p.hostPid]);
		}
	}
	const n = all.length;
	const pids = new Int32Array(n);
	const depth = new Int32Array(n);
	const end = new Int32Array(n);
	const parent = new Int32Array(n);
	const position = new Map<number, number>();
	// Iterative depth-first walk: a fork chain 50,000 deep must not overflow the call stack.
	const stackPid: number[] = [];
	const stackDepth: number[] = [];
	const stackParent: number[] = [];
	for (let r = roots.length - 1; r >= 0; r--) {
		stackPid.push(roots[r]!);
		stackDepth.push(0);
		stackParent.push(-1);
	}
	const open: number[] = [];
	let next = 0;
	while (stackPid.length > 0) {
		const pid = stackPid.pop()!;
		const d = stackDepth.pop()!;
		const up = stackParent.pop()!;
		// Close the subtrees this entry is not inside of.
		while (open.length > d) end[open.pop()!] = next;
		const i = next++;
		pids[i] = pid;
		depth[i] = d;
		parent[i] = up;
		position.set(pid, i);
		open.push(i);
		const list = kids.get(pid);
		if (!list) continue;
		for (let k = list.length - 1; k >= 0; k--) {
			stackPid.push(list[k]!);
			stackDepth.push(d + 1);
			stackParent.push(i);
		}
	}
	while (open.length > 0) end[open.pop()!] = next;
	return {pids, depth, end, parent, position, pidNsMembers};
}
