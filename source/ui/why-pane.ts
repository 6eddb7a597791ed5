import {fit, formatTime, padLeft} from './format.js';
import type {WhyRow} from './session.js';
import {paint} from './styled.js';
import type {Theme} from './theme-data.js';
import {wrap} from './wrap.js';

const TIME = 6;

/**
 * The first row shown: jump scrolling. Events fill the pane from the top; when it is full it
 * scrolls by half a pane at once, so most new events write one line instead of redrawing every line
 * (bytes per frame, issue 5). At least half a pane of the latest events is always shown.
 */
export function whyStart(rows: WhyRow[], height: number): number {
	const last = rows.at(-1)?.seq;
	if (last === undefined || height <= 1) return Math.max(0, rows.length - height);
	const n = last + 1;
	const half = Math.ceil(height / 2);
	const from = Math.max(0, Math.ceil((n - height) / half) * half);
	const index = rows.findIndex((r) => r.seq !== undefined && r.seq >= from);
	return index === -1 ? Math.max(0, rows.length - height) : index;
}

/** One event's lines: time, rule and text, wrapped at words under the text (never cut mid-word). */
export function whyRowLines(theme: Theme, row: WhyRow, width: number, selected = false): string[] {
	const {palette: p, glyphs: g} = theme;
	const words = wrap(`${row.rule} ${row.text}`, Math.max(8, width - TIME - 1));
	const mark = selected ? g.pointer : ' ';
	return words.map((line, i) => {
		const head = i === 0 ? padLeft(formatTime(row.t), TIME - 1) : ' '.repeat(TIME - 1);
		const text: [string, {color?: string}][] =
			i === 0 && line.startsWith(row.rule)
				? [
						[row.rule, {color: p.accent}],
						[line.slice(row.rule.length), {}],
					]
				: [[line, {}]];
		return paint(
			[[`${mark}${head} `, {color: p.muted}], ...text],
			theme.color,
			selected ? {inverse: true} : undefined,
		);
	});
}

/**
 * The latest explained events, newest last, each with the rule that made it happen, wrapped. Lines
 * are placed by position (lines.tsx): the same event can happen twice at the same virtual time.
 * `selected`: the `seq` of the row the why cursor is on (its rule card opens with Enter).
 */
export function whyLines(
	theme: Theme,
	rows: WhyRow[],
	width: number,
	height: number,
	selected?: number,
): string[] {
	const {palette: p, ascii} = theme;
	if (height <= 0) return [];
	let shown = rows.slice(whyStart(rows, height)).slice(-height);
	if (shown.length === 0)
		return [paint([[fit('nothing has happened yet', width, ascii), {color: p.muted}]], theme.color)];
	const linesOf = (list: WhyRow[]) =>
		list.map((row) => whyRowLines(theme, row, width, row.seq === selected && selected !== undefined));
	let lines = linesOf(shown);
	// Wrapped rows take more lines: drop the oldest by half a pane at a time (still jump scrolling).
	while (lines.flat().length > height && shown.length > 1) {
		const drop = Math.max(1, Math.min(shown.length - 1, Math.floor(shown.length / 2)));
		shown = shown.slice(drop);
		lines = lines.slice(drop);
	}
	const flat = lines.flat();
	return flat.length > height ? flat.slice(0, height) : flat;
}

/**
 * The why pane with a cursor (`w`): `rows` are the latest events, oldest first; `back` counts rows
 * up from the newest to the one under the cursor. The pane shows the cursor's row whole with as
 * many rows around it as fit.
 */
export function whyCursorLines(
	theme: Theme,
	rows: WhyRow[],
	width: number,
	height: number,
	back: number,
): string[] {
	if (height <= 0 || rows.length === 0) return whyLines(theme, rows, width, height);
	const at = Math.max(0, rows.length - 1 - back);
	const linesOf = (i: number) => whyRowLines(theme, rows[i]!, width, i === at);
	let from = at;
	let to = at + 1;
	let used = linesOf(at).length;
	// Rows after the cursor first (what came next), then before it, while they fit.
	while (to < rows.length && used + linesOf(to).length <= height) used += linesOf(to++).length;
	while (from > 0 && used + linesOf(from - 1).length <= height) used += linesOf(--from).length;
	const lines: string[] = [];
	for (let i = from; i < to; i++) lines.push(...linesOf(i));
	return lines.slice(0, height);
}
