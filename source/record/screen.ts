// What a recording shows at one moment: the playground's own screen (first-screen.ts composes the
// very line builders Ink draws), with the message line the playground shows after a command.
import {firstScreen} from '../ui/first-screen.js';
import {fit} from '../ui/format.js';
import type {Session} from '../ui/session.js';
import {paint} from '../ui/styled.js';
import type {Theme} from '../ui/theme-data.js';

export type Message = {text: string; error: boolean};

/** The screen's rows (exactly `rows`), or undefined when the size is below the playground's minimum. */
export function screenLines(
	session: Session,
	theme: Theme,
	columns: number,
	rows: number,
	message?: Message,
): string[] | undefined {
	const lines = firstScreen(session, theme, columns, rows);
	if (!lines || !message) return lines;
	// The message line is the one above the hint bar, drawn as app.tsx's MessageLine draws it.
	const {palette: p, ascii} = theme;
	lines[lines.length - 2] = paint(
		[[fit(message.text, columns, ascii), {color: message.error ? p.error : p.ok}]],
		theme.color,
	);
	return lines;
}

/** Hide the cursor, clear the screen: how a recording starts. */
export const SCREEN_START = '\u001B[?25l\u001B[H\u001B[2J';

/**
 * The bytes that turn screen `prev` into `next`: only the rows that changed, each erased then
 * written at its place (erasing first: an erase after a full-width row would eat its last cell).
 */
export function frameOutput(prev: readonly string[] | undefined, next: readonly string[]): string {
	let out = prev ? '' : SCREEN_START;
	for (let y = 0; y < next.length; y++)
		if (!prev || prev[y] !== next[y]) out += `\u001B[${y + 1};1H\u001B[2K${next[y]}`;
	return out;
}
