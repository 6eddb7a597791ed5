// One kernel step as an immutable update: the old kernel is never changed (immer `produce`).
import {Immer} from 'immer';
import type {Ctx} from './context.js';
import {applyKernelAction, type KernelAction, type TimerHandler} from './step.js';
import type {ProgramTable} from './syscalls.js';
import type {Kernel, KernelEvent} from './types.js';
import {sealOwned} from './working.js';

const frozen = new Immer({autoFreeze: true});
const unfrozen = new Immer({autoFreeze: false});

/** `freeze: false` as the engine's headless runs step (tests run both modes). */
export function kernelStep(
	kernel: Kernel,
	action: KernelAction,
	programs: ProgramTable,
	others?: TimerHandler,
	options: {freeze?: boolean} = {},
): {kernel: Kernel; events: KernelEvent[]} {
	const events: KernelEvent[] = [];
	const next = (options.freeze === false ? unfrozen : frozen).produce(kernel, (draft) => {
		const ctx: Ctx = {k: draft, events, queue: [], programs, freeze: options.freeze !== false};
		applyKernelAction(ctx, action, others);
		sealOwned(ctx);
	});
	return {kernel: next, events};
}
