// Issue 2: one step (one process changes, one event) at 1k, 10k and 50k processes, with freezing on
// and in headless fast-forward (freeze off), against the same change by plain mutation of a plain
// copy in the same round. The action alternates SIGSTOP and SIGCONT from the host to one process
// (R-SIG-4), so every step changes exactly one process.
import {step, type World} from '../source/engine/index.js';
import {
	applyKernelAction,
	type Ctx,
	type Kernel,
	type KernelAction,
	kernelStep,
} from '../source/kernel/index.js';
import {programs} from '../source/programs/index.js';
import {bigWorld, middleLeaf} from './big-world.js';
import {fmt, printFigure} from './report.js';
import {collect, medianOfRounds, ratePerSecond} from './stats.js';

const sizes = [1000, 10_000, 50_000];
const rounds = 5;

type Stepper = () => void;

function alternate(pid: number): () => KernelAction {
	let stop = true;
	return () => {
		const action: KernelAction = {type: 'signal', pid, signal: stop ? 'SIGSTOP' : 'SIGCONT'};
		stop = !stop;
		return action;
	};
}

function kernelFrozen(start: Kernel, pid: number): Stepper {
	let kernel = start;
	const next = alternate(pid);
	return () => {
		kernel = kernelStep(kernel, next(), programs).kernel;
	};
}

/** kernelStep with auto-freeze off: the kernel-level fast-forward. */
function kernelUnfrozen(start: Kernel, pid: number): Stepper {
	let kernel = start;
	const next = alternate(pid);
	return () => {
		kernel = kernelStep(kernel, next(), programs, undefined, {freeze: false}).kernel;
	};
}

function engine(start: World, pid: number, freeze: boolean): Stepper {
	let world = start;
	const next = alternate(pid);
	return () => {
		world = step(world, next(), {freeze}).world;
	};
}

/** The same change applied by plain mutation of a plain (unfrozen, unshared) copy. */
function plain(start: Kernel, pid: number): Stepper {
	const copy = structuredClone(start);
	const next = alternate(pid);
	return () => {
		const ctx: Ctx = {k: copy, events: [], queue: [], programs};
		applyKernelAction(ctx, next());
	};
}

const modes = ['kernelFrozen', 'kernelFast', 'engineFrozen', 'engineFast', 'plain'] as const;
type Mode = (typeof modes)[number];

function steppers(size: number): Record<Mode, Stepper> {
	const {world, leaves} = bigWorld(size);
	const pid = middleLeaf(leaves);
	// One frozen step first: immer deep-freezes a never-frozen tree once, which is set-up, not a step.
	const frozenWorld = step(world, {type: 'signal', pid, signal: 'SIGCONT'}).world;
	return {
		kernelFrozen: kernelFrozen(frozenWorld.kernel, pid),
		kernelFast: kernelUnfrozen(frozenWorld.kernel, pid),
		engineFrozen: engine(frozenWorld, pid, true),
		engineFast: engine(frozenWorld, pid, false),
		plain: plain(frozenWorld.kernel, pid),
	};
}

function measure(size: number): Record<Mode | `${Exclude<Mode, 'plain'>}Ratio`, number> {
	const run = steppers(size);
	for (const mode of modes) for (let i = 0; i < 50; i++) run[mode]();
	return medianOfRounds(rounds, () => {
		const rates = {} as Record<Mode, number>;
		for (const mode of modes) {
			collect();
			rates[mode] = ratePerSecond(run[mode], 200);
		}
		return {
			...rates,
			kernelFrozenRatio: rates.plain / rates.kernelFrozen,
			kernelFastRatio: rates.plain / rates.kernelFast,
			engineFrozenRatio: rates.plain / rates.engineFrozen,
			engineFastRatio: rates.plain / rates.engineFast,
		};
	});
}

const label = (size: number) => `${size / 1000}k procs`;

export function benchKernelSteps(): void {
	for (const size of sizes) {
		const m = measure(size);
		const big = size === 50_000;
		const row = (name: string, rate: number, ratio: number, target?: number) =>
			printFigure({
				name: `step ${label(size)}, ${name}`,
				value: fmt.rate(rate),
				target: big && target ? `≥ ${fmt.rate(target)}` : undefined,
				ok: big && target ? rate >= target : undefined,
				note: `plain mutation ${fmt.ratio(ratio)} faster`,
			});
		// Issue 13's targets: freezing on ≥ 25,000/s, headless fast-forward (freeze off) ≥ 100,000/s.
		row('kernelStep freeze on', m.kernelFrozen, m.kernelFrozenRatio, 25_000);
		row('kernelStep freeze off', m.kernelFast, m.kernelFastRatio, 100_000);
		row('engine step freeze on', m.engineFrozen, m.engineFrozenRatio, 25_000);
		row('engine step freeze off', m.engineFast, m.engineFastRatio, 100_000);
		printFigure({name: `step ${label(size)}, plain mutation`, value: fmt.rate(m.plain)});
	}
}
