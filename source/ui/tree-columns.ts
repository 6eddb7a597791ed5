/** Column widths of the process tree, from the width it gets. */
export type TreeColumns = {
	mark: number;
	pid: number;
	nsPid: number;
	state: number;
	where: number;
	tree: number;
};

export function treeColumns(width: number): TreeColumns {
	// A pointer column marks the selection without relying on inverse video (lost without colour).
	const mark = 1;
	const pid = 6;
	const nsPid = 5;
	const state = 1;
	// The pod/container column goes first when space is short: the tree is what the user came for.
	const where = width >= 90 ? 18 : width >= 72 ? 13 : 0;
	const fixed = mark + pid + 1 + nsPid + 1 + state + 1 + (where ? where + 1 : 0);
	return {mark, pid, nsPid, state, where, tree: Math.max(8, width - fixed)};
}
