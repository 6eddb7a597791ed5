// A screen line as one pre-styled string. Ink measures, tokenises and places every Text node on
// every frame (toolchain-notes: ~0.2-0.3 ms per coloured row), so the playground draws each row as
// one Text holding one string, styled here, instead of a Text per column.
import {printable} from '../text/printable.js';

export type Style = {
	color?: string;
	bold?: boolean;
	italic?: boolean;
	inverse?: boolean;
	underline?: boolean;
};

/** Some text and how it looks. A plain string is unstyled text. */
export type Span = string | readonly [text: string, style?: Style];

const colours: Record<string, number> = {
	black: 30,
	red: 31,
	green: 32,
	yellow: 33,
	blue: 34,
	magenta: 35,
	cyan: 36,
	white: 37,
	gray: 90,
	grey: 90,
};

/** SGR start code → its end code. */
const ends: Record<number, number> = {1: 22, 3: 23, 4: 24, 7: 27};
const endOf = (code: number) => ends[code] ?? 39;

/** The SGR start codes a span needs, attributes first, then the colour. */
function codesOf(
	base: Style | undefined,
	style: Style | undefined,
	color: boolean,
	blank: boolean,
): number[] {
	const s = {...base, ...style};
	const codes: number[] = [];
	// Colour, bold and italic on spaces draw nothing: leaving them out keeps lines short and unchanged
	// lines byte-identical. Inverse and underline do show on spaces.
	if (s.bold && !blank) codes.push(1);
	if (s.italic && !blank) codes.push(3);
	if (s.underline) codes.push(4);
	if (s.inverse) codes.push(7);
	const fg = color && s.color && !blank ? colours[s.color] : undefined;
	if (fg !== undefined) codes.push(fg);
	return codes;
}

/**
 * Codes from the active ones to `want`, written exactly as Ink re-encodes styled text
 * (@alcalzone/ansi-tokenize: ends of the dropped codes newest first, then the new codes). Ink then
 * finds the line it re-encodes in its per-frame cache instead of tokenising every line twice.
 */
function transition(active: number[], want: number[]): {sgr: string; active: number[]} {
	const wantEnds = new Set(want.map(endOf));
	const undo = active.filter((c) => (c === 1 ? !want.includes(1) : !wantEnds.has(endOf(c))));
	const add = want.filter((c) => !active.includes(c));
	let sgr = '';
	for (let i = undo.length - 1; i >= 0; i--) sgr += `\u001B[${endOf(undo[i]!)}m`;
	let next = active.filter((c) => !undo.includes(c));
	for (const c of add) {
		sgr += `\u001B[${c}m`;
		next = next.filter((x) => c === 1 || endOf(x) !== endOf(c));
		next.push(c);
	}
	return {sgr, active: next};
}

/**
 * The spans as one string with SGR codes, only where the look changes. `base` applies to the whole
 * line (a selected row's inverse). Colour codes only when `color` is on (NO_COLOR, --no-color);
 * bold and inverse stay, as Ink's Text keeps them. Trailing spaces are left out: the screen is
 * blank there anyway, and Ink measures and tokenises every character of every line each frame.
 */
export function paint(spans: readonly Span[], color: boolean, base?: Style): string {
	let out = '';
	let active: number[] = [];
	const last = lastVisible(spans, base);
	for (let i = 0; i <= last; i++) {
		const span = spans[i]!;
		const [whole, style] = typeof span === 'string' ? [span, undefined] : span;
		const text =
			i === last && !(base?.inverse || style?.inverse || style?.underline) ? whole.trimEnd() : whole;
		if (text === '') continue;
		const step = transition(active, codesOf(base, style, color, text.trim() === ''));
		// Untrusted text (names, narration, program output) is shown, never obeyed (text/printable.ts).
		out += step.sgr + printable(text);
		active = step.active;
	}
	return out + transition(active, []).sgr;
}

/** Index of the last span that shows anything (text, or inverse/underline spaces). */
function lastVisible(spans: readonly Span[], base?: Style): number {
	for (let i = spans.length - 1; i >= 0; i--) {
		const span = spans[i]!;
		const [text, style] = typeof span === 'string' ? [span, undefined] : span;
		if (text.trim() !== '' || (text !== '' && (base?.inverse || style?.inverse || style?.underline)))
			return i;
	}
	return -1;
}

/** Cells a line of spans takes (text is plain ASCII/BMP, one cell a character, as format.ts assumes). */
export function spanWidth(spans: readonly Span[]): number {
	let width = 0;
	for (const span of spans) width += (typeof span === 'string' ? span : span[0]).length;
	return width;
}

/** The spans cut to `width` cells, the last kept one ending with an ellipsis when cut (as fit does). */
export function fitSpans(spans: readonly Span[], width: number, ascii = false): Span[] {
	if (spanWidth(spans) <= width) return [...spans];
	const out: Span[] = [];
	let room = Math.max(0, width - 1);
	for (const span of spans) {
		const [text, style] = typeof span === 'string' ? [span, undefined] : span;
		if (text.length < room || (text.length === room && room === 0)) {
			out.push(span);
			room -= text.length;
			continue;
		}
		out.push([`${text.slice(0, room)}${width > 0 ? (ascii ? '~' : '…') : ''}`, style]);
		break;
	}
	return out;
}
