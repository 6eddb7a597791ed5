import {fit, padLeft, padRight} from './format.js';
import type {ProcessRow} from './session.js';
import {paint, type Span, type Style} from './styled.js';
import {stateColour, type Theme} from './theme-data.js';
import type {TreeColumns} from './tree-columns.js';
import {processPrefix} from './tree-prefix.js';

type Tone = 'zombie' | 'adopted' | 'holder' | 'muted';

/** Marks after the name: each is a word as well as a colour, so it reads without colour too. */
function marks(row: ProcessRow, holder: string, adopted: string) {
	const list: {text: string; tone: Tone}[] = [];
	if (row.zombie) list.push({text: '<defunct>', tone: 'zombie'});
	if (row.adopted) list.push({text: `${adopted}adopted`, tone: 'adopted'});
	if (row.holds.length > 0) list.push({text: `${holder}${row.holds.join(',')}`, tone: 'holder'});
	if (row.collapsed && row.hasChildren) list.push({text: '(collapsed)', tone: 'muted'});
	return list;
}

/** `pod/container`, or just `pod` for the pod's own processes outside any container (the shim). */
export function podColumn(row: Pick<ProcessRow, 'pod' | 'container'>): string {
	if (!row.pod) return '';
	return row.container ? `${row.pod}/${row.container}` : row.pod;
}

/** One process: PID, innermost namespace PID, state letter, tree branch, name, marks, pod/container. */
/** The name split around the first match of `search` (case-insensitive), the match underlined. */
function nameSpans(name: string, search: string | undefined, style: Style): Span[] {
	const needle = search?.trim().toLowerCase() ?? '';
	const at = needle === '' || /^\d+$/.test(needle) ? -1 : name.toLowerCase().indexOf(needle);
	if (at < 0) return [[name, style]];
	const end = at + needle.length;
	const parts: [string, Style][] = [
		[name.slice(0, at), style],
		[name.slice(at, end), {...style, underline: true}],
		[name.slice(end), style],
	];
	return parts.filter(([text]) => text !== '');
}

export function processLine(
	row: ProcessRow,
	columns: TreeColumns,
	selected: boolean,
	theme: Theme,
	search?: string,
): string {
	const {glyphs: g, palette: p, ascii} = theme;
	const nested = row.nsPids.length > 1;
	const nsPid = nested ? String(row.nsPids.at(-1)) : '-';
	const expander = row.hasChildren ? (row.collapsed ? g.collapsed : g.expanded) : g.leaf;
	const prefix = `${processPrefix(row, g)}${expander} `;
	let room = columns.tree - prefix.length;
	const name = fit(row.comm, Math.max(1, room), ascii);
	room -= name.length;
	// A numeric search matches a PID at any level (findMatch): the PIDs it matches are underlined.
	const pidMatch = search !== undefined && /^\d+$/.test(search.trim()) ? Number(search.trim()) : undefined;
	const spans: Span[] = [
		// The pointer marks the selection; otherwise a changed row is marked (a glyph, not only colour).
		selected
			? [g.pointer, {bold: true, color: p.accent}]
			: row.change === 'now'
				? [g.changed, {bold: true, color: p.warn}]
				: row.change === 'recent'
					? [g.changedBefore, {color: p.muted}]
					: ' ',
		[
			padLeft(String(row.hostPid), columns.pid),
			{bold: !nested && row.depth === 0, underline: pidMatch === row.hostPid},
		],
		' ',
		[
			padLeft(nsPid, columns.nsPid),
			{
				color: row.nsInit && nested ? p.accent : undefined,
				bold: row.nsInit,
				underline: nested && pidMatch !== undefined && pidMatch === row.nsPids.at(-1),
			},
		],
		' ',
		[row.state, {color: stateColour(theme, row.state), bold: row.state !== 'S'}],
		' ',
		[prefix, {color: p.muted}],
		...nameSpans(name, search, {
			bold: (row.nsInit && nested) || row.change === 'now',
			color: row.zombie ? p.zombie : row.change === 'now' ? p.warn : undefined,
		}),
	];
	for (const m of marks(row, g.holder, g.adopted)) {
		if (room < m.text.length + 1) continue;
		room -= m.text.length + 1;
		spans.push(' ', [m.text, {color: p[m.tone]}]);
	}
	spans.push(' '.repeat(Math.max(0, room)));
	if (columns.where > 0) spans.push(' ', [padRight(podColumn(row), columns.where, ascii), {color: p.muted}]);
	return paint(spans, theme.color, selected ? {inverse: true} : undefined);
}
