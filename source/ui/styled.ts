// A screen line as one pre-styled string. Ink measures, tokenises and places every Text node on
// every frame (toolchain-notes: ~0.2-0.3 ms per coloured row), so the playground draws each row as
// one Text holding one string, styled here, instead of a Text per column.

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

const attributes = [
	['bold', 1, 22],
	['italic', 3, 23],
	['underline', 4, 24],
	['inverse', 7, 27],
] as const;

type State = {color?: number; bold?: boolean; italic?: boolean; underline?: boolean; inverse?: boolean};

function target(base: Style | undefined, style: Style | undefined, color: boolean, blank: boolean): State {
	const s = {...base, ...style};
	const fg = color && s.color ? colours[s.color] : undefined;
	// Colour and bold on spaces draw nothing: leaving them out keeps lines short and unchanged
	// lines byte-identical. Inverse and underline do show on spaces.
	return {
		color: blank ? undefined : fg,
		bold: !blank && s.bold,
		italic: !blank && s.italic,
		underline: s.underline,
		inverse: s.inverse,
	};
}

function transition(from: State, to: State): string {
	const codes: number[] = [];
	for (const [name, on, off] of attributes)
		if (Boolean(from[name]) !== Boolean(to[name])) codes.push(to[name] ? on : off);
	if (from.color !== to.color) codes.push(to.color ?? 39);
	return codes.length > 0 ? `\u001B[${codes.join(';')}m` : '';
}

const plain: State = {};

/**
 * The spans as one string with SGR codes, only where the look changes. `base` applies to the whole
 * line (a selected row's inverse). Colour codes only when `color` is on (NO_COLOR, --no-color);
 * bold and inverse stay, as Ink's Text keeps them.
 */
export function paint(spans: readonly Span[], color: boolean, base?: Style): string {
	let out = '';
	let state: State = plain;
	for (const span of spans) {
		const [text, style] = typeof span === 'string' ? [span, undefined] : span;
		if (text === '') continue;
		const next = target(base, style, color, text.trim() === '');
		out += transition(state, next) + text;
		state = next;
	}
	return out + transition(state, plain);
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
