// Breakpoints: play stops at the first moment whose events show what the user asked to catch.

import type {Moment, World} from '../engine/index.js';
import {getProcess, type KernelEvent} from '../kernel/index.js';
import type {BreakpointKind} from '../ui/session.js';

export type Breakpoints = Record<BreakpointKind, boolean>;

export const breakpointKinds: readonly BreakpointKind[] = ['zombie', 'pid1-exit', 'queue-gone'];

export const noBreakpoints = (): Breakpoints => ({zombie: false, 'pid1-exit': false, 'queue-gone': false});

/** Why `moment` (reached from `before`) trips an enabled breakpoint, or undefined. */
export function breakpointHit(on: Breakpoints, before: World, moment: Moment): string | undefined {
	// A scenario's question always stops play: the room answers before the next moments show it.
	if (moment.action?.type === 'ask') return `a question: answer with 1-${moment.action.choices.length}`;
	// A `pause: true` step waits for the viewer the same way.
	if (moment.action?.type === 'pause') return 'the scenario pauses here: space plays on';
	for (const event of moment.events) {
		const kind = hitKinds(before, moment.world, event).find((k) => on[k]);
		if (kind) return `breakpoint ${kind}: ${event.text}`;
	}
	return undefined;
}

function hitKinds(before: World, after: World, event: KernelEvent): BreakpointKind[] {
	if (event.kind === 'queue-gone') return ['queue-gone'];
	if (event.kind === 'ns-init-exit') return ['pid1-exit'];
	if (event.kind !== 'exit' || event.pid === undefined) return [];
	const kinds: BreakpointKind[] = [];
	// The process as it was alive: a zombie reaped within the same moment is gone from `after`.
	const p = getProcess(before.kernel, event.pid) ?? getProcess(after.kernel, event.pid);
	// R-PIDNS-3: a PID 1 of a namespace below the host's.
	if (p && p.pids.length > 1 && p.pids.at(-1) === 1) kinds.push('pid1-exit');
	// R-ZOMB-1: only a zombie still there at the end of the moment can be seen.
	if (getProcess(after.kernel, event.pid)?.state === 'Z') kinds.push('zombie');
	return kinds;
}

/** The index of the event of `moment` that trips an enabled breakpoint, or undefined. */
export function breakpointEvent(
	on: Breakpoints,
	before: World | undefined,
	moment: Moment,
): number | undefined {
	if (!before) return undefined;
	const i = moment.events.findIndex((event) => hitKinds(before, moment.world, event).some((k) => on[k]));
	return i === -1 ? undefined : i;
}
