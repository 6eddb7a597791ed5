// The presenter's screen, made of the playground's own line builders: the status bar, the stop's
// narration in full (wrapped, large on a projector because nothing else competes with it), the
// process tree, and the one pane the chapter is about (or the question). Pure.

import {namespacesLines} from '../ui/namespaces-pane.js';
import {block} from '../ui/panel-lines.js';
import {podsLines} from '../ui/pods-pane.js';
import {questionLines, wrap} from '../ui/question-lines.js';
import {queuesLines} from '../ui/queues-pane.js';
import {sectionTitle} from '../ui/section-title.js';
import type {Session} from '../ui/session.js';
import {statusLine} from '../ui/status-bar.js';
import {paint} from '../ui/styled.js';
import type {Theme} from '../ui/theme-data.js';
import {treeLines} from '../ui/tree-lines.js';
import {type Placement, placeWindow, type TreeWindow} from '../ui/tree-window.js';
import type {InfoPane} from '../ui/ui-state.js';
import type {PresenterState} from './presenter.js';

export type PresenterView = {
	session: Session;
	theme: Theme;
	columns: number;
	rows: number;
	state: PresenterState;
	chapters: number;
	stop?: string;
	placement: Placement;
	selectedPid?: number;
	/** The message line as drawn (a command's answer, the command line, a confirmation). */
	message: string;
};

/** The pane a stop is about, from its words: queues, namespaces, else the pods. */
export function focusPane(text: string): InfoPane {
	if (/queue|IPC|message/i.test(text)) return 'queues';
	if (/namespace/i.test(text)) return 'namespaces';
	return 'pods';
}

const HINT = '→ next  ← back  g N chapter  b blank  r scenario  1-9 answer  : command  q quit';

/** The narration lines for a stop: all of its words, wrapped with a margin. */
export function narrationLines(theme: Theme, text: string, width: number): string[] {
	return wrap(text, width - 2).map((line) =>
		paint([[` ${line}`, {bold: true, color: theme.palette.accent}]], theme.color),
	);
}

export function presenterLines(v: PresenterView): {lines: string[]; window?: TreeWindow; cut: boolean} {
	const {theme, columns, rows, session, state} = v;
	if (state.blank) return {lines: Array.from({length: rows}, () => ''), cut: false};
	const chapter = state.chapter
		? `Chapter ${state.chapter.number}/${v.chapters} · ${state.chapter.title}`
		: 'podplay';
	const question = session.question?.();
	// The question box says the question itself: the narration need not repeat it.
	const words = v.stop && v.stop !== question?.question ? narrationLines(theme, v.stop, columns) : [];
	const story = [
		sectionTitle(theme, chapter, columns, state.waiting ? 'waiting: → next' : 'playing'),
		...words,
	];
	// The chapter decides the pane, so it stays put while the chapter plays.
	const paneName = focusPane(
		state.chapter ? `${state.chapter.title} ${state.chapter.notes ?? ''}` : (v.stop ?? ''),
	);
	const pane = question
		? questionLines(theme, question, columns)
		: [
				sectionTitle(theme, paneName[0]!.toUpperCase() + paneName.slice(1), columns),
				...paneBody(v, paneName),
			];
	// Status, message and hint lines; the tree gets what is left, at least a header and 3 rows.
	const room = rows - 3;
	const storyHeight = Math.min(story.length, Math.max(2, room - pane.length - 4));
	const paneHeight = Math.min(pane.length, Math.max(2, room - storyHeight - 4));
	const treeRows = room - storyHeight - paneHeight - 1;
	const window = placeWindow(session, v.placement, v.selectedPid, treeRows);
	const tree = treeLines(
		{
			lines: window.lines,
			selectedPid: window.selected?.hostPid,
			width: columns,
			height: treeRows,
			count: window.count,
			offset: window.placement.offset,
		},
		theme,
	);
	const lines = [
		statusLine(theme, session.status(), columns),
		...block(story, storyHeight),
		...block(tree, treeRows + 1),
		...block(pane, paneHeight),
		v.message,
		paint([[HINT.slice(0, columns), {color: theme.palette.muted}]], theme.color),
	];
	return {lines, window, cut: storyHeight < story.length || paneHeight < pane.length};
}

function paneBody(v: PresenterView, pane: InfoPane): string[] {
	const {theme, columns, session} = v;
	if (pane === 'queues') return queuesLines(theme, session.queues(), columns, 6);
	if (pane === 'namespaces') return namespacesLines(theme, session.namespaces(), columns, 6);
	return podsLines(theme, session.pods(), columns, 6);
}
