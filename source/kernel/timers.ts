// The virtual clock's timers, fired in (time, sequence) order. The list is a binary min-heap on
// (at, seq): timers[0] is always the next one due (what the player and the cluster read), adding
// and taking one cost O(log n). A sorted list cost O(n) per insertion: tini re-arms a one-second
// sigwait timeout on every SIGCHLD, and a fork bomb's ten-millisecond sleeps went in front of
// thousands of them (30,000 bombs spent most of their time moving timers).
// During a step the heap is worked on as a plain array held by the context and written back once
// (commitTimers): changing an immer draft of a long array goes through the proxy element by
// element.
import {isDraft, original} from 'immer';
import type {Ctx} from './context.js';
import {cowOf} from './cow.js';
import {settled} from './plain.js';
import type {HostPid, Timer} from './types.js';

function working(ctx: Ctx): Timer[] {
	ctx.timersChanged = true;
	if (!ctx.timers) {
		const base = isDraft(ctx.k.timers) ? (original(ctx.k.timers) as Timer[]) : ctx.k.timers;
		ctx.timers = [...base];
	}
	return ctx.timers;
}

function before(a: Timer, b: Timer): boolean {
	return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

function siftUp(heap: Timer[], index: number): void {
	const timer = heap[index];
	while (index > 0) {
		const parent = (index - 1) >> 1;
		if (!before(timer, heap[parent])) break;
		heap[index] = heap[parent];
		index = parent;
	}
	heap[index] = timer;
}

function siftDown(heap: Timer[], index: number): void {
	const timer = heap[index];
	const half = heap.length >> 1;
	while (index < half) {
		let child = 2 * index + 1;
		const right = child + 1;
		if (right < heap.length && before(heap[right], heap[child])) child = right;
		if (!before(heap[child], timer)) break;
		heap[index] = heap[child];
		index = child;
	}
	heap[index] = timer;
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
		...(data ? {data: settled(data)} : {}),
	};
	ctx.k.timerSeq += 1;
	// Frozen with the world when the step ends, like everything else it made (cow.ts).
	cowOf(ctx).deep.push(timer);
	const heap = working(ctx);
	heap.push(timer);
	siftUp(heap, heap.length - 1);
}

/** The earliest timer due at or before `until`, taken off the list. */
export function takeDueTimer(ctx: Ctx, until: number): Timer | undefined {
	const first = (ctx.timers ?? ctx.k.timers)[0];
	if (!first || first.at > until) return undefined;
	const heap = working(ctx);
	const last = heap.pop()!;
	if (heap.length > 0) {
		heap[0] = last;
		siftDown(heap, 0);
	}
	return first;
}

export function cancelTimers(ctx: Ctx, match: (t: Timer) => boolean): void {
	const heap = working(ctx);
	const kept = heap.filter((t) => !match(t));
	if (kept.length === heap.length) return;
	for (let index = (kept.length >> 1) - 1; index >= 0; index--) siftDown(kept, index);
	ctx.timers = kept;
}

/** Write the working list back into the state (once per step). */
export function commitTimers(ctx: Ctx): void {
	if (ctx.timers && ctx.timersChanged) ctx.k.timers = ctx.timers;
	ctx.timersChanged = false;
}
