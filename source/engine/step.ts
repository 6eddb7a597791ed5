// step(world, action) → the next world and the events it caused. One immer `produce` per step;
// the old world is never changed, so every earlier moment stays available for time travel.
import {Immer} from 'immer';
import {
	applyKernelAction,
	type Ctx,
	commitTimers,
	drain,
	type KernelEvent,
	type Timer,
} from '../kernel/index.js';
import {programs} from '../programs/index.js';
import {
	applyRuntimeAction,
	fireRuntimeTimer,
	observe,
	type RtCtx,
	startNodeDaemons,
} from '../runtime/index.js';
import {type Action, isRuntimeAction} from './actions.js';
import type {World} from './world.js';

export type StepResult = {world: World; events: KernelEvent[]};

const frozen = new Immer({autoFreeze: true});
/** Headless fast-forward: no deep freeze of each new world (the old ones are still never changed). */
const unfrozen = new Immer({autoFreeze: false});

export type StepOptions = {
	/** Freeze each new world (default true): safest, slower. Headless runs may turn it off. */
	freeze?: boolean;
};

export function step(world: World, action: Action, options: StepOptions = {}): StepResult {
	const events: KernelEvent[] = [];
	const immer = options.freeze === false ? unfrozen : frozen;
	const next = immer.produce(world, (draft) => {
		apply(draft as World, action, events);
	});
	return {world: next, events};
}

function apply(draft: World, action: Action, events: KernelEvent[]): void {
	const k: Ctx = {k: draft.kernel, events, queue: [], programs};
	const r: RtCtx = {k, rt: draft.runtime};
	let observed = 0;
	// The kubelet watches what the kernel did and may act again, until nothing new happens.
	const settle = () => {
		drain(k);
		while (observed < events.length) {
			const batch = events.slice(observed);
			observed = events.length;
			observe(r, batch);
			drain(k);
		}
	};
	const timers = (_: Ctx, timer: Timer) => fireRuntimeTimer(r, timer);
	switch (action.type) {
		case 'say':
			draft.narration.caption = action.text;
			return;
		case 'chapter':
			draft.narration = {chapter: action.title, ...(action.notes ? {notes: action.notes} : {})};
			return;
		case 'cue':
			draft.cue = action.index + 1;
			if (action.error)
				k.events.push({
					t: draft.kernel.now,
					rule: 'R-PIDNS-5',
					kind: 'errno',
					text: action.error,
					errno: 'ESRCH',
				});
			return;
		case 'boot':
			applyKernelAction(k, {type: 'start', pid: 1});
			startNodeDaemons(r);
			settle();
			commitTimers(k);
			return;
	}
	if (isRuntimeAction(action)) applyRuntimeAction(r, action);
	else applyKernelAction(k, action, timers, settle);
	settle();
	commitTimers(k);
}
