import {fit} from './format.js';
import {paint} from './styled.js';
import type {Theme} from './theme-data.js';

/** Narration for the current moment of a scenario, one line. */
export function captionLine(theme: Theme, text: string, width: number): string {
	const {palette: p, ascii} = theme;
	const line = `${ascii ? '> ' : '» '}${fit(text.replace(/\s+/g, ' '), width - 2, ascii)}`;
	return paint([[line, {color: p.accent, italic: true}]], theme.color);
}
