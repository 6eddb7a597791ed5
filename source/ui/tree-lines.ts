// The process tree's lines as styled strings (styled.ts): pure, so the first frame can be drawn
// before Ink has loaded (first-frame.ts) and Ink draws the very same lines.
import {fit, padLeft, padRight} from './format.js';
import {processLine} from './process-line.js';
import {paint} from './styled.js';
import type {Theme} from './theme-data.js';
import {type TreeColumns, treeColumns} from './tree-columns.js';
import {boundaryPrefix, underPrefix} from './tree-prefix.js';
import type {TreeLine} from './tree-window.js';

export type TreeProps = {
	lines: TreeLine[];
	selectedPid?: number;
	width: number;
	/** Lines for rows (the header is extra). */
	height: number;
	count: number;
	offset: number;
	/** The last `/` search: what matches it is underlined (tree-window.ts, findMatch). */
	search?: string;
};

function header(theme: Theme, width: number, count: number, offset: number, shown: number): string {
	const {palette: p} = theme;
	const c = treeColumns(width);
	const range = count === 0 ? 'no processes' : `${offset + 1}-${Math.min(count, offset + shown)} of ${count}`;
	const left = ` ${padLeft('PID', c.pid)} ${padLeft('NSPID', c.nsPid)} S COMMAND`;
	const right = c.where > 0 ? padRight('POD/CONTAINER', c.where) : '';
	const middle = Math.max(1, width - left.length - right.length - 1);
	const bold = {bold: true, color: p.accent};
	return paint(
		[
			[left, bold],
			[padLeft(range, middle), {color: p.muted}],
			[` ${right}`, bold],
		],
		theme.color,
	);
}

function treeLine(
	line: TreeLine,
	theme: Theme,
	c: TreeColumns,
	width: number,
	selectedPid?: number,
	search?: string,
): string {
	const {glyphs: g, palette: p, ascii} = theme;
	if (line.kind === 'process')
		return processLine(line.row, c, line.row.hostPid === selectedPid, theme, search);
	const blank = ' '.repeat(c.mark + c.pid + c.nsPid + c.state + 3);
	if (line.kind === 'boundary') {
		const head = `${blank}${boundaryPrefix(line.row, g)}${g.boundary}${g.boundary} ${line.label} `;
		const text = fit(head + g.boundary.repeat(Math.max(0, width - head.length)), width, ascii);
		return paint([[text, {color: p.boundary}]], theme.color);
	}
	const branch = line.row.hasChildren ? g.branch : g.lastBranch;
	const label = line.groups.map(([name, n]) => (n > 1 ? `${n}*[{${name}}]` : `{${name}}`)).join(' ');
	const text = fit(`${blank}${underPrefix(line.row, g)}${branch}${label}`, width, ascii);
	return paint([[text, {color: p.muted}]], theme.color);
}

/** The tree's header and rows as styled lines (one string each: see styled.ts). */
export function treeLines(props: TreeProps, theme: Theme): string[] {
	const {lines, selectedPid, width, count, offset, search} = props;
	const c = treeColumns(width);
	const shown = lines.filter((l) => l.kind === 'process').length;
	return [
		header(theme, width, count, offset, shown),
		...lines.map((l) => treeLine(l, theme, c, width, selectedPid, search)),
	];
}
