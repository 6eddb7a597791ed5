// The whole first screen as styled strings, composed from the same line builders the Ink
// components draw (tree-lines.ts, panel-lines.ts, status-bar.ts, hint-bar.ts). Pure and free of
// React and Ink, so the CLI can show it while Ink loads (issue 5: launch to first frame).
import {captionLine} from './caption.js';
import {hintLine} from './hint-bar.js';
import {computeLayout} from './layout.js';
import {block, columnLines, stripLines, stripWidths} from './panel-lines.js';
import type {Session} from './session.js';
import {statusLine} from './status-bar.js';
import type {Theme} from './theme-data.js';
import {treeLines} from './tree-lines.js';
import {placeWindow} from './tree-window.js';

const sgr = /\u001B\[[\d;]*m/g;

/** `left`, padded to `width` cells, then `right`: two columns as Ink lays out two boxes in a row. */
function beside(left: string, width: number, right: string): string {
	if (right === '') return left;
	const used = left.replace(sgr, '').length;
	return `${left}${' '.repeat(Math.max(0, width - used))}${right}`;
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
	const caption = session.caption();
	const layout = computeLayout(columns, rows, caption !== undefined);
	if (layout.kind === 'too-small') return undefined;
	const window = placeWindow(session, {offset: 0, index: 0}, undefined, layout.treeRows);
	const mainHeight = rows - 3 - (layout.caption ? 1 : 0);
	const tree = block(
		treeLines(
			{
				lines: window.lines,
				selectedPid: window.selected?.hostPid,
				width: layout.treeWidth,
				height: layout.treeRows,
				count: window.count,
				offset: window.placement.offset,
			},
			theme,
		),
		layout.treeRows + 1,
	);
	let main: string[];
	if (layout.kind === 'wide') {
		const panel = columnLines(theme, session, layout.panel.width, layout.panel.height).lines;
		main = tree.map((line, i) => beside(line, layout.treeWidth + 1, panel[i] ?? ''));
	} else {
		const strip = stripLines(theme, session, columns, layout.panel.height, 'pods');
		const {left} = stripWidths(columns);
		main = [...tree, ...strip.left.map((line, i) => beside(line, left + 1, strip.right[i] ?? ''))];
	}
	return [
		statusLine(theme, session.status(), columns, window.count),
		...(caption !== undefined ? [captionLine(theme, caption, columns)] : []),
		...block(main, mainHeight),
		'',
		hintLine(theme, columns),
	];
}
