// The virtual clock's timers: a sorted list of plain records, fired in (time, sequence) order.
// During a step the list is worked on as a plain array held by the context and written back once
// (commitTimers): inserting into or shifting an immer draft of a long array goes through the
// proxy element by element, which made every fired timer cost O(timers). Fired timers are taken
// from the front by moving an index, not by shift(), which moves the whole list each time: a
// moment firing thousands of timers (a fork bomb's) stays linear.
import {isDraft, original} from 'immer';
import type {Ctx} from './context.js';
import type {HostPid, Timer} from './types.js';

/** The working list: the live timers are ctx.timers from ctx.timerHead on. */
function working(ctx: Ctx): Timer[] {
	ctx.timersChanged = true;
	if (!ctx.timers) {
		const base = isDraft(ctx.k.timers) ? (original(ctx.k.timers) as Timer[]) : ctx.k.timers;
		ctx.timers = [...base];
		ctx.timerHead = 0;
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
	let low = ctx.timerHead ?? 0;
	let high = timers.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (timers[mid].at <= at) low = mid + 1;
		else high = mid;
	}
	if (low === timers.length) timers.push(timer);
	else timers.splice(low, 0, timer);
}

/** The earliest timer due at or before `until`, taken off the list. */
export function takeDueTimer(ctx: Ctx, until: number): Timer | undefined {
	const first = ctx.timers ? ctx.timers[ctx.timerHead ?? 0] : ctx.k.timers[0];
	if (!first || first.at > until) return undefined;
	working(ctx);
	ctx.timerHead = (ctx.timerHead ?? 0) + 1;
	return first;
}

export function cancelTimers(ctx: Ctx, match: (t: Timer) => boolean): void {
	const timers = working(ctx);
	const head = ctx.timerHead ?? 0;
	const kept: Timer[] = [];
	for (let i = head; i < timers.length; i++) if (!match(timers[i])) kept.push(timers[i]);
	if (kept.length === timers.length - head) return;
	ctx.timers = kept;
	ctx.timerHead = 0;
}

/** Write the working list back into the state (once per step). */
export function commitTimers(ctx: Ctx): void {
	if (ctx.timers && ctx.timersChanged) {
		if (ctx.timerHead) {
			ctx.timers = ctx.timers.slice(ctx.timerHead);
			ctx.timerHead = 0;
		}
		ctx.k.timers = ctx.timers;
	}
	ctx.timersChanged = false;
}
