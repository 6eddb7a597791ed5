// An event list that stops a step after a number of events (slow-motion.ts derives the world after
// each event of a moment with it).
import type {KernelEvent} from '../kernel/index.js';

/** Thrown by the event list once it holds as many events as asked; step() catches it. */
export class EventLimit extends Error {}

/** An event list that stops the step after its `limit`-th event. */
export function limitedEvents(limit: number): KernelEvent[] {
	const events: KernelEvent[] = [];
	const push = events.push.bind(events);
	events.push = (...items: KernelEvent[]) => {
		const n = push(...items);
		if (n >= limit) throw new EventLimit(`stopped after ${limit} events`);
		return n;
	};
	return events;
}
