// createSession: the playground's Session over the real engine. The pure core (core.ts, time.ts,
// commands.ts, reads.ts) does the work; this shell owns the one frame timer (only while playing:
// no CPU while paused) and the listeners, told at most once per frame.

import {currentMoment, switchBranch} from '../engine/index.js';
import {ruleById} from '../rules/index.js';
import {formatDuration} from '../scenario/duration.js';
import type {Scenario} from '../scenario/types.js';
import type {BreakpointKind, RunResult, Session} from '../ui/session.js';
import {branchForTime} from './branch-goto.js';
import {branchList} from './branch-list.js';
import {changedPids} from './changes.js';
import {clusterView, compareView} from './cluster-view.js';
import {commandNames, runCommand} from './commands.js';
import {complete} from './complete.js';
import {
	type Core,
	hiddenEvents,
	nowOf,
	performAll,
	shownWorld,
	startCore,
	withHistory,
	withIndex,
	worldOf,
} from './core.js';
import {processDetails} from './details.js';
import {namespaceRows} from './holders.js';
import {bundledLoader, type Loaded, type ScenarioLoader, scenarioNamesIn} from './load.js';
import {chapterFocus, currentNarration, narrationLog} from './narration.js';
import {questionOf} from './question.js';
import {indexOfPid, parentsFrom, processCount, processRows, processTotal} from './reads.js';
import * as slow from './slow-motion.js';
import * as time from './time.js';
import {podRows, queueRows, whyRows} from './views.js';

export type {Core} from './core.js';
export type {Loaded, ScenarioLoader} from './load.js';

export type Clock = {
	setInterval(fn: () => void, ms: number): unknown;
	clearInterval(handle: unknown): void;
	/** Run `fn` once the event loop has had a turn (keys, a redraw): the next slice of a long jump. */
	defer?(fn: () => void): void;
	/** Real milliseconds, for a long jump's slices (default performance.now). */
	now?(): number;
};

/** Real time the first slice of a long jump may take: a jump done by then shows no progress at all. */
const FIRST_SLICE_MS = 100;
/** Real time each later slice may take before the UI gets a turn (Esc, a progress redraw). */
const SLICE_MS = 40;

export type SessionOptions = {
	seed?: number;
	/** Where `load NAME` finds bundled scenarios. */
	scenariosDir: string;
	/** Replaces the bundled loader (tests, or the CLI's own lookup). */
	loadScenario?: ScenarioLoader;
	/** Real milliseconds per frame (default 50: 20 frames a second). */
	frameMs?: number;
	/** Timer functions (tests drive frames by hand). */
	clock?: Clock;
	playing?: boolean;
	/** Cascades unfold one event at a time while playing (default true; slow-motion.ts). */
	slowMotion?: boolean;
};

export type EngineSession = Session & {
	/** Stops the frame timer and forgets the listeners. */
	dispose(): void;
	/** The current state (tests, the integrator). */
	core(): Core;
	/** One frame, as the timer would run it (tests). */
	tick(): void;
	/** Resolves when a `load` started by run() has finished (tests). */
	loading(): Promise<void>;
	/** Resolves when the long jump under way (if any) has finished or been cancelled (tests). */
	jumped(): Promise<void>;
	/**
	 * Shows moment `index` of the current branch (the recorder shows every narration step), after
	 * its event `sub` when one is given (slow motion part way through the moment).
	 */
	seek(index: number, sub?: number): void;
};

const systemClock: Clock = {
	setInterval: (fn, ms) => setInterval(fn, ms),
	clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
	defer: (fn) => setImmediate(fn),
	now: () => performance.now(),
};

/** A long jump under way: simulated in slices so that the UI stays live and Esc can stop it. */
type Jump = {target: number; from: number; resume: boolean; done: () => void};

export function createSession(scenario: Scenario, options: SessionOptions): EngineSession {
	const frameMs = options.frameMs ?? 50;
	const clock = options.clock ?? systemClock;
	const load = options.loadScenario ?? bundledLoader(options.scenariosDir);
	const listeners = new Set<() => void>();
	let core = startCore(scenario, options.seed, scenarioNamesIn(options.scenariosDir));
	let timer: unknown;
	let notice: string | undefined;
	let pending: Promise<void> = Promise.resolve();
	let jumping: Jump | undefined;
	let jumpDone: Promise<void> = Promise.resolve();
	const defer = clock.defer ?? systemClock.defer!;
	const realNow = clock.now ?? systemClock.now!;

	const notify = () => {
		for (const listener of [...listeners]) listener();
	};
	// The timer runs exactly while the core says it plays.
	const sync = () => {
		if (core.playing && timer === undefined) timer = clock.setInterval(tick, frameMs);
		if (!core.playing && timer !== undefined) {
			clock.clearInterval(timer);
			timer = undefined;
		}
	};
	const update = (next: Core) => {
		core = next;
		notice = undefined;
		sync();
	};
	// The rows' change marks, worked out once per world shown (a frame reads rows several times).
	let changeCache: {core: Core; changes: ReturnType<typeof changedPids>} | undefined;
	const changes = () => {
		if (changeCache?.core !== core) changeCache = {core, changes: changedPids(core)};
		return changeCache.changes;
	};
	function tick() {
		const before = core;
		core =
			options.slowMotion === false ? time.advance(core, frameMs * core.speed) : slow.playFrame(core, frameMs);
		if (core.stopped && core.stopped !== before.stopped) notice = core.stopped;
		sync();
		// Holding an event on screen (slow motion) changes nothing visible: no frame for it.
		const held =
			core.player === before.player &&
			core.sub === before.sub &&
			core.playing === before.playing &&
			core.stopped === before.stopped;
		if (core !== before && !held) notify();
	}
	const endJump = () => {
		const jump = jumping;
		if (!jump) return;
		jumping = undefined;
		update({...core, playing: jump.resume, stopped: undefined});
		jump.done();
	};
	const slice = (budget: number) => {
		const jump = jumping;
		if (!jump) return;
		const deadline = realNow() + budget;
		core = time.jump(core, jump.target, () => realNow() >= deadline);
		if (nowOf(core) >= jump.target) endJump();
		else defer(() => slice(SLICE_MS));
		notify();
	};
	/** Go far ahead in slices: progress in the status bar, Esc stops it where it got to. */
	const startJump = (target: number) => {
		if (jumping) return;
		const resume = core.playing;
		update({...core, playing: false});
		jumpDone = new Promise((done) => {
			jumping = {target, from: nowOf(core), resume, done};
		});
		slice(FIRST_SLICE_MS);
	};
	const cancelJump = () => {
		const jump = jumping;
		if (!jump) return;
		endJump();
		notice = `jump to t=${formatDuration(jump.target)} stopped at t=${formatDuration(nowOf(core))}`;
		notify();
	};
	/** Replaces the scenario; the answer is one line either way. Breakpoints start off again. */
	const applyLoaded = (name: string, loaded: Loaded): RunResult => {
		if (!loaded.ok) return {ok: false, message: loaded.message};
		const fresh = startCore(loaded.scenario, options.seed, core.scenarioNames);
		core = {...fresh, speed: core.speed};
		notice = undefined;
		sync();
		return {ok: true, message: `loaded ${name}: ${loaded.scenario.title}`};
	};
	const startLoad = (name: string): RunResult => {
		const result = load(name);
		if (!(result instanceof Promise)) return applyLoaded(name, result);
		const later = result
			.then(
				(loaded) => applyLoaded(name, loaded),
				(error: unknown): RunResult => ({
					ok: false,
					message: `cannot load ${name}: ${error instanceof Error ? error.message : String(error)}`,
				}),
			)
			.then((answer) => {
				// A load finishing while paused is not a frame tick: tell the UI once, so it shows.
				notify();
				return answer;
			});
		pending = later.then(() => undefined);
		return {ok: true, message: `loading ${name}…`, later};
	};

	const session: EngineSession = {
		processCount: () => processCount(shownWorld(core), core.collapsed),
		processRows: (start, count) => processRows(shownWorld(core), core.collapsed, start, count, changes()),
		indexOfPid: (hostPid) => indexOfPid(shownWorld(core), core.collapsed, hostPid),
		pods: () => podRows(shownWorld(core)),
		namespaces: () => namespaceRows(shownWorld(core).kernel),
		queues: () => queueRows(shownWorld(core).kernel),
		why: (count) => whyRows(core.player.history, count, hiddenEvents(core)),
		rule: (id) => ruleById(id),
		details: (hostPid) => processDetails(shownWorld(core), hostPid),
		cluster: () => {
			const world = worldOf(core);
			const compare = core.compare && world.cluster ? compareView(core.scenario) : undefined;
			return clusterView(world, core.node ?? world.cluster?.home ?? '', compare);
		},
		// Never silently wrong (R-EXEC-10): what is not simulated shows while nothing is narrated.
		caption: () => {
			const current = currentNarration(narrationLog(core.scenario, currentMoment(core.player.history).world));
			const note = current.length === 0 ? notesOf(core) : undefined;
			return note === undefined ? current : [note];
		},
		narration: () => narrationLog(core.scenario, currentMoment(core.player.history).world),
		question: () => questionOf(core),
		status: () => {
			const {narration} = worldOf(core);
			const focus = chapterFocus(narrationLog(core.scenario, currentMoment(core.player.history).world));
			return {
				time: nowOf(core),
				speed: core.speed,
				playing: core.playing,
				branch: core.player.history.current,
				...(narration.chapter ? {chapter: narration.chapter} : {}),
				...(focus ? {focus} : {}),
				atEnd: time.atEnd(core),
				...(jumping
					? {
							jump: {
								target: jumping.target,
								progress: (nowOf(core) - jumping.from) / (jumping.target - jumping.from),
							},
						}
					: {}),
				processes: processTotal(shownWorld(core)),
				...(core.sub !== undefined
					? {event: {shown: core.sub, of: currentMoment(core.player.history).events.length}}
					: {}),
				...(notice ? {stopped: notice} : {}),
			};
		},
		play: () => update({...core, playing: true, stopped: undefined}),
		pause: () => update({...core, playing: false}),
		togglePlay: () => (core.playing ? session.pause() : session.play()),
		stepForward: () => update({...slow.stepEvent(core), playing: false}),
		stepBack: () => update({...slow.stepEventBack(core), playing: false}),
		stepMoment: () => update({...slow.stepMoment(core), playing: false}),
		stepMomentBack: () => update({...slow.stepMomentBack(core), playing: false}),
		faster: () => update(time.faster(core)),
		slower: () => update(time.slower(core)),
		nextChapter: () => update(time.nextChapter(core)),
		prevChapter: () => update(time.prevChapter(core)),
		goto: (ms) =>
			time.isLongJump(core, ms) ? startJump(ms) : update(time.goto(branchForTime(core, ms).core, ms)),
		cancelJump,
		branches: () => Object.keys(core.player.history.branches),
		branchInfo: () => branchList(core.player.history),
		switchBranch: (name) => update(withHistory(core, switchBranch(core.player.history, name))),
		collapse: (pid) => update({...core, collapsed: new Set([...core.collapsed, pid])}),
		expand: (pid) => {
			const collapsed = new Set(core.collapsed);
			collapsed.delete(pid);
			update({...core, collapsed});
		},
		collapseAll: () => update({...core, collapsed: parentsFrom(worldOf(core), 0)}),
		expandAll: () => update({...core, collapsed: new Set()}),
		collapseToDepth: (depth) => update({...core, collapsed: parentsFrom(worldOf(core), depth)}),
		setBreakpoint: (kind: BreakpointKind, on: boolean) =>
			update({...core, breakpoints: {...core.breakpoints, [kind]: on}}),
		breakpoints: () => ({...core.breakpoints}),
		run(command) {
			if (jumping) return {ok: false, message: 'a jump is under way: Esc stops it'};
			const outcome = runCommand(core, command);
			update(outcome.core);
			if (outcome.jump !== undefined) startJump(outcome.jump);
			return outcome.load ? startLoad(outcome.load) : outcome.result;
		},
		commandNames: () => [...commandNames],
		complete: (partial) => {
			try {
				return complete(core, partial);
			} catch {
				return [];
			}
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		dispose() {
			jumping?.done();
			jumping = undefined;
			update({...core, playing: false});
			listeners.clear();
		},
		core: () => core,
		tick,
		loading: () => pending,
		jumped: () => jumpDone,
		seek: (index, sub) => update(withIndex(core, index, sub)),
	};
	if (options.playing) session.play();
	return session;
}

/** Never silently wrong (R-EXEC-10): what is not simulated stays on screen while nothing is narrated. */
function notesOf(core: Core): string | undefined {
	const said = worldOf(core).runtime.notes ?? [];
	if (said.length === 0) return undefined;
	return `${said.length > 1 ? `${said.length} notes, latest` : 'note'}: ${said.at(-1)}`;
}

export {performAll, startCore};
