// Time travel: a history is a list of immutable worlds sharing structure. Rewinding is showing an
// older world; acting from there starts a branch; every branch is kept and can be revisited.
import type {KernelEvent} from '../kernel/index.js';
import type {Action} from './actions.js';
import {type StepOptions, step} from './step.js';
import type {World} from './world.js';

export type Moment = {world: World; action?: Action; events: KernelEvent[]};

export type Branch = {
	name: string;
	/** Where it left its parent branch: the moment it was made from. */
	from?: {branch: string; index: number};
	moments: Moment[];
};

export type History = {branches: Record<string, Branch>; current: string; index: number};

export function startHistory(world: World): History {
	return {branches: {main: {name: 'main', moments: [{world, events: []}]}}, current: 'main', index: 0};
}

export function currentMoment(h: History): Moment {
	return h.branches[h.current].moments[h.index];
}

/** Act at the current moment. Acting from an earlier moment starts (or continues) a new branch. */
export function act(h: History, action: Action, options?: StepOptions): History {
	const branch = h.branches[h.current];
	const {world, events} = step(currentMoment(h).world, action, options);
	const moment: Moment = {world, action, events};
	if (h.index === branch.moments.length - 1) {
		const moments = [...branch.moments, moment];
		return {...h, branches: {...h.branches, [h.current]: {...branch, moments}}, index: moments.length - 1};
	}
	const name = nextBranchName(h);
	const fresh: Branch = {
		name,
		from: {branch: h.current, index: h.index},
		moments: [branch.moments[h.index], moment],
	};
	return {branches: {...h.branches, [name]: fresh}, current: name, index: 1};
}

function nextBranchName(h: History): string {
	let n = Object.keys(h.branches).length;
	while (h.branches[`branch-${n}`]) n += 1;
	return `branch-${n}`;
}

/** Return to moment `index` of the current branch (clamped). */
export function seek(h: History, index: number): History {
	const last = h.branches[h.current].moments.length - 1;
	return {...h, index: Math.max(0, Math.min(last, index))};
}

/** The first moment at or after virtual time `t` on the current branch (or the last one). */
export function seekTime(h: History, t: number): History {
	const moments = h.branches[h.current].moments;
	const index = moments.findIndex((m) => m.world.kernel.now >= t);
	return seek(h, index === -1 ? moments.length - 1 : index);
}

export function switchBranch(h: History, name: string): History {
	const branch = h.branches[name];
	if (!branch) return h;
	return {...h, current: name, index: branch.moments.length - 1};
}
