// step(world, action) → the next world and the events it caused. One immer `produce` per step;
// the old world is never changed, so every earlier moment stays available for time travel.
import {Immer} from 'immer';
import {
	applyKernelAction,
	type Ctx,
	commitTimers,
	deepCopy,
	drain,
	type Kernel,
	type KernelAction,
	type KernelEvent,
	sealOwned,
	type Timer,
} from '../kernel/index.js';
import {programs} from '../programs/index.js';
import {
	applyRuntimeAction,
	fireRuntimeTimer,
	observe,
	type RtCtx,
	type RuntimeState,
	startNodeDaemons,
} from '../runtime/index.js';
import {type Action, isRuntimeAction} from './actions.js';
import {applyToCluster} from './cluster-step.js';
import {EventLimit, limitedEvents} from './event-limit.js';
import type {World} from './world.js';

export type StepResult = {world: World; events: KernelEvent[]};

const frozen = new Immer({autoFreeze: true});
/** Headless fast-forward: no deep freeze of each new world (the old ones are still never changed). */
const unfrozen = new Immer({autoFreeze: false});

export type StepOptions = {
	/** Freeze each new world (default true): safest, slower. Headless runs may turn it off. */
	freeze?: boolean;
	/**
	 * Fast-forward: change a private deep copy of the world in place instead of an immer draft.
	 * The copy costs the world's size once, while a draft costs on every read and write: worth it
	 * for a step that fires many timers (a long jump), not for a small one. Never frozen.
	 */
	copy?: boolean;
	/** Stop right after this many events: the world as it was then (slow-motion.ts). */
	stopAfter?: number;
};

export function step(world: World, action: Action, options: StepOptions = {}): StepResult {
	const events: KernelEvent[] = options.stopAfter === undefined ? [] : limitedEvents(options.stopAfter);
	if (options.copy) {
		const next = deepCopy(world);
		try {
			apply(next, deepCopy(action), events);
		} catch (error) {
			if (!(error instanceof EventLimit)) throw error;
		}
		return {world: next, events};
	}
	const immer = options.freeze === false ? unfrozen : frozen;
	const next = immer.produce(world, (draft) => {
		try {
			apply(draft as World, action, events, immer === frozen);
		} catch (error) {
			if (!(error instanceof EventLimit)) throw error;
		}
	});
	return {world: next, events};
}

/**
 * Replay recorded actions on a private world, changed in place: what rebuilding a moment from a
 * keyframe does (history.ts). `world` must be a deep copy nobody else holds; actions are copied,
 * since the world may keep parts of them and is changed afterwards.
 */
export function replayInPlace(world: World, actions: Iterable<Action>): World {
	for (const action of actions) {
		try {
			apply(world, deepCopy(action), []);
		} catch (error) {
			if (!(error instanceof EventLimit)) throw error;
		}
	}
	return world;
}

/** A node's kernel and runtime inside one step: their contexts, and how the kubelet settles. */
export type HostCtx = {k: Ctx; r: RtCtx; settle: () => void; timers: (ctx: Ctx, timer: Timer) => void};

/** `freeze`: the step's world is frozen when it ends (the kernel then freezes what it made, cow.ts). */
export function hostContext(
	kernel: Kernel,
	runtime: RuntimeState,
	events: KernelEvent[],
	freeze = true,
): HostCtx {
	const k: Ctx = {k: kernel, events, queue: [], programs, freeze};
	const r: RtCtx = {k, rt: runtime};
	// Bound functions, not closures: made on every step, and a closure costs a defineProperty of
	// its name under tsx (the tests and the bench), several microseconds a step.
	return {k, r, settle: settleHost.bind(undefined, r, {observed: events.length}), timers: hostTimer.bind(r)};
}

/** The kubelet watches what the kernel did and may act again, until nothing new happens. */
function settleHost(r: RtCtx, seen: {observed: number}): void {
	const {k} = r;
	drain(k);
	while (seen.observed < k.events.length) {
		const batch = k.events.slice(seen.observed);
		seen.observed = k.events.length;
		observe(r, batch);
		drain(k);
	}
}

function hostTimer(this: RtCtx, _: Ctx, timer: Timer): void {
	fireRuntimeTimer(this, timer);
}

/** One action on one node: boot its daemons, or a kernel or runtime action; then settle. */
export function applyOnHost(host: HostCtx, action: Action): void {
	const {k, r, settle, timers} = host;
	if (action.type === 'boot') {
		applyKernelAction(k, {type: 'start', pid: 1});
		startNodeDaemons(r);
	} else if (isRuntimeAction(action)) applyRuntimeAction(r, action);
	else applyKernelAction(k, action as KernelAction, timers, settle);
	settle();
	commitTimers(k);
	sealOwned(k);
}

function apply(draft: World, action: Action, events: KernelEvent[], freeze = true): void {
	switch (action.type) {
		case 'say':
			draft.narration.caption = action.text;
			// A revealed answer stays on screen until the story moves on.
			if (draft.narration.ask?.answer !== undefined) delete draft.narration.ask;
			return;
		case 'pause':
			// Nothing in the world changes: the session stops play at this moment (breakpointHit).
			return;
		case 'ask':
			draft.narration.ask = {question: action.question, choices: action.choices};
			return;
		case 'reveal':
			if (draft.narration.ask)
				Object.assign(draft.narration.ask, {
					answer: action.answer,
					explain: action.explain,
					rules: action.rules,
				});
			return;
		case 'chapter':
			draft.narration = {chapter: action.title, ...(action.notes ? {notes: action.notes} : {})};
			return;
		case 'cue':
			draft.cue = action.index + 1;
			if (action.error)
				events.push(
					action.rule
						? {t: draft.kernel.now, rule: action.rule, kind: 'refused', text: action.error}
						: {t: draft.kernel.now, rule: 'R-PIDNS-5', kind: 'errno', text: action.error, errno: 'ESRCH'},
				);
			return;
	}
	if (draft.cluster) {
		applyToCluster(draft, action, events);
		return;
	}
	applyOnHost(hostContext(draft.kernel, draft.runtime, events, freeze), action);
}
