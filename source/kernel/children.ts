// A parent's list of children (kernel/exit.c's `children` list: fork order, adopted orphans at the
// end) and the count of its zombie children, kept so that reaping stays linear: reaping 10,000
// children at once must not walk the list for each of them (R-ZOMB-4).
import type {Ctx} from './context.js';
import {peekProc} from './context.js';
import type {HostPid, Process} from './types.js';
import {ownedArray, plain} from './working.js';

/** The children of `p` as a plain array this step may change (copied once per step). */
function owned(ctx: Ctx, p: Process): HostPid[] {
	return ownedArray(ctx, p as unknown as Record<string, HostPid[]>, 'children');
}

/** The children of `p` for reading: no proxy per element. */
export function childList(p: Process): readonly HostPid[] {
	return plain(p.children);
}

export function addChild(ctx: Ctx, parent: Process, child: Process): void {
	owned(ctx, parent).push(child.hostPid);
	if (child.state === 'Z') countZombie(ctx, parent, 1);
}

/** Take `child` off its parent's list (reaped, or moved to a new parent). */
export function removeChild(ctx: Ctx, parent: Process, child: Process): void {
	const list = owned(ctx, parent);
	const index = list.indexOf(child.hostPid);
	// Children are mostly reaped in the order they were forked: the first is the cheap case.
	if (index === 0) list.shift();
	else if (index > 0) list.splice(index, 1);
	else return;
	if (child.state === 'Z') countZombie(ctx, parent, -1);
}

/** How many children of `p` are zombies (counted once per step, then kept up to date). */
export function zombieChildren(ctx: Ctx, p: Process): number {
	const counts = (ctx.zombies ??= new Map());
	let count = counts.get(p.hostPid);
	if (count === undefined) {
		count = 0;
		for (const pid of childList(p)) if (peekProc(ctx, pid)?.state === 'Z') count += 1;
		counts.set(p.hostPid, count);
	}
	return count;
}

/** `p` just became a zombie: its parent has one more. */
export function becameZombie(ctx: Ctx, p: Process): void {
	const parent = peekProc(ctx, p.parent);
	if (parent) countZombie(ctx, parent, 1);
}

function countZombie(ctx: Ctx, parent: Process, delta: number): void {
	const count = ctx.zombies?.get(parent.hostPid);
	if (count !== undefined) ctx.zombies!.set(parent.hostPid, count + delta);
}
