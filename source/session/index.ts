// createSession: the playground's Session over the real engine. The pure core (core.ts, time.ts,
// commands.ts, reads.ts) does the work; this shell owns the one frame timer (only while playing:
// no CPU while paused) and the listeners, told at most once per frame.

import {switchBranch} from '../engine/index.js';
import {formatDuration, type Scenario} from '../scenario/index.js';
import type {BreakpointKind, Session} from '../ui/session.js';
import {clusterView, compareView} from './cluster-view.js';
import {commandNames, runCommand} from './commands.js';
import {complete} from './complete.js';
import {type Core, nowOf, performAll, startCore, withHistory, worldOf} from './core.js';
import {namespaceRows} from './holders.js';
import {bundledLoader, type Loaded, type ScenarioLoader, scenarioNamesIn} from './load.js';
import {indexOfPid, parentsFrom, processCount, processRows} from './reads.js';
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
	function tick() {
		const before = core;
		core = time.advance(core, frameMs * core.speed);
		if (core.stopped && core.stopped !== before.stopped) notice = core.stopped;
		sync();
		if (core !== before) notify();
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
	const applyLoaded = (name: string, loaded: Loaded) => {
		if (!loaded.ok) {
			notice = loaded.message;
			return;
		}
		const fresh = startCore(loaded.scenario, options.seed, core.scenarioNames);
		core = {...fresh, speed: core.speed, breakpoints: core.breakpoints};
		sync();
		notice = `loaded ${name}: ${loaded.scenario.title}`;
	};
	const startLoad = (name: string) => {
		const result = load(name);
		if (!(result instanceof Promise)) return applyLoaded(name, result);
		pending = result
			.then(
				(loaded) => applyLoaded(name, loaded),
				(error: unknown) => {
					notice = `cannot load ${name}: ${error instanceof Error ? error.message : String(error)}`;
				},
			)
			// A load finishing while paused is not a frame tick: tell the UI once, so it shows.
			.then(notify);
	};

	const session: EngineSession = {
		processCount: () => processCount(worldOf(core), core.collapsed),
		processRows: (start, count) => processRows(worldOf(core), core.collapsed, start, count),
		indexOfPid: (hostPid) => indexOfPid(worldOf(core), core.collapsed, hostPid),
		pods: () => podRows(worldOf(core)),
		namespaces: () => namespaceRows(worldOf(core).kernel),
		queues: () => queueRows(worldOf(core).kernel),
		why: (count) => whyRows(core.player.history, count),
		cluster: () => {
			const world = worldOf(core);
			const compare = core.compare && world.cluster ? compareView(core.scenario) : undefined;
			return clusterView(world, core.node ?? world.cluster?.home ?? '', compare);
		},
		caption: () => {
			const notes = notesOf(core);
			if (notice) return notes ? `${notice} · ${notes}` : notice;
			return captionOf(core) ?? notes;
		},
		status: () => {
			const {narration} = worldOf(core);
			return {
				time: nowOf(core),
				speed: core.speed,
				playing: core.playing,
				branch: core.player.history.current,
				...(narration.chapter ? {chapter: narration.chapter} : {}),
				atEnd: time.atEnd(core),
				...(jumping
					? {
							jump: {
								target: jumping.target,
								progress: (nowOf(core) - jumping.from) / (jumping.target - jumping.from),
							},
						}
					: {}),
			};
		},
		play: () => update({...core, playing: true, stopped: undefined}),
		pause: () => update({...core, playing: false}),
		togglePlay: () => (core.playing ? session.pause() : session.play()),
		stepForward: () => update({...time.stepForward(core), playing: false}),
		stepBack: () => update({...time.stepBack(core), playing: false}),
		faster: () => update(time.faster(core)),
		slower: () => update(time.slower(core)),
		nextChapter: () => update(time.nextChapter(core)),
		prevChapter: () => update(time.prevChapter(core)),
		goto: (ms) => (time.isLongJump(core, ms) ? startJump(ms) : update(time.goto(core, ms))),
		cancelJump,
		branches: () => Object.keys(core.player.history.branches),
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
			if (outcome.load) startLoad(outcome.load);
			if (outcome.jump !== undefined) startJump(outcome.jump);
			return outcome.result;
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
	};
	if (options.playing) session.play();
	return session;
}

/** The scenario's narration for this moment; just after a chapter starts, its title and notes. */
function captionOf(core: Core): string | undefined {
	const {caption, chapter, notes} = worldOf(core).narration;
	if (caption) return caption;
	if (chapter) return notes ? `${chapter}: ${notes}` : chapter;
	return undefined;
}

/** Never silently wrong (R-EXEC-10): what is not simulated stays on screen while nothing is narrated. */
function notesOf(core: Core): string | undefined {
	const said = worldOf(core).runtime.notes ?? [];
	if (said.length === 0) return undefined;
	return `${said.length > 1 ? `${said.length} notes, latest` : 'note'}: ${said.at(-1)}`;
}

export {performAll, startCore};
