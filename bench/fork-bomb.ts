// Issue 2: a fork bomb in its own PID namespace and a cgroup with pids.max 10,000, from start until
// the first fork fails with EAGAIN (R-ZOMB-5: zombies count). Headless: engine steps, freeze off.
// The namespace's init is an idle `sleep` that never reaps, so exited bombs stay as zombies.
import {emptyWorld, type StepOptions, step, type World} from '../source/engine/index.js';
import type {KernelEvent} from '../source/kernel/index.js';
import {fmt, printFigure, printSkip} from './report.js';
import {median} from './stats.js';

const pidsMax = 10_000;
const tickMs = 10;
const runs = 5;
const slowMs = 5000;
const limitMs = 60_000;

type Run = {wallMs: number; virtualMs: number; steps: number; tasks: number};

function forked(events: KernelEvent[]): number {
	const fork = events.find((e) => e.kind === 'fork');
	if (fork?.pid === undefined) throw new Error(`fork-bomb bench: fork failed: ${events.at(-1)?.text}`);
	return fork.pid;
}

/** A booted node with the bomb's namespace init in /bomb, and the bomb not started yet. */
function setUp(options: StepOptions): {world: World; init: number} {
	let world = step(emptyWorld(), {type: 'boot'}, options).world;
	world = step(world, {type: 'cgroup', path: '/bomb', limits: {pidsMax}}, options).world;
	const made = step(
		world,
		{
			type: 'syscall',
			pid: 1,
			call: {
				call: 'fork',
				program: {name: 'sleep', params: {}},
				comm: 'sh',
				flags: {pid: true},
				cgroup: '/bomb',
			},
		},
		options,
	);
	return {world: made.world, init: forked(made.events)};
}

function run(options: StepOptions): Run {
	let {world, init} = setUp(options);
	const started = performance.now();
	const fork = step(
		world,
		{
			type: 'syscall',
			pid: init,
			call: {call: 'fork', program: {name: 'fork-bomb', params: {}}, comm: 'bomb'},
		},
		options,
	);
	world = fork.world;
	const t0 = world.kernel.now;
	let steps = 1;
	for (;;) {
		const next = step(world, {type: 'advance', ms: tickMs}, options);
		world = next.world;
		steps += 1;
		const failed = next.events.find((e) => e.errno === 'EAGAIN');
		if (failed) {
			const wallMs = performance.now() - started;
			return {wallMs, virtualMs: failed.t - t0, steps, tasks: world.kernel.cgroups['/bomb'].pidsCurrent};
		}
		if (world.kernel.now - t0 > limitMs)
			throw new Error('fork-bomb bench: no EAGAIN within a virtual minute');
	}
}

/** Medians of up to `count` runs; a run slower than `slowMs` is not repeated (the bench stays short). */
function repeat(count: number, options: StepOptions): Run & {runs: number} {
	const samples = [run(options)];
	while (samples.length < count && samples[0].wallMs < slowMs) samples.push(run(options));
	return {...samples[0], wallMs: median(samples.map((s) => s.wallMs)), runs: samples.length};
}

export function benchForkBomb(): void {
	const fast = repeat(runs, {freeze: false});
	printFigure({
		name: `fork bomb to EAGAIN at pids.max ${fmt.count(pidsMax)}, headless`,
		value: fmt.ms(fast.wallMs),
		target: '< 1 s',
		ok: fast.wallMs < 1000,
		note: `${fmt.count(fast.steps)} steps of ${tickMs} ms; ${fmt.count(fast.tasks)} tasks at the limit; ${fast.runs} run(s)`,
	});
	printFigure({name: 'fork bomb to EAGAIN, virtual time', value: fmt.ms(fast.virtualMs)});
	if (fast.wallMs >= slowMs) {
		printSkip('fork bomb to EAGAIN, freeze on', `not run: headless already took ${fmt.ms(fast.wallMs)}`);
		return;
	}
	const frozen = repeat(3, {freeze: true});
	printFigure({name: 'fork bomb to EAGAIN, freeze on (for comparison)', value: fmt.ms(frozen.wallMs)});
}
