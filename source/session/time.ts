// Virtual time: play by frames, step between moments that show something, seek, chapters.
// Playing from a rewound moment replays the recorded moments; only acting there starts a branch.
import {
	currentEntry,
	type Entry,
	indexAtOrBefore,
	type Pace,
	type Player,
	playUntil,
	scenarioEnd,
} from '../engine/index.js';
import {breakpointHit} from './breakpoints.js';
import {atBranchEnd, type Core, entryOf, lastIndex, nowOf, SPEEDS, withIndex, worldAtIndex} from './core.js';

/** How far a step forward simulates looking for something to show, in virtual ms. */
const STEP_HORIZON_MS = 60_000;

/** A moment with something to show: events, or a narration or user action (not just time passing). */
export function isNotable(m: Pick<Entry, 'events' | 'action'>): boolean {
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
		next = {...next, player: playUntil(next.player, target)};
		next = scan(next, start);
	}
	if (next.playing && from < end && nowOf(next) >= end)
		return {...next, playing: false, stopped: 'end of the scenario'};
	return next;
}

/** Walk recorded moments up to `target`, stopping at a breakpoint. */
function replay(c: Core, target: number): Core {
	const last = lastIndex(c);
	let i = c.player.history.index;
	while (i < last && entryOf(c, i + 1).now <= target) {
		i += 1;
		const hit = breakpointAt(c, i);
		if (hit) return {...withIndex(c, i), playing: false, stopped: hit};
	}
	const moved = withIndex(c, i);
	// Past the recorded moments: simulate the rest of the frame.
	if (i === last && entryOf(c, i).now < target)
		return scan({...moved, player: playUntil(moved.player, target)}, i);
	return moved;
}

/**
 * Whether moment `i` stops play: a scenario's question always does; otherwise only a moment with
 * events can trip an enabled breakpoint, so only those need worlds.
 */
function breakpointAt(c: Core, i: number): string | undefined {
	const entry = entryOf(c, i);
	const asks = entry.action?.type === 'ask' || entry.action?.type === 'pause';
	if (!asks && (entry.events.length === 0 || !Object.values(c.breakpoints).some(Boolean))) return undefined;
	return breakpointHit(c.breakpoints, worldAtIndex(c, i - 1), {world: worldAtIndex(c, i), ...entry});
}

/** After simulating from moment `start`: stop at the first new moment that trips a breakpoint. */
function scan(c: Core, start: number): Core {
	const last = lastIndex(c);
	for (let i = start + 1; i <= last; i++) {
		const hit = breakpointAt(c, i);
		if (hit) return {...withIndex(c, i), playing: false, stopped: hit};
	}
	return c;
}

/** The first notable moment after `from`, if any. */
function notableAfter(c: Core, from: number): number | undefined {
	const last = lastIndex(c);
	for (let i = from + 1; i <= last; i++) if (isNotable(entryOf(c, i))) return i;
	return undefined;
}

/** The next moment that shows something; at the end of the branch, simulate until one happens. */
export function stepForward(c: Core): Core {
	const recorded = notableAfter(c, c.player.history.index);
	if (recorded !== undefined) return withIndex(c, recorded);
	const end = withIndex(c, lastIndex(c));
	// Time is event-driven: each new moment is the next instant something happens.
	const shows = (p: Player) => p !== end.player && isNotable(currentEntry(p.history));
	const next = {...end, player: playUntil(end.player, nowOf(end) + STEP_HORIZON_MS, {stop: shows})};
	return withIndex(next, lastIndex(next));
}

/** Back to the previous moment that showed something (rewind). */
export function stepBack(c: Core): Core {
	for (let i = c.player.history.index - 1; i > 0; i--) if (isNotable(entryOf(c, i))) return withIndex(c, i);
	return withIndex(c, 0);
}

/** A jump at least this far ahead runs as a fast-forward: coarse moments, stepped on copies. */
export const FAST_FORWARD_MS = 60_000;
/** A fast-forward leaves about this many moments behind it (fewer if that made them too long)… */
const JUMP_MOMENTS = 64;
/** …each covering at most this much virtual time, so that a jump can stop between them. */
const JUMP_GRAIN_MAX_MS = 10 * 60_000;

/** How to play a jump of `distance` ms: exact instants when short, coarse fast-forward when long. */
export function jumpPace(distance: number): Pace {
	if (distance < FAST_FORWARD_MS) return {};
	return {grain: Math.min(JUMP_GRAIN_MAX_MS, distance / JUMP_MOMENTS), copy: true};
}

/** Whether going to `ms` means simulating a long way past the end of the branch (a sliced jump). */
export function isLongJump(c: Core, ms: number): boolean {
	return ms - entryOf(c, lastIndex(c)).now >= FAST_FORWARD_MS;
}

/** The world at virtual time `ms`: the last moment at or before it, simulating if it lies ahead. */
export function goto(c: Core, ms: number): Core {
	const t = Math.max(0, ms);
	if (t > entryOf(c, lastIndex(c)).now) return jump(withIndex(c, lastIndex(c)), t);
	return withIndex(c, indexAtOrBefore(c.player.history, t));
}

/**
 * Simulate from the end of the branch towards `t`; `stop` (asked between moments) ends it early,
 * leaving the session at the moment reached (a sliced or cancelled jump).
 */
export function jump(c: Core, t: number, stop?: () => boolean): Core {
	const end = withIndex(c, lastIndex(c));
	const pace = jumpPace(t - nowOf(end));
	const next = {...end, player: playUntil(end.player, t, stop ? {...pace, stop} : pace)};
	return withIndex(next, lastIndex(next));
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
