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
			caption: boolean;
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
const SIDE_WIDTH = 46;

/**
 * `menuItems`: an open menu's length; the strip grows so every choice shows. `clusterRows`: the
 * cluster pane's rows (R-SCHED), taken from the top of the main area while the tree keeps 4.
 */
export function computeLayout(
	columns: number,
	rows: number,
	hasCaption: boolean,
	menuItems = 0,
	clusterRows = 0,
): Layout {
	if (columns < MIN_COLUMNS || rows < MIN_ROWS) return {kind: 'too-small'};
	// Status bar, optional caption, message line and hint bar: the frame never exceeds `rows`.
	const chrome = 3 + (hasCaption ? 1 : 0);
	const cluster = Math.max(0, Math.min(clusterRows, rows - chrome - 12));
	const main = rows - chrome - cluster;
	if (columns >= WIDE_COLUMNS) {
		const treeWidth = columns - SIDE_WIDTH - 1;
		return {
			kind: 'wide',
			columns,
			rows,
			caption: hasCaption,
			cluster,
			treeRows: main - 1,
			treeWidth,
			panel: {width: SIDE_WIDTH, height: main},
		};
	}
	const strip = Math.max(5, Math.min(10, Math.round(main * 0.3)), Math.min(menuItems + 2, main - 5));
	return {
		kind: 'narrow',
		columns,
		rows,
		caption: hasCaption,
		cluster,
		treeRows: main - strip - 1,
		treeWidth: columns,
		panel: {width: columns, height: strip},
	};
}
