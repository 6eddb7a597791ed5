// One kernel step as an immutable update: the old kernel is never changed (immer `produce`).
import {produce} from 'immer';
import type {Ctx} from './context.js';
import {applyKernelAction, type KernelAction, type TimerHandler} from './step.js';
import type {ProgramTable} from './syscalls.js';
import type {Kernel, KernelEvent} from './types.js';

export function kernelStep(
	kernel: Kernel,
	action: KernelAction,
	programs: ProgramTable,
	others?: TimerHandler,
): {kernel: Kernel; events: KernelEvent[]} {
	const events: KernelEvent[] = [];
	const next = produce(kernel, (draft) => {
		const ctx: Ctx = {k: draft, events, queue: [], programs};
		applyKernelAction(ctx, action, others);
	});
	return {kernel: next, events};
}
