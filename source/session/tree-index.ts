// The host process tree in tree order (depth-first, children by host PID), built in one pass over
// the process table and cached per table: immer shares an unchanged table between moments, so
// frames where no process changed reuse the same index, and a frame reads only the rows it shows.
import {type Kernel, type Process, tableValues} from '../kernel/index.js';

export type TreeIndex = {
	/** Processes in tree order. */
	order: Process[];
	depth: Int32Array;
	/** One past the last index of each subtree: `[i + 1, end[i])` are the descendants of `order[i]`. */
	end: Int32Array;
	/** Index of the parent in `order`, -1 for a root. */
	parent: Int32Array;
	/** Host PID → index in `order`. */
	position: Map<number, number>;
	/** Processes per PID namespace id (the namespaces pane's member counts). */
	pidNsMembers: Map<number, number>;
};

const cache = new WeakMap<Kernel['procs'], TreeIndex>();

export function treeIndex(kernel: Kernel): TreeIndex {
	let index = cache.get(kernel.procs);
	if (!index) {
		index = buildTreeIndex(kernel.procs);
		cache.set(kernel.procs, index);
	}
	return index;
}

export function buildTreeIndex(procs: Kernel['procs']): TreeIndex {
	const byPid = new Map<number, Process>();
	const pidNsMembers = new Map<number, number>();
	for (const p of tableValues(procs)) {
		byPid.set(p.hostPid, p);
		pidNsMembers.set(p.ns.pid, (pidNsMembers.get(p.ns.pid) ?? 0) + 1);
	}
	// Children from the parent links (real_parent), in ascending host PID because the table
	// iterates in key order: htop's tree order, and no sort.
	const kids = new Map<number, Process[]>();
	const roots: Process[] = [];
	for (const p of byPid.values()) {
		// A process whose parent is not in the table (the host init, parent 0) is a root.
		if (!byPid.has(p.parent)) roots.push(p);
		else {
			const list = kids.get(p.parent);
			if (list) list.push(p);
			else kids.set(p.parent, [p]);
		}
	}
	const n = byPid.size;
	const order: Process[] = [];
	const depth = new Int32Array(n);
	const end = new Int32Array(n);
	const parent = new Int32Array(n);
	const position = new Map<number, number>();
	// Iterative depth-first walk: a fork chain 50,000 deep must not overflow the call stack.
	const stack: {p: Process; depth: number; parent: number}[] = [];
	for (const root of roots.reverse()) stack.push({p: root, depth: 0, parent: -1});
	const open: number[] = [];
	while (stack.length > 0) {
		const {p, depth: d, parent: up} = stack.pop()!;
		// Close the subtrees this entry is not inside of.
		while (open.length > d) end[open.pop()!] = order.length;
		const i = order.length;
		order.push(p);
		depth[i] = d;
		parent[i] = up;
		position.set(p.hostPid, i);
		open.push(i);
		const list = kids.get(p.hostPid) ?? [];
		for (let k = list.length - 1; k >= 0; k--) stack.push({p: list[k]!, depth: d + 1, parent: i});
	}
	while (open.length > 0) end[open.pop()!] = order.length;
	return {order, depth, end, parent, position, pidNsMembers};
}
