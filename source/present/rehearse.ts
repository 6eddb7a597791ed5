// `podplay present --check`: the whole talk rehearsed headless, as the presenter would give it:
// every stop is reached and drawn at the talk's screen size (narration that would be cut off is a
// problem, at its step), and every expectation and question is judged on the way.
import type {Failure, Position, Scenario} from '../scenario/index.js';
import {type Core, entryOf} from '../session/core.js';
import {chapters} from '../session/time.js';
import {makeTheme} from '../ui/theme-data.js';
import {createPresenter} from './presenter.js';
import {presenterLines} from './screen.js';

export type Rehearsal = {
	stops: number;
	chapters: number;
	failures: Failure[];
	/** Stops whose narration or pane would not fit the screen, at their steps. */
	cut: {position: Position; text: string}[];
};

export type RehearsalOptions = {scenariosDir: string; seed?: number; columns: number; rows: number};

export function rehearse(scenario: Scenario, o: RehearsalOptions): Rehearsal {
	const presenter = createPresenter(scenario, {scenariosDir: o.scenariosDir, seed: o.seed});
	const theme = makeTheme({ascii: false, color: false});
	const cut: Rehearsal['cut'] = [];
	let stops = 0;
	const frameBudget = 1_000_000;
	for (let frames = 0; frames < frameBudget; frames++) {
		presenter.frame();
		const state = presenter.state();
		if (state.waiting) {
			stops += 1;
			const shown = presenterLines({
				session: presenter.session,
				theme,
				columns: o.columns,
				rows: o.rows,
				state,
				chapters: chapters(presenter.session.core()).length,
				stop: presenter.stopText(),
				placement: {offset: 0, index: 0},
				message: '',
			});
			if (shown.cut)
				cut.push({
					position: stepPosition(presenter.session.core(), scenario),
					text: presenter.stopText() ?? '',
				});
			presenter.next();
		}
		if (presenter.state().atEnd) break;
	}
	const failures = presenter.session.core().player.failures;
	const count = chapters(presenter.session.core()).length;
	presenter.dispose();
	return {stops, chapters: count, failures, cut};
}

/** Where the step shown now is written: the timeline step of the last cue played. */
function stepPosition(core: Core, scenario: Scenario): Position {
	for (let i = core.player.history.index; i >= 0; i--) {
		const action = entryOf(core, i).action;
		if (action?.type === 'cue') return scenario.timeline[action.index]?.position ?? {line: 0, column: 0};
	}
	return {line: 0, column: 0};
}
