// Where each pane goes for a terminal size. Pure, so sizes are tested without rendering.

/** Below this size the playground says the terminal is too small (too-small.tsx). */
export const MIN_COLUMNS = 60;
export const MIN_ROWS = 16;

export type Layout =
	| {kind: 'too-small'}
	| {
			kind: 'wide' | 'narrow';
			columns: number;
			rows: number;
			/** Caption lines (the current narration, wrapped). */
			caption: number;
			/** Lines of the message line (a long answer wraps onto more). */
			message: number;
			/** Rows of the cluster pane above the tree and panes (0 on a single node). */
			cluster: number;
			/** Rows of tree lines (without its header). */
			treeRows: number;
			treeWidth: number;
			/** wide: the side column; narrow: the strip under the tree. */
			panel: {width: number; height: number};
	  };

/** Side column from this width on; below it, the panes go in a strip under the tree. */
export const WIDE_COLUMNS = 110;

/** The side column follows the terminal: the why pane and the narration use the room (issue 9). */
export const sideWidth = (columns: number) => Math.max(46, Math.floor(columns * 0.42));

/**
 * `captionRows`: lines of narration above the tree; `menuItems`: an open menu's length (the strip
 * grows so every choice shows); `clusterRows`: the cluster pane's rows (R-SCHED), taken from the
 * top of the main area while the tree keeps 4; `messageRows`: lines of the answer above the hints.
 */
export function computeLayout(
	columns: number,
	rows: number,
	captionRows: number,
	menuItems = 0,
	clusterRows = 0,
	messageRows = 1,
): Layout {
	if (columns < MIN_COLUMNS || rows < MIN_ROWS) return {kind: 'too-small'};
	// Status bar, caption lines, message lines and hint bar: the frame never exceeds `rows`.
	const chrome = 2 + captionRows + messageRows;
	const cluster = Math.max(0, Math.min(clusterRows, rows - chrome - 12));
	const main = rows - chrome - cluster;
	if (columns >= WIDE_COLUMNS) {
		const side = sideWidth(columns);
		const treeWidth = columns - side - 1;
		return {
			kind: 'wide',
			columns,
			rows,
			caption: captionRows,
			message: messageRows,
			cluster,
			treeRows: main - 1,
			treeWidth,
			panel: {width: side, height: main},
		};
	}
	const strip = Math.max(5, Math.min(10, Math.round(main * 0.3)), Math.min(menuItems + 2, main - 5));
	return {
		kind: 'narrow',
		columns,
		rows,
		caption: captionRows,
		message: messageRows,
		cluster,
		treeRows: main - strip - 1,
		treeWidth: columns,
		panel: {width: columns, height: strip},
	};
}
