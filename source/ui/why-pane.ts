import {fit, formatTime, padLeft} from './format.js';
import type {WhyRow} from './session.js';
import {paint} from './styled.js';
import type {Theme} from './theme.js';

/**
 * The latest explained events, newest at the bottom, each with the rule that made it happen. Lines
 * are placed by position (lines.tsx): the same event can happen twice at the same virtual time.
 */
export function whyLines(theme: Theme, rows: WhyRow[], width: number, height: number): string[] {
	const {palette: p, ascii} = theme;
	const shown = rows.slice(-Math.max(0, height));
	if (height <= 0) return [];
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
