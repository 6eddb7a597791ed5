import {paint} from './styled.js';
import type {Theme} from './theme-data.js';

/** A one-line pane title ruled to the pane's width: compact, htop-like, no box borders. */
export function sectionTitle(theme: Theme, title: string, width: number, right = ''): string {
	const {glyphs: g, palette: p} = theme;
	const head = `${g.rule} ${title} `;
	const tail = right ? ` ${right} ${g.rule}` : '';
	const rule = g.rule.repeat(Math.max(0, width - head.length - tail.length));
	const muted = {color: p.muted};
	return paint(
		[
			[`${g.rule} `, muted],
			[title, {bold: true, color: p.accent}],
			[` ${rule}${tail}`, muted],
		],
		theme.color,
	);
}
