// Virtual time: play by frames, step between moments that show something, seek, chapters.
// Playing from a rewound moment replays the recorded moments; only acting there starts a branch.
import {type Moment, playUntil, scenarioEnd} from '../engine/index.js';
import {breakpointHit} from './breakpoints.js';
import {atBranchEnd, type Core, lastIndex, MAX_STEP_MS, momentsOf, nowOf, SPEEDS, withIndex} from './core.js';

/** How far a step forward simulates looking for something to show, in virtual ms. */
const STEP_HORIZON_MS = 60_000;

/** A moment with something to show: events, or a narration or user action (not just time passing). */
export function isNotable(m: Moment): boolean {
	return (
		m.events.length > 0 || (m.action !== undefined && m.action.type !== 'advance' && m.action.type !== 'cue')
	);
}

/** One frame of play: `ms` of virtual time, stopping at a breakpoint or at the scenario's end. */
export function advance(c: Core, ms: number): Core {
	if (!c.playing || ms <= 0) return c;
	const from = nowOf(c);
	const target = from + ms;
	const end = scenarioEnd(c.scenario);
	let next = c;
	if (!atBranchEnd(next)) next = replay(next, target);
	else {
		const start = next.player.history.index;
		next = {...next, player: playUntil(next.player, target, MAX_STEP_MS)};
		next = scan(next, start);
	}
	if (next.playing && from < end && nowOf(next) >= end)
		return {...next, playing: false, stopped: 'end of the scenario'};
	return next;
}

/** Walk recorded moments up to `target`, stopping at a breakpoint. */
function replay(c: Core, target: number): Core {
	const moments = momentsOf(c);
	let i = c.player.history.index;
	while (i < moments.length - 1 && moments[i + 1]!.world.kernel.now <= target) {
		i += 1;
		const hit = breakpointHit(c.breakpoints, moments[i - 1]!.world, moments[i]!);
		if (hit) return {...withIndex(c, i), playing: false, stopped: hit};
	}
	const moved = withIndex(c, i);
	// Past the recorded moments: simulate the rest of the frame.
	if (i === moments.length - 1 && moments[i]!.world.kernel.now < target)
		return scan({...moved, player: playUntil(moved.player, target, MAX_STEP_MS)}, i);
	return moved;
}

/** After simulating from moment `start`: stop at the first new moment that trips a breakpoint. */
function scan(c: Core, start: number): Core {
	const moments = momentsOf(c);
	for (let i = start + 1; i < moments.length; i++) {
		const hit = breakpointHit(c.breakpoints, moments[i - 1]!.world, moments[i]!);
		if (hit) return {...withIndex(c, i), playing: false, stopped: hit};
	}
	return c;
}

/** The next moment that shows something; at the end of the branch, simulate until one happens. */
export function stepForward(c: Core): Core {
	const moments = momentsOf(c);
	for (let i = c.player.history.index + 1; i < moments.length; i++)
		if (isNotable(moments[i]!)) return withIndex(c, i);
	let next = withIndex(c, lastIndex(c));
	const horizon = nowOf(next) + STEP_HORIZON_MS;
	while (nowOf(next) < horizon) {
		const start = lastIndex(next);
		next = {...next, player: playUntil(next.player, nowOf(next) + MAX_STEP_MS, MAX_STEP_MS)};
		const found = momentsOf(next).findIndex((m, i) => i > start && isNotable(m));
		if (found !== -1) return withIndex(next, found);
	}
	return next;
}

/** Back to the previous moment that showed something (rewind). */
export function stepBack(c: Core): Core {
	const moments = momentsOf(c);
	for (let i = c.player.history.index - 1; i > 0; i--) if (isNotable(moments[i]!)) return withIndex(c, i);
	return withIndex(c, 0);
}

/** The world at virtual time `ms`: the last moment at or before it, simulating if it lies ahead. */
export function goto(c: Core, ms: number): Core {
	const t = Math.max(0, ms);
	const moments = momentsOf(c);
	if (t > moments.at(-1)!.world.kernel.now) {
		const end = withIndex(c, lastIndex(c));
		return {...end, player: playUntil(end.player, t, MAX_STEP_MS)};
	}
	// Time never goes back within a branch: binary search.
	let lo = 0;
	let hi = moments.length - 1;
	let found = 0;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (moments[mid]!.world.kernel.now <= t) {
			found = mid;
			lo = mid + 1;
		} else hi = mid - 1;
	}
	return withIndex(c, found);
}

export type Chapter = {at: number; title: string};

export function chapters(c: Core): Chapter[] {
	return c.scenario.timeline.flatMap((s) =>
		s.action.type === 'chapter' ? [{at: s.at, title: s.action.title}] : [],
	);
}

export function nextChapter(c: Core): Core {
	const now = nowOf(c);
	const next = chapters(c).find((ch) => ch.at > now);
	if (next) return goto(c, next.at);
	const end = scenarioEnd(c.scenario);
	return end > now ? goto(c, end) : c;
}

export function prevChapter(c: Core): Core {
	const now = nowOf(c);
	const prev = chapters(c).findLast((ch) => ch.at < now);
	return goto(c, prev?.at ?? 0);
}

export function faster(c: Core): Core {
	return {...c, speed: SPEEDS.find((s) => s > c.speed) ?? SPEEDS.at(-1)!};
}

export function slower(c: Core): Core {
	return {...c, speed: SPEEDS.findLast((s) => s < c.speed) ?? SPEEDS[0]};
}

export function atEnd(c: Core): boolean {
	return !c.playing && atBranchEnd(c) && nowOf(c) >= scenarioEnd(c.scenario);
}
