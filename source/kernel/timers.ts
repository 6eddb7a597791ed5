// The virtual clock's timers: a sorted list of plain records, fired in (time, sequence) order.
import type {Ctx} from './context.js';
import type {HostPid, Kernel, Timer} from './types.js';

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
	const timers = ctx.k.timers;
	let low = 0;
	let high = timers.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (timers[mid].at <= at) low = mid + 1;
		else high = mid;
	}
	timers.splice(low, 0, timer);
}

export function nextTimer(k: Kernel): Timer | undefined {
	return k.timers[0];
}

export function takeTimer(ctx: Ctx): Timer | undefined {
	return ctx.k.timers.shift();
}

export function cancelTimers(ctx: Ctx, match: (t: Timer) => boolean): void {
	const kept = ctx.k.timers.filter((t) => !match(t));
	if (kept.length !== ctx.k.timers.length) ctx.k.timers = kept;
}
