// Issue 13: an app that reaps (`reaps: true`) whose 10,000 children exit at the same instant: the
// one step in which they all exit and are reaped (R-ZOMB-4), headless (freeze off), on an immer
// draft and as a fast-forward step on a copy. Linear: each reap must not walk the parent's children.
import {emptyWorld, type StepOptions, step, type World} from '../source/engine/index.js';
import {fmt, printFigure} from './report.js';
import {median, timeMs} from './stats.js';

export const reapCount = 10_000;
const runs = 3;

/** A booted node with an app whose `count` children exit together 1 s from now. */
export function parentOfMany(count: number): World {
	const options = {freeze: false};
	let world = step(emptyWorld(), {type: 'boot'}, options).world;
	world = step(
		world,
		{
			type: 'syscall',
			pid: 1,
			call: {
				call: 'fork',
				program: {name: 'app', params: {reaps: true, children: [{program: 'app', exitAfter: 1000, count}]}},
				comm: 'app',
			},
		},
		options,
	).world;
	return world;
}

/** Wall time of the step in which every child exits and is reaped, and how many were reaped. */
export function reapAll(world: World, options: StepOptions): {ms: number; reaped: number} {
	let events: {kind: string}[] = [];
	const ms = timeMs(() => {
		events = step(world, {type: 'advance', ms: 1000}, options).events;
	});
	return {ms, reaped: events.filter((e) => e.kind === 'reap').length};
}

export function benchReap(): void {
	const world = parentOfMany(reapCount);
	for (const [name, options] of [
		['immer draft', {freeze: false}],
		['fast-forward copy', {freeze: false, copy: true}],
	] as const) {
		const samples = Array.from({length: runs}, () => reapAll(world, options));
		const ms = median(samples.map((s) => s.ms));
		printFigure({
			name: `${fmt.count(reapCount)} children reaped at once, ${name}`,
			value: fmt.ms(ms),
			target: '< 0.2 s',
			ok: ms < 200,
			note: `${fmt.count(samples[0]!.reaped)} reaped in one step`,
		});
	}
}
