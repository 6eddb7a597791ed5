// Which processes just changed, so their rows light up and fade (issue 9): the process an event
// is about, and the new parent of an adopted orphan. "now": the event just shown in slow motion,
// or events of the last half second; "recent": the rest of the last two seconds of virtual time.
import type {KernelEvent} from '../kernel/index.js';
import {type Core, entryOf, hiddenEvents, nowOf} from './core.js';

export type Change = 'now' | 'recent';

const NOW_MS = 500;
const RECENT_MS = 2000;
/** Enough to cover any cascade; older events are not looked at. */
const MAX_EVENTS = 400;

function pidsOf(e: KernelEvent): number[] {
	const pids = e.pid === undefined ? [] : [e.pid];
	const to = (e.data as {to?: unknown} | undefined)?.to;
	if (e.kind === 'reparent' && typeof to === 'number') pids.push(to);
	return pids;
}

export function changedPids(c: Core): Map<number, Change> {
	const changes = new Map<number, Change>();
	const mark = (e: KernelEvent, change: Change) => {
		for (const pid of pidsOf(e)) if (!changes.has(pid)) changes.set(pid, change);
	};
	const index = c.player.history.index;
	const now = nowOf(c);
	let seen = 0;
	// Slow motion: the event just shown is "now", the ones before it in its moment "recent".
	if (c.sub !== undefined) {
		const all = entryOf(c, index).events;
		const events = all.slice(0, all.length - hiddenEvents(c));
		for (let e = events.length - 1; e >= 0; e--) mark(events[e]!, e === events.length - 1 ? 'now' : 'recent');
		return changes;
	}
	for (let i = index; i > 0 && seen < MAX_EVENTS; i--) {
		const {events, now: t} = entryOf(c, i);
		if (now - t > RECENT_MS) break;
		for (let e = events.length - 1; e >= 0 && seen < MAX_EVENTS; e--, seen++)
			mark(events[e]!, now - t <= NOW_MS ? 'now' : 'recent');
	}
	return changes;
}
