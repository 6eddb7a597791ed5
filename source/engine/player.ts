// Playing a scenario: set-up, then each timeline step at its time. Headless replay, `check` and
// the playground all play scenarios through this one module.
import type {KernelEvent} from '../kernel/index.js';
// Leaf modules, not the scenario barrel: the playground's first frame needs neither the schema nor
// the YAML parser (issue 13).
import {judgeAnswer} from '../scenario/ask.js';
import {nodeOptions, setupActions} from '../scenario/compile.js';
import type {Failure} from '../scenario/expect.js';
import type {AskAction, Scenario} from '../scenario/types.js';
import type {Action} from './actions.js';
import {worldExpectation, worldStepActions} from './cluster-play.js';
import {
	act,
	currentEntry,
	entriesBackwards,
	type History,
	startHistory,
	type Tuning,
	worldAt,
} from './history.js';
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

export function startPlayer(
	scenario: Scenario,
	options: StepOptions & {seed?: number; tuning?: Tuning} = {},
): Player {
	let player: Player = {
		scenario,
		history: startHistory(
			emptyWorld(nodeOptions(scenario, options.seed)),
			{freeze: options.freeze, copy: options.copy},
			options.tuning,
		),
		failures: [],
		options: {freeze: options.freeze, copy: options.copy},
	};
	player = perform(player, {type: 'boot'});
	for (const action of setupActions(scenario)) player = perform(player, action as Action);
	return player;
}

export function playerWorld(p: Player): World {
	return worldAt(p.history, p.history.index);
}

export function perform(p: Player, action: Action, options: StepOptions = p.options): Player {
	const history = act(p.history, action, options);
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

/**
 * How play lets time pass. Time is event-driven: a moment ends where something happens (the next
 * timer: a program waking up, a probe, a back-off or grace period ending; or the next timeline
 * step), never in the middle of nothing, so idle hours cost one step. Where moments end changes
 * nothing that can be observed: timers fire at their own times whatever the steps.
 */
export type Pace = {
	/**
	 * Least virtual time one moment covers (default 0: a moment for every instant at which
	 * something happens). A long jump uses a coarse grain: fewer moments to keep and to step.
	 */
	grain?: number;
	/** Fixed ticks of this many ms instead (how time used to pass: kept to prove both agree). */
	tick?: number;
	/** Step on private deep copies instead of immer drafts (a long jump: many timers a moment). */
	copy?: boolean;
	/** Asked before each moment: true stops play where it is (a sliced or cancelled jump). */
	stop?: (p: Player) => boolean;
};

/** The shortest advance a fast-forward makes on a copy: below it, timeline steps come thick and fast. */
const copyMinMs = 10_000;

/** Headless play (replay, check) keeps no moments to rewind to: one step from each timeline step to the next. */
export const headlessPace: Pace = {grain: Number.POSITIVE_INFINITY, copy: true};

/** Play every timeline step due up to virtual time `t`, letting time pass between them. */
export function playUntil(p: Player, t: number, pace: Pace = {}): Player {
	for (;;) {
		const world = playerWorld(p);
		const index = world.cue;
		const step = p.scenario.timeline[index];
		if (!step || step.at > t) break;
		p = advanceTo(p, step.at, pace);
		if (playerWorld(p).kernel.now < step.at || pace.stop?.(p)) return p;
		p = playStep(p, index);
	}
	return advanceTo(p, t, pace);
}

/** Let time pass up to `target` (or until `pace.stop` says so). */
function advanceTo(p: Player, target: number, pace: Pace): Player {
	const copying = {...p.options, copy: true};
	for (;;) {
		const world = playerWorld(p);
		const now = world.kernel.now;
		if (now >= target || pace.stop?.(p)) return p;
		const end = pace.tick ? Math.min(target, now + pace.tick) : nextEnd(now, nextDue(world), target, pace);
		// A copy pays off over a long span (many timers); a short one is a small change on a draft.
		p = perform(p, advance(end - now), pace.copy && end - now >= copyMinMs ? copying : p.options);
	}
}

/** When something can next happen: the earliest timer of any node, or the scheduler's next turn. */
function nextDue(world: World): number | undefined {
	let due = world.kernel.timers[0]?.at;
	const earlier = (at: number | undefined) => {
		if (at !== undefined && (due === undefined || at < due)) due = at;
	};
	if (world.cluster) {
		for (const host of Object.values(world.cluster.hosts)) earlier(host.kernel.timers[0]?.at);
		earlier(world.cluster.state.due);
	}
	return due;
}

/** Where the next moment ends: past the next due timer and at least `grain` on, never past `target`. */
function nextEnd(now: number, due: number | undefined, target: number, pace: Pace): number {
	if (due === undefined || due > target) return target;
	// At least 1 ms on: a timer due now fires in it, and play always moves.
	return Math.min(target, Math.max(due, now + Math.max(1, pace.grain ?? 0)));
}

const advances = new Map<number, Action>();

/** One shared action object per length (most moments of a session are short advances). */
function advance(ms: number): Action {
	let action = advances.get(ms);
	if (!action) {
		action = {type: 'advance', ms};
		if (advances.size < 4096) advances.set(ms, action);
	}
	return action;
}

function playStep(p: Player, index: number): Player {
	const world = playerWorld(p);
	const step = p.scenario.timeline[index];
	if (step.action.type === 'reveal') {
		const ask = p.scenario.timeline[step.action.ask]!.action as AskAction;
		const failures = judgeAnswer(ask, (e) => worldExpectation(world, e));
		const rules = rulesSinceCue(p.history, step.action.ask);
		p = {...p, failures: failures.length > 0 ? [...p.failures, ...failures] : p.failures};
		p = perform(p, {type: 'cue', index});
		return perform(p, {type: 'reveal', answer: ask.answer, explain: ask.explain, rules});
	}
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

/** The rules of the events since timeline step `cue` played: what decided an ask's answer. */
function rulesSinceCue(h: History, cue: number): string[] {
	const rules: string[][] = [];
	for (const entry of entriesBackwards(h)) {
		if (entry.action?.type === 'cue' && entry.action.index === cue) break;
		rules.push(entry.events.map((e) => e.rule));
	}
	return [...new Set(rules.reverse().flat())];
}

/** When the scenario is over: its last step, plus a moment for things to settle. */
export function scenarioEnd(s: Scenario): number {
	return (s.timeline.at(-1)?.at ?? 0) + 1000;
}
