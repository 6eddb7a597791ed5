// Runs the presenter full-screen until q or Ctrl-C, keeping the speaker-notes file current.
import {render} from 'ink';
import type {Scenario} from '../scenario/index.js';
import {chapters} from '../session/time.js';
import {resolveUiOptions} from '../ui/options.js';
import {makeTheme, ThemeContext} from '../ui/theme.js';
import {untilExit} from '../ui/until-exit.js';
import {PresenterApp} from './app.js';
import {type NotesState, writeNotes} from './notes-channel.js';
import {createPresenter} from './presenter.js';

export type PresentOptions = {
	scenariosDir: string;
	seed?: number;
	ascii?: boolean;
	color?: boolean;
	/** Where `podplay notes` reads the speaker notes. */
	notesPath: string;
	/** The notes path was given (--notes): its folder is the user's choice. */
	notesGiven: boolean;
};

export async function runPresenter(scenario: Scenario, o: PresentOptions): Promise<string | undefined> {
	const presenter = createPresenter(scenario, {scenariosDir: o.scenariosDir, seed: o.seed});
	const startedAt = Date.now();
	const count = chapters(presenter.session.core()).length;
	let last = '';
	let problem: string | undefined;
	const notes = (ended = false) => {
		const state = presenter.state();
		const stop = presenter.stopText();
		const notesState: NotesState = {
			title: scenario.title,
			chapters: count,
			...(state.chapter ? {chapter: state.chapter} : {}),
			...(state.next ? {next: state.next} : {}),
			...(stop ? {stop} : {}),
			waiting: state.waiting,
			live: state.live,
			startedAt,
			ended,
		};
		const text = JSON.stringify(notesState);
		if (text === last) return;
		last = text;
		problem = writeNotes(o.notesPath, notesState, !o.notesGiven) ?? problem;
	};
	notes();
	const theme = makeTheme(resolveUiOptions({ascii: o.ascii, color: o.color}));
	const instance = render(
		<ThemeContext.Provider value={theme}>
			<PresenterApp presenter={presenter} onChange={() => notes()} />
		</ThemeContext.Provider>,
		{alternateScreen: true, incrementalRendering: true, exitOnCtrlC: false, maxFps: 30, patchConsole: false},
	);
	try {
		await untilExit(instance);
	} finally {
		notes(true);
		presenter.dispose();
	}
	return problem;
}
