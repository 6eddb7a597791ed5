import {fit, formatTime, padLeft} from './format.js';
import type {NarrationEntry} from './session.js';
import {paint} from './styled.js';
import type {Theme} from './theme-data.js';
import {wrap} from './wrap.js';

const TIME = 6;

/**
 * The narration log: every `say` and chapter so far in order, wrapped (never cut mid-word), the
 * current ones marked with a pointer as well as a colour. `back`: lines scrolled up from the end.
 */
export function storyLines(
	theme: Theme,
	entries: readonly NarrationEntry[],
	width: number,
	height: number,
	back = 0,
): string[] {
	const {palette: p, glyphs: g, ascii} = theme;
	if (height <= 0) return [];
	if (entries.length === 0)
		return [paint([[fit('no narration yet', width, ascii), {color: p.muted}]], theme.color)];
	const text = Math.max(8, width - TIME - 2);
	const lines: string[] = [];
	for (const e of entries) {
		const words = wrap(e.kind === 'chapter' ? `Chapter ${e.text}` : e.text, text);
		const style = e.current
			? {color: p.accent, bold: e.kind === 'chapter'}
			: {color: e.kind === 'chapter' ? undefined : p.muted, bold: e.kind === 'chapter'};
		words.forEach((w, i) => {
			const mark = i === 0 && e.current ? g.pointer : ' ';
			const time = i === 0 ? padLeft(formatTime(e.at), TIME) : ' '.repeat(TIME);
			lines.push(
				paint(
					[
						[`${mark}${time} `, {color: p.muted}],
						[w, style],
					],
					theme.color,
				),
			);
		});
	}
	const end = Math.max(0, lines.length - Math.max(0, back));
	return lines.slice(Math.max(0, end - height), end);
}

/** Lines the log takes at this width (for scrolling limits). */
export function storyLength(entries: readonly NarrationEntry[], width: number): number {
	const text = Math.max(8, width - TIME - 2);
	return entries.reduce(
		(n, e) => n + Math.max(1, wrap(e.kind === 'chapter' ? `Chapter ${e.text}` : e.text, text).length),
		0,
	);
}
