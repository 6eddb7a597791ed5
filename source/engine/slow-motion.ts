// Slow motion: the world after each event of a moment, so a cascade (a kill: exit, zombies,
// reaping, the namespace gone, a new container) can be shown one event at a time.
//
// Derived, not stored: a moment keeps only its final world. The world after its first n events is
// the same step replayed from the previous world, stopped right after the n-th event is emitted
// (the kernel and kubelet change the world, then emit the event naming the rule). The simulation
// is deterministic, so the replay is the very run the moment recorded. Worlds derived once are
// kept per moment (WeakMap), so stepping back and forth replays nothing twice.
import type {Moment} from './history.js';
import {step} from './step.js';
import type {World} from './world.js';

const derived = new WeakMap<Moment, Map<number, World>>();

/**
 * The world after the first `count` events of `moment`, reached from `before` (the world of the
 * moment preceding it). `count` at or past the moment's events is the moment's own world.
 */
export function worldAfterEvents(before: World, moment: Moment, count: number): World {
	if (count >= moment.events.length || moment.action === undefined) return moment.world;
	let worlds = derived.get(moment);
	if (!worlds) {
		worlds = new Map();
		derived.set(moment, worlds);
	}
	let world = worlds.get(count);
	if (!world) {
		world =
			count <= 0 && moment.action.type !== 'advance'
				? before
				: step(before, moment.action, {freeze: false, stopAfter: count}).world;
		worlds.set(count, world);
	}
	return world;
}
