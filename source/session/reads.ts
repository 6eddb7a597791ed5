// The windowed process reads: the tree index is per process table, the visible mapping per
// (index, collapsed set); a window formats only its own rows.
import type {World} from '../engine/index.js';
import type {ProcessRow} from '../ui/session.js';
import {processRow} from './process-rows.js';
import {type TreeIndex, treeIndex} from './tree-index.js';
import {rowOfOrderIndex, type Visible, visibleRows, windowIndices} from './visible.js';

const visibleCache = new WeakMap<TreeIndex, {collapsed: ReadonlySet<number>; visible: Visible}>();

function visibleOf(index: TreeIndex, collapsed: ReadonlySet<number>): Visible {
	const hit = visibleCache.get(index);
	if (hit && hit.collapsed === collapsed) return hit.visible;
	const visible = visibleRows(index, collapsed);
	visibleCache.set(index, {collapsed, visible});
	return visible;
}

export function processCount(world: World, collapsed: ReadonlySet<number>): number {
	return visibleOf(treeIndex(world.kernel), collapsed).count;
}

/** Every process on the node, collapsed or not (the status bar's count). */
export function processTotal(world: World): number {
	return treeIndex(world.kernel).pids.length;
}

export function processRows(
	world: World,
	collapsed: ReadonlySet<number>,
	start: number,
	count: number,
	changes?: ReadonlyMap<number, 'now' | 'recent'>,
): ProcessRow[] {
	const index = treeIndex(world.kernel);
	return windowIndices(visibleOf(index, collapsed), start, count).map((i) =>
		processRow(world.kernel, index, i, collapsed, changes),
	);
}

export function indexOfPid(world: World, collapsed: ReadonlySet<number>, hostPid: number): number {
	const index = treeIndex(world.kernel);
	const i = index.position.get(hostPid);
	return i === undefined ? -1 : rowOfOrderIndex(visibleOf(index, collapsed), i);
}

/** Host PIDs with children at depth ≥ `depth` (0 folds everything). */
export function parentsFrom(world: World, depth: number): Set<number> {
	const index = treeIndex(world.kernel);
	const pids = new Set<number>();
	index.pids.forEach((pid, i) => {
		if (index.depth[i]! >= depth && index.end[i]! > i + 1) pids.add(pid);
	});
	return pids;
}
