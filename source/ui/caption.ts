import {paint} from './styled.js';
import type {Theme} from './theme-data.js';
import {wrapAtMost} from './wrap.js';

/** Caption lines a terminal of `rows` rows gives the narration. */
export const captionRoom = (rows: number) => (rows >= 36 ? 3 : 2);

/**
 * Narration for the current moment, wrapped at words into at most `max` lines (the story pane has it
 * all when it is longer).
 */
export function captionLines(theme: Theme, text: string, width: number, max: number): string[] {
	const {palette: p, ascii} = theme;
	const lines = wrapAtMost(text.replace(/\s+/g, ' ').trim(), Math.max(1, width - 2), max, ascii);
	return lines.map((line, i) =>
		paint(
			[[`${i === 0 ? (ascii ? '> ' : '» ') : '  '}${line}`, {color: p.accent, italic: true}]],
			theme.color,
		),
	);
}
