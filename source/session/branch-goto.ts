// `:goto` on a branch to a time before the branch was made. The branch has no moments there: its
// past is its parent's (they share every moment up to the split). Landing on the split point would
// show the wrong time without a word, so the goto shows that time on the branch that lived it (the
// parent, or further up) and says so in one line; the branch is kept (B switches back).
import {currentBranch, entryAt, switchBranch} from '../engine/index.js';
import {formatDuration} from '../scenario/index.js';
import {type Core, withHistory} from './core.js';

/** The branch holding time `ms`, with the one line saying why it is not the current one. */
export function branchForTime(c: Core, ms: number): {core: Core; message?: string} {
	const h = c.player.history;
	const start = currentBranch(h);
	let branch = start;
	let split = 0;
	while (branch.from) {
		split = entryAt({...h, current: branch.from.branch}, branch.from.index).now;
		if (ms >= split) break;
		branch = h.branches[branch.from.branch]!;
	}
	if (branch === start) return {core: c};
	const left = start.from!;
	const leftAt = entryAt({...h, current: left.branch}, left.index).now;
	return {
		core: withHistory(c, switchBranch(h, branch.name)),
		message: `t=${formatDuration(ms)} is before ${start.name} left ${left.branch} at t=${formatDuration(leftAt)}: shown on ${branch.name} (B switches back)`,
	};
}
