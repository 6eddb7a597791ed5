// The whole first screen as styled strings, composed from the same line builders the Ink
// components draw (tree-lines.ts, panel-lines.ts, status-bar.ts, hint-bar.ts). Pure and free of
// React and Ink, so the CLI can show it while Ink loads (issue 5: launch to first frame).
import {captionLines, captionRoom} from './caption.js';
import {clusterHeight, clusterLines} from './cluster-pane.js';
import {hintLine} from './hint-bar.js';
import {computeLayout, type Layout} from './layout.js';
import {
	block,
	columnLines,
	narrowPanes,
	type PaneView,
	stripLines,
	stripWidths,
	widePanes,
} from './panel-lines.js';
import {questionLines} from './question-lines.js';
import type {Session} from './session.js';
import {statusLine} from './status-bar.js';
import type {Theme} from './theme-data.js';
import {treeLines} from './tree-lines.js';
import {placeWindow, type TreeWindow} from './tree-window.js';
import {type InfoPane, initialUiState, shownPane} from './ui-state.js';

const sgr = /\u001B\[[\d;]*m/g;

/** `left`, padded to `width` cells, then `right`: two columns as Ink lays out two boxes in a row. */
function beside(left: string, width: number, right: string): string {
	if (right === '') return left;
	const used = left.replace(sgr, '').length;
	return `${left}${' '.repeat(Math.max(0, width - used))}${right}`;
}

/** The window of tree rows for the layout (tree-window.ts), as App and firstScreen place it. */
type Wide = Extract<Layout, {kind: 'wide' | 'narrow'}>;

/**
 * The rows between the status bar (and caption) and the message line: the tree beside (wide) or
 * above (narrow) the info panes. One string per screen row: Ink's cost per Text node is most of a
 * frame's (issue 5), so App draws these as one Text a row, and the first frame draws them as they are.
 */
export function mainLines(
	session: Session,
	theme: Theme,
	layout: Wide,
	window: TreeWindow,
	pane: InfoPane,
	view: PaneView = {},
): string[] {
	const tree = block(
		treeLines(
			{
				lines: window.lines,
				selectedPid: window.selected?.hostPid,
				width: layout.treeWidth,
				height: layout.treeRows,
				count: window.count,
				offset: window.placement.offset,
				...(view.search ? {search: view.search} : {}),
			},
			theme,
		),
		layout.treeRows + 1,
	);
	const mainHeight = layout.rows - 2 - layout.caption - layout.message;
	const cluster = clusterTop(session, theme, layout);
	// A scenario's question (ask:) takes the panes' place until the story moves on.
	const question = session.question?.();
	if (layout.kind === 'wide') {
		const panel = question
			? questionLines(theme, question, layout.panel.width)
			: columnLines(theme, session, layout.panel.width, layout.panel.height, pane, undefined, view).lines;
		return block(
			[...cluster, ...tree.map((line, i) => beside(line, layout.treeWidth + 1, panel[i] ?? ''))],
			mainHeight,
		);
	}
	if (question) {
		const box = questionLines(theme, question, layout.columns);
		const height = Math.min(mainHeight - 4, Math.max(layout.panel.height, box.length));
		const above = [...cluster, ...tree];
		return block([...above.slice(0, mainHeight - height), ...block(box, height)], mainHeight);
	}
	const strip = stripLines(theme, session, layout.columns, layout.panel.height, pane, view);
	const {left} = stripWidths(layout.columns);
	return block(
		[...cluster, ...tree, ...strip.left.map((line, i) => beside(line, left + 1, strip.right[i] ?? ''))],
		mainHeight,
	);
}

/** In a cluster, the cluster pane's rows across the whole width, above the tree (R-SCHED). */
export function clusterTop(session: Session, theme: Theme, layout: Wide): string[] {
	const view = layout.cluster > 0 ? session.cluster?.() : undefined;
	return view ? clusterLines(theme, view, layout.columns, layout.cluster) : [];
}

/** The caption's lines for this terminal: the current narration, wrapped. */
export function captionOf(session: Session, theme: Theme, columns: number, rows: number): string[] {
	return captionLines(theme, session.caption(), columns, captionRoom(rows));
}

/**
 * The rows App draws for a fresh UI state (no selection yet, pods pane, no menu, no message), or
 * undefined when the terminal is too small (Ink then says so).
 */
export function firstScreen(
	session: Session,
	theme: Theme,
	columns: number,
	rows: number,
): string[] | undefined {
	const caption = captionOf(session, theme, columns, rows);
	const layout = computeLayout(columns, rows, caption.length, 0, clusterHeight(session.cluster?.()));
	if (layout.kind === 'too-small') return undefined;
	const window = placeWindow(session, {offset: 0, index: 0}, undefined, layout.treeRows);
	return [
		statusLine(theme, session.status(), columns),
		...caption,
		...mainLines(
			session,
			theme,
			layout,
			window,
			shownPane(initialUiState, session.status(), layout.kind === 'wide' ? widePanes : narrowPanes),
		),
		'',
		hintLine(theme, columns),
	];
}
