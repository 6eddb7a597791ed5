// Collapsed subtrees as ranges of the tree order to skip, so a window of visible rows maps to the
// tree order in O(log k + rows) for k collapsed processes, whatever the number of processes.
import type {TreeIndex} from './tree-index.js';

export type Visible = {
	/** Hidden ranges `[start, end)` of the tree order, sorted and disjoint. */
	starts: number[];
	ends: number[];
	/** Rows hidden before range j. */
	hiddenBefore: number[];
	count: number;
};

export function visibleRows(index: TreeIndex, collapsed: ReadonlySet<number>): Visible {
	const ranges: [number, number][] = [];
	for (const pid of collapsed) {
		const i = index.position.get(pid);
		if (i !== undefined && index.end[i]! > i + 1) ranges.push([i + 1, index.end[i]!]);
	}
	ranges.sort((a, b) => a[0] - b[0]);
	const starts: number[] = [];
	const ends: number[] = [];
	const hiddenBefore: number[] = [];
	let hidden = 0;
	for (const [start, end] of ranges) {
		// A collapsed process inside a collapsed subtree adds nothing.
		if (ends.length > 0 && start < ends.at(-1)!) continue;
		starts.push(start);
		ends.push(end);
		hiddenBefore.push(hidden);
		hidden += end - start;
	}
	return {starts, ends, hiddenBefore, count: index.pids.length - hidden};
}

/** The tree-order index of visible row `row`. */
export function orderIndexOf(v: Visible, row: number): number {
	// The last range whose first following visible row is at or before `row`.
	let lo = 0;
	let hi = v.starts.length - 1;
	let found = -1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (v.starts[mid]! - v.hiddenBefore[mid]! <= row) {
			found = mid;
			lo = mid + 1;
		} else hi = mid - 1;
	}
	return found === -1 ? row : row + v.hiddenBefore[found]! + (v.ends[found]! - v.starts[found]!);
}

/** The visible row of tree-order index `i`, or -1 inside a collapsed subtree. */
export function rowOfOrderIndex(v: Visible, i: number): number {
	let lo = 0;
	let hi = v.starts.length - 1;
	let found = -1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (v.starts[mid]! <= i) {
			found = mid;
			lo = mid + 1;
		} else hi = mid - 1;
	}
	if (found === -1) return i;
	if (i < v.ends[found]!) return -1;
	return i - v.hiddenBefore[found]! - (v.ends[found]! - v.starts[found]!);
}

/** Tree-order indices of visible rows `[start, start + count)`, clamped. */
export function windowIndices(v: Visible, start: number, count: number): number[] {
	const from = Math.max(0, start);
	const to = Math.min(v.count, from + Math.max(0, count));
	const out: number[] = [];
	if (from >= to) return out;
	let i = orderIndexOf(v, from);
	let next = v.starts.findIndex((s) => s > i);
	while (out.length < to - from) {
		if (next !== -1 && next < v.starts.length && i === v.starts[next]) {
			i = v.ends[next]!;
			next += 1;
			continue;
		}
		out.push(i);
		i += 1;
	}
	return out;
}
