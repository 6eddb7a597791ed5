// Presenter pacing over the playground's own session: play stops at every chapter, `say` and
// question and waits for the speaker; next and back walk those stops (two says at one moment are
// two stops); a live action during the talk happens on a branch, and `returnToScenario` goes back
// to the scenario's own line at the same virtual time. Driven by a frame clock the caller owns
// (a timer when presenting, a loop when rehearsing), so it has no timers of its own.
import type {Action} from '../engine/index.js';
import {handClock} from '../record/hand-clock.js';
import type {Scenario} from '../scenario/index.js';
import {entryOf, lastIndex, worldAtIndex} from '../session/core.js';
import {createSession, type EngineSession} from '../session/index.js';
import {chapters} from '../session/time.js';

/** The moments the presenter stops at: the scenario's narration, its questions and their answers. */
export function isStop(action: Action | undefined): boolean {
	return (
		action?.type === 'say' ||
		action?.type === 'pause' ||
		action?.type === 'chapter' ||
		action?.type === 'ask' ||
		action?.type === 'reveal'
	);
}

/** Commands that change the world: during a talk they go on a branch (`r` returns). */
const acting = /^\s*(kill|share|hostipc|supervise|spawn|orphan|delete)\b/;

export type PresenterState = {
	/** Waiting for the speaker at a stop (the current moment), or playing on to the next. */
	waiting: boolean;
	blank: boolean;
	/** 1-based chapter number and title of the current moment, if the scenario is in one. */
	chapter?: {number: number; title: string; notes?: string};
	next?: {number: number; title: string};
	/** Off the scenario's line after a live action. */
	live: boolean;
	atEnd: boolean;
};

export type Presenter = {
	session: EngineSession;
	/** One frame of play (no-op while waiting). */
	frame(): void;
	next(): void;
	back(): void;
	/** Jump to chapter `n` (1-based); false when there is none. */
	jump(n: number): boolean;
	toggleBlank(): void;
	returnToScenario(): void;
	state(): PresenterState;
	/** The text of the stop shown now: a say, a chapter's title and notes, or a question. */
	stopText(): string | undefined;
	dispose(): void;
};

export type PresenterOptions = {scenariosDir: string; seed?: number; frameMs?: number};

export function createPresenter(scenario: Scenario, options: PresenterOptions): Presenter {
	const clock = handClock();
	const session = createSession(scenario, {
		seed: options.seed,
		scenariosDir: options.scenariosDir,
		clock,
		frameMs: options.frameMs ?? 50,
		playing: false,
	});
	const scenarioLine = session.status().branch;
	let waiting = false;
	let blank = false;
	let started = false;
	const core = () => session.core();
	const index = () => core().player.history.index;
	const actionAt = (i: number) => entryOf(core(), i).action;

	const stopAt = (i: number) => {
		session.seek(i);
		session.pause();
		waiting = true;
	};
	/** The first stop in (from, to], if any. */
	const stopBetween = (from: number, to: number) => {
		const last = lastIndex(core());
		for (let i = from + 1; i <= Math.min(to, last); i++) if (isStop(actionAt(i))) return i;
		return undefined;
	};
	const play = () => {
		waiting = false;
		session.play();
	};

	const presenter: Presenter = {
		session,
		frame() {
			if (!started) {
				started = true;
				play();
			}
			// Something made the session play (an answer to a question, `:play`): follow it.
			if (waiting && session.status().playing) waiting = false;
			if (waiting || !session.status().playing) return;
			const from = index();
			clock.frame();
			const stop = stopBetween(from, index());
			if (stop !== undefined) stopAt(stop);
		},
		next() {
			if (!waiting) {
				// A click while playing stops at once: the speaker wants to talk.
				waiting = true;
				session.pause();
				return;
			}
			const last = lastIndex(core());
			const stop = stopBetween(index(), last);
			if (stop !== undefined) stopAt(stop);
			else {
				session.seek(last);
				if (session.status().atEnd) return;
				play();
			}
		},
		back() {
			for (let i = index() - 1; i >= 0; i--)
				if (isStop(actionAt(i))) {
					stopAt(i);
					return;
				}
			stopAt(0);
		},
		jump(n) {
			const chapter = chapters(core())[n - 1];
			if (!chapter) return false;
			session.goto(chapter.at);
			// The chapter's own moment: the last chapter moment at or before the one goto found.
			for (let i = index(); i >= 0; i--) {
				const a = actionAt(i);
				if (a?.type === 'chapter' && a.title === chapter.title) {
					stopAt(i);
					return true;
				}
			}
			stopAt(index());
			return true;
		},
		toggleBlank() {
			blank = !blank;
		},
		returnToScenario() {
			const now = session.status().time;
			if (session.status().branch !== scenarioLine) session.switchBranch(scenarioLine);
			session.goto(now);
			waiting = true;
			session.pause();
		},
		state() {
			const now = session.status().time;
			const list = chapters(core());
			const current = list.findLastIndex((c) => c.at <= now);
			const title = session.status().chapter;
			const {narration} = worldAtIndex(core(), index());
			const next = list.findIndex((c, i) => i > current && c.at > now);
			return {
				waiting,
				blank,
				...(current >= 0 && title
					? {chapter: {number: current + 1, title, ...(narration.notes ? {notes: narration.notes} : {})}}
					: {}),
				...(next >= 0 ? {next: {number: next + 1, title: list[next]!.title}} : {}),
				live: session.status().branch !== scenarioLine,
				atEnd: session.status().atEnd,
			};
		},
		stopText() {
			const action = actionAt(index());
			if (action?.type === 'say') return action.text;
			if (action?.type === 'ask') return action.question;
			if (action?.type === 'reveal') return action.explain;
			// Between stops the narration stays on: the last say, else the chapter.
			const {caption, chapter, notes} = worldAtIndex(core(), index()).narration;
			if (action?.type !== 'chapter' && caption) return caption;
			if (chapter) return notes ? `${chapter}: ${notes}` : chapter;
			return undefined;
		},
		dispose: () => session.dispose(),
	};
	// A live action at the end of the scenario's line would extend that line: step it on by one
	// frame first and act on the moment before, so the action starts a branch and `r` can return.
	const run = session.run.bind(session);
	session.run = (command) => {
		if (acting.test(command) && session.status().branch === scenarioLine) {
			const here = index();
			if (here === lastIndex(core())) {
				session.goto(session.status().time + 1);
				session.seek(here);
			}
		}
		return run(command);
	};
	return presenter;
}
