import {paint} from './styled.js';
import type {Theme} from './theme-data.js';
import {wrap, wrapAtMost} from './wrap.js';

/**
 * Caption lines a terminal of `rows` rows gives the narration: enough at a projector's 100×30 for
 * every narration of the bundled scenarios in full (the story pane has everything, always).
 */
export const captionRoom = (rows: number) => (rows >= 30 ? 4 : rows >= 24 ? 3 : 2);

const SEPARATOR = ' — ';
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The current moment's narration (`texts`, oldest first) wrapped at words into at most `max` lines.
 * When they do not all fit, the newest win: older ones give way whole (the story pane keeps them),
 * so the line just said is never the one cut; one text too long alone ends at a word with a mark.
 */
export function captionLines(theme: Theme, texts: readonly string[], width: number, max: number): string[] {
	const {palette: p, ascii} = theme;
	const room = Math.max(1, width - 2);
	const clean = texts.map(oneLine).filter((t) => t !== '');
	let lines: string[] = [];
	for (let start = 0; start < clean.length && lines.length === 0; start++) {
		const fitted = wrap(clean.slice(start).join(SEPARATOR), room);
		if (fitted.length <= max) lines = fitted;
	}
	if (lines.length === 0 && clean.length > 0) lines = wrapAtMost(clean.at(-1)!, room, max, ascii);
	return lines.map((line, i) =>
		paint(
			[[`${i === 0 ? (ascii ? '> ' : '» ') : '  '}${line}`, {color: p.accent, italic: true}]],
			theme.color,
		),
	);
}
