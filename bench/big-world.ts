// Big worlds, built quickly and outside every timed part: forks applied by plain mutation of an
// unfrozen kernel (no immer), idle `sleep` processes in groups of 250 under PID 1, so no parent
// holds tens of thousands of children.
import {emptyWorld, step, type World} from '../source/engine/index.js';
import {applyKernelAction, type Ctx, type Kernel, type KernelAction} from '../source/kernel/index.js';
import {programs} from '../source/programs/index.js';

const groupSize = 250;

function forkSleep(ctx: Ctx, parent: number): number {
	ctx.events.length = 0;
	const action: KernelAction = {
		type: 'syscall',
		pid: parent,
		call: {call: 'fork', program: {name: 'sleep', params: {}}, comm: 'sleep'},
	};
	applyKernelAction(ctx, action);
	const fork = ctx.events.find((e) => e.kind === 'fork');
	if (fork?.pid === undefined) throw new Error(`could not build the bench world: ${ctx.events.at(-1)?.text}`);
	return fork.pid;
}

/** Adds processes to `kernel` (mutated in place) until it holds `total`; returns the leaf PIDs. */
export function populate(kernel: Kernel, total: number): number[] {
	const ctx: Ctx = {k: kernel, events: [], queue: [], programs};
	const leaves: number[] = [];
	let parent = 0;
	let children = groupSize;
	while (kernel.procCount < total) {
		if (children === groupSize) {
			parent = forkSleep(ctx, 1);
			children = 0;
			continue;
		}
		leaves.push(forkSleep(ctx, parent));
		children += 1;
	}
	ctx.events.length = 0;
	return leaves;
}

export type BigWorld = {world: World; leaves: number[]};

/** A booted node (engine world, unfrozen) holding `total` processes. */
export function bigWorld(total: number): BigWorld {
	const booted = step(emptyWorld(), {type: 'boot'}, {freeze: false}).world;
	const leaves = populate(booted.kernel, total);
	return {world: booted, leaves};
}

/** The leaf in the middle of the table: a process whose chunk is neither the first nor the last. */
export function middleLeaf(leaves: number[]): number {
	return leaves[leaves.length >> 1];
}
