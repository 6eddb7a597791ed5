// Playing a scenario: set-up, then each timeline step at its time. Headless replay, `check` and
// the playground all play scenarios through this one module.
import type {KernelEvent} from '../kernel/index.js';
import {type Failure, nodeOptions, type Scenario, setupActions} from '../scenario/index.js';
import type {Action} from './actions.js';
import {worldExpectation, worldStepActions} from './cluster-play.js';
import {act, currentEntry, type History, startHistory, worldAt} from './history.js';
import type {StepOptions} from './step.js';
import {emptyWorld, type World} from './world.js';

export type Player = {
	scenario: Scenario;
	history: History;
	/** Expectations that failed so far, in play order. */
	failures: Failure[];
	/** Every event so far (the transcript), appended in O(1): read it with `playerEvents`. */
	log?: EventLog;
	options: StepOptions;
};

export function startPlayer(scenario: Scenario, options: StepOptions & {seed?: number} = {}): Player {
	let player: Player = {
		scenario,
		history: startHistory(emptyWorld(nodeOptions(scenario, options.seed)), {freeze: options.freeze}),
		failures: [],
		options: {freeze: options.freeze},
	};
	player = perform(player, {type: 'boot'});
	for (const action of setupActions(scenario)) player = perform(player, action as Action);
	return player;
}

export function playerWorld(p: Player): World {
	return worldAt(p.history, p.history.index);
}

export function perform(p: Player, action: Action): Player {
	const history = act(p.history, action, p.options);
	const {events} = currentEntry(history);
	return events.length > 0
		? {...p, history, log: {chunk: events, length: eventCount(p) + events.length, prev: p.log}}
		: {...p, history};
}

/** A persistent list of event batches: appending shares everything before. */
export type EventLog = {chunk: readonly KernelEvent[]; length: number; prev?: EventLog};

export function eventCount(p: Player): number {
	return p.log?.length ?? 0;
}

/** Every event so far, in order. */
export function playerEvents(p: Player): KernelEvent[] {
	return eventsSince(p, 0);
}

/** The events after the first `count`. */
export function eventsSince(p: Player, count: number): KernelEvent[] {
	const chunks: (readonly KernelEvent[])[] = [];
	let log = p.log;
	while (log && log.length > count) {
		chunks.push(log.chunk);
		log = log.prev;
	}
	const skip = count - (log?.length ?? 0);
	return chunks.reverse().flat().slice(Math.max(0, skip));
}

/** The virtual time of the next timeline step, if any. */
export function nextCueAt(p: Player): number | undefined {
	return p.scenario.timeline[playerWorld(p).cue]?.at;
}

/** Play every timeline step due up to virtual time `t`, letting time pass between them. */
export function playUntil(p: Player, t: number, maxStepMs = Number.POSITIVE_INFINITY): Player {
	for (;;) {
		const world = playerWorld(p);
		const index = world.cue;
		const step = p.scenario.timeline[index];
		if (!step || step.at > t) break;
		p = advanceBy(p, step.at - world.kernel.now, maxStepMs);
		p = playStep(p, index);
	}
	return advanceBy(p, t - playerWorld(p).kernel.now, maxStepMs);
}

function advanceBy(p: Player, ms: number, maxStepMs: number): Player {
	let left = ms;
	while (left > 0) {
		const chunk = Math.min(left, maxStepMs);
		p = perform(p, {type: 'advance', ms: chunk});
		left -= chunk;
	}
	return p;
}

function playStep(p: Player, index: number): Player {
	const world = playerWorld(p);
	const step = p.scenario.timeline[index];
	if (step.action.type === 'expect') {
		const events = step.action.assertions.some((e) => e.subject === 'event') ? playerEvents(p) : [];
		const failures = step.action.assertions.flatMap((e) => worldExpectation(world, e, events));
		p = {...p, failures: failures.length > 0 ? [...p.failures, ...failures] : p.failures};
		return perform(p, {type: 'cue', index});
	}
	const resolved = worldStepActions(world, step.action);
	if (!resolved.ok)
		return perform(p, {
			type: 'cue',
			index,
			error: `${p.scenario.file}:${step.position.line}:${step.position.column}: ${resolved.message}`,
			...(resolved.rule ? {rule: resolved.rule} : {}),
		});
	p = perform(p, {type: 'cue', index});
	for (const action of resolved.actions) p = perform(p, action);
	return p;
}

/** When the scenario is over: its last step, plus a moment for things to settle. */
export function scenarioEnd(s: Scenario): number {
	return (s.timeline.at(-1)?.at ?? 0) + 1000;
}
