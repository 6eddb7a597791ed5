// Issues 2 and 13: a fork bomb in its own PID namespace and a cgroup with pids.max N, from start
// until the first fork fails with EAGAIN (R-ZOMB-5: zombies count). Headless: engine steps, freeze
// off. Under an idle `sleep` init that never reaps, exited bombs stay as zombies; under tini they are
// reaped (R-SUP-2) and the live bombs grow until they alone fill the limit. With no pids limit at
// all, the bomb runs into pid_max (the most a scenario may set, 65,536): EAGAIN from alloc_pid.
import {emptyWorld, type StepOptions, step, type World} from '../source/engine/index.js';
import type {KernelEvent} from '../source/kernel/index.js';
import {fmt, printFigure} from './report.js';
import {median} from './stats.js';

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

export type Case = {init: 'sleep' | 'tini'; pidsMax?: number; pidMax?: number};

/** A booted node with the bomb's namespace init in /bomb, and the bomb not started yet. */
function setUp(c: Case, options: StepOptions): {world: World; init: number} {
	let world = step(emptyWorld({pidMax: c.pidMax}), {type: 'boot'}, options).world;
	const limits = c.pidsMax === undefined ? {} : {pidsMax: c.pidsMax};
	world = step(world, {type: 'cgroup', path: '/bomb', limits}, options).world;
	const made = step(
		world,
		{
			type: 'syscall',
			pid: 1,
			call: {
				call: 'fork',
				program: {name: c.init, params: {}},
				comm: 'sh',
				flags: {pid: true},
				cgroup: '/bomb',
			},
		},
		options,
	);
	return {world: made.world, init: forked(made.events)};
}

export function run(c: Case, options: StepOptions): Run {
	let {world, init} = setUp(c, options);
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
			return {wallMs, virtualMs: failed.t - t0, steps, tasks: world.kernel.cgroups['/bomb']!.pidsCurrent};
		}
		if (world.kernel.now - t0 > limitMs)
			throw new Error('fork-bomb bench: no EAGAIN within a virtual minute');
	}
}

/** Medians of up to `count` runs; a run slower than `slowMs` is not repeated (the bench stays short). */
function repeat(c: Case, count: number, options: StepOptions): Run & {runs: number} {
	const samples = [run(c, options)];
	while (samples.length < count && samples[0].wallMs < slowMs) samples.push(run(c, options));
	return {...samples[0], wallMs: median(samples.map((s) => s.wallMs)), runs: samples.length};
}

function figure(c: Case, targetMs: number, name: string): void {
	const fast = repeat(c, runs, {freeze: false});
	printFigure({
		name,
		value: fmt.ms(fast.wallMs),
		target: `< ${fmt.ms(targetMs)}`,
		ok: fast.wallMs < targetMs,
		note: `${fmt.ms(fast.virtualMs)} virtual; ${fmt.count(fast.steps)} steps of ${tickMs} ms; ${fmt.count(fast.tasks)} tasks at the end; ${fast.runs} run(s)`,
	});
}

export function benchForkBomb(): void {
	figure({init: 'sleep', pidsMax: 10_000}, 500, 'fork bomb to EAGAIN, pids.max 10,000, init never reaps');
	figure({init: 'tini', pidsMax: 10_000}, 500, 'fork bomb to EAGAIN, pids.max 10,000, under tini');
	figure({init: 'tini', pidsMax: 50_000}, 3000, 'fork bomb to EAGAIN, pids.max 50,000, under tini');
	figure({init: 'sleep', pidMax: 65_536}, 10_000, 'fork bomb to EAGAIN, no pids limit, pid_max 65,536');
}
