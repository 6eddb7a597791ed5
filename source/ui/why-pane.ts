import {fit, formatTime, padLeft} from './format.js';
import type {WhyRow} from './session.js';
import {paint} from './styled.js';
import type {Theme} from './theme-data.js';

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

/**
 * The latest explained events, newest last, each with the rule that made it happen. Lines are
 * placed by position (lines.tsx): the same event can happen twice at the same virtual time.
 */
export function whyLines(theme: Theme, rows: WhyRow[], width: number, height: number): string[] {
	const {palette: p, ascii} = theme;
	if (height <= 0) return [];
	const shown = rows.slice(whyStart(rows, height)).slice(-height);
	if (shown.length === 0)
		return [paint([[fit('nothing has happened yet', width, ascii), {color: p.muted}]], theme.color)];
	return shown.map((row) =>
		paint(
			[
				[padLeft(formatTime(row.t), 6), {color: p.muted}],
				' ',
				[row.rule, {color: p.accent}],
				` ${fit(row.text, width - 8 - row.rule.length, ascii)}`,
			],
			theme.color,
		),
	);
}
