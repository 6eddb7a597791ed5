// The virtual clock's timers: a sorted list of plain records, fired in (time, sequence) order.
// During a step the list is worked on as a plain array held by the context and written back once
// (commitTimers): inserting into or shifting an immer draft of a long array goes through the
// proxy element by element, which made every fired timer cost O(timers).
import {isDraft, original} from 'immer';
import type {Ctx} from './context.js';
import type {HostPid, Timer} from './types.js';

function working(ctx: Ctx): Timer[] {
	ctx.timersChanged = true;
	if (!ctx.timers) {
		const base = isDraft(ctx.k.timers) ? (original(ctx.k.timers) as Timer[]) : ctx.k.timers;
		ctx.timers = [...base];
	}
	return ctx.timers;
}

export function addTimer(
	ctx: Ctx,
	at: number,
	owner: string,
	tag: string,
	pid?: HostPid,
	data?: Record<string, unknown>,
): void {
	const timer: Timer = {
		at,
		seq: ctx.k.timerSeq,
		owner,
		tag,
		...(pid === undefined ? {} : {pid}),
		...(data ? {data} : {}),
	};
	ctx.k.timerSeq += 1;
	const timers = working(ctx);
	let low = 0;
	let high = timers.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (timers[mid].at <= at) low = mid + 1;
		else high = mid;
	}
	timers.splice(low, 0, timer);
}

/** The earliest timer due at or before `until`, taken off the list. */
export function takeDueTimer(ctx: Ctx, until: number): Timer | undefined {
	const first = (ctx.timers ?? ctx.k.timers)[0];
	if (!first || first.at > until) return undefined;
	return working(ctx).shift();
}

export function cancelTimers(ctx: Ctx, match: (t: Timer) => boolean): void {
	const timers = working(ctx);
	const kept = timers.filter((t) => !match(t));
	if (kept.length !== timers.length) ctx.timers = kept;
}

/** Write the working list back into the state (once per step). */
export function commitTimers(ctx: Ctx): void {
	if (ctx.timers && ctx.timersChanged) ctx.k.timers = ctx.timers;
	ctx.timersChanged = false;
}
