// The branches of a session as the branch menu lists them: where each left its parent (the split
// point), how far it reaches, and which one is on screen.
import {type Branch, entryAt, type History} from '../engine/index.js';
import type {BranchInfo} from '../ui/session.js';

/** Moment `index` of `branch`'s time, read through the history's own accessors. */
const timeOn = (h: History, branch: string, index: number): number =>
	entryAt({...h, current: branch}, index).now;

function infoOf(h: History, branch: Branch): BranchInfo {
	const current = branch.name === h.current;
	const end = timeOn(h, branch.name, branch.length - 1);
	return {
		name: branch.name,
		current,
		...(branch.from
			? {parent: branch.from.branch, split: timeOn(h, branch.from.branch, branch.from.index)}
			: {}),
		end,
		// The current branch is shown at the moment on screen; switching to another shows its last one.
		now: current ? entryAt(h, h.index).now : end,
	};
}

/** Every branch, in the order they were made (main first). */
export function branchList(h: History): BranchInfo[] {
	return Object.values(h.branches).map((b) => infoOf(h, b));
}
