// Slow motion: a moment whose events form a cascade (a kill: exit, zombies, reaping, the namespace
// gone, a new container) unfolds one event at a time, the tree and panes showing the world after
// each (engine/slow-motion.ts derives those worlds). Playing holds each event on screen for a short
// real-time pause, scaled by the speed; `.` and `,` step one event.
import {type Moment, scenarioEnd} from '../engine/index.js';
import {breakpointEvent} from './breakpoints.js';
import {type Core, momentAt, nowOf, withIndex} from './core.js';
import {advance, isNotable, stepBack, stepForward} from './time.js';

/** Real ms an event stays on screen at ×1 before the next one shows. */
export const EVENT_MS = 400;
/** A moment's cascade takes at most this long at ×1, however many events it has. */
const MOMENT_MS = 4000;
/** At least this long a frame, or nobody sees the event. */
const MIN_EVENT_MS = 40;

/** A moment worth unfolding: more than one thing happened in it. */
export const isCascade = (m: Moment): boolean => m.events.length > 1;

/** Real ms per event of `moment` at `speed`. */
export function eventMs(moment: Moment, speed: number): number {
	const perEvent = Math.min(EVENT_MS, MOMENT_MS / Math.max(1, moment.events.length));
	return Math.max(MIN_EVENT_MS, perEvent / speed);
}

/** From the first event of `moment` (index `i`) on, or the moment whole when there is nothing to unfold. */
function unfold(c: Core, i: number): Core {
	return isCascade(momentAt(c, i)) ? withIndex(c, i, 1) : withIndex(c, i);
}

/**
 * One frame of play in slow motion: show the next event of the moment being unfolded when its
 * pause is over; otherwise play on, stopping at the first cascade that frame reached.
 */
export function playFrame(c: Core, frameMs: number): Core {
	if (!c.playing) return c;
	if (c.sub !== undefined) {
		const moment = momentAt(c, c.player.history.index);
		const per = eventMs(moment, c.speed);
		let held = (c.held ?? 0) + frameMs;
		let sub = c.sub;
		while (held >= per && sub < moment.events.length) {
			held -= per;
			sub += 1;
		}
		if (sub >= moment.events.length) return {...c, sub: undefined, held: 0};
		return {...c, sub, held};
	}
	const from = c.player.history.index;
	const next = advance(c, frameMs * c.speed);
	const to = next.player.history.index;
	const atBreakpoint =
		next.stopped !== undefined && !next.playing && nowOf(next) < scenarioEnd(next.scenario);
	for (let i = from + 1; i <= to; i++) {
		const moment = momentAt(next, i);
		if (atBreakpoint && i === to) {
			// A breakpoint stops on the event that tripped it, with the events before it shown.
			const hit = breakpointEvent(next.breakpoints, momentAt(next, i - 1).world, moment);
			return hit !== undefined && hit + 1 < moment.events.length ? {...next, sub: hit + 1, held: 0} : next;
		}
		// The rest of the frame waits: later frames replay the recorded moments after this one.
		if (isCascade(moment)) return {...withIndex(next, i, 1), playing: true, stopped: undefined};
	}
	return next;
}

/** `.`: the next event; past a moment's last event, the next moment that shows something. */
export function stepEvent(c: Core): Core {
	const moment = momentAt(c, c.player.history.index);
	if (c.sub !== undefined)
		return c.sub + 1 >= moment.events.length ? {...c, sub: undefined} : {...c, sub: c.sub + 1};
	const next = stepForward(c);
	return next.player.history.index === c.player.history.index
		? next
		: unfold(next, next.player.history.index);
}

/** `,`: the previous event; before a moment's first event, the previous moment whole. */
export function stepEventBack(c: Core): Core {
	const moment = momentAt(c, c.player.history.index);
	const shown = c.sub ?? moment.events.length;
	if (shown > 1 && isNotable(moment)) return {...c, sub: shown - 1, held: 0};
	return stepBack(c);
}

/** `)`: the next moment whole. */
export function stepMoment(c: Core): Core {
	return c.sub !== undefined ? {...c, sub: undefined} : stepForward(c);
}

/** `(`: the previous moment whole. */
export function stepMomentBack(c: Core): Core {
	return stepBack({...c, sub: undefined});
}
