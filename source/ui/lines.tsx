import {Box, Text, Transform} from 'ink';
import {memo} from 'react';

const sgr = /\u001B\[[\d;]*m/g;
/**
 * Characters one cell wide whatever the terminal (ASCII, Latin-1, general punctuation, arrows, box
 * drawing, block elements, geometric shapes): a line made only of them is as wide as its length.
 */
const narrow = /^[\u0020-\u007e\u00a0-\u02ff\u2000-\u25ff]*$/;

/** Whether the styled `text` surely fits `width` cells (false when that would need Unicode width tables). */
export function fitsCells(text: string, width: number): boolean {
	const plain = text.includes('\u001B') ? text.replace(sgr, '') : text;
	return plain.length <= width && narrow.test(plain);
}

/**
 * One screen line: one pre-styled string (styled.ts). Memoised on the string, so a line that did not
 * change is not re-rendered by React, and Ink writes nothing for it (incrementalRendering rewrites
 * only changed lines).
 *
 * Frame cost (issue 9, bench/frame.ts): Ink measures every Text of the frame on every frame with
 * string-width, whose grapheme segmentation is most of a frame once a line holds a tree glyph. A
 * line known to fit its `width` is laid out as one placeholder cell and written whole by a
 * Transform, so Ink never measures it; any other line (no width given, too long, or with characters
 * whose width needs Unicode tables) goes through Text and is truncated as before.
 */
export const Line = memo(function Line({text, width}: {text: string; width?: number}) {
	// An empty Text is zero rows tall: a blank line is a space, so the lines below keep their place.
	const shown = text === '' ? ' ' : text;
	if (width !== undefined && fitsCells(shown, width)) return <Transform transform={() => shown}> </Transform>;
	return <Text wrap="truncate">{shown}</Text>;
});

/**
 * A column of lines, keyed by position: lines move with the content (the why pane scrolls) and may
 * repeat (the same event twice at the same time), so their text is no key.
 */
export function Lines({lines, width, height}: {lines: readonly string[]; width: number; height?: number}) {
	return (
		<Box flexDirection="column" width={width} height={height ?? lines.length}>
			{lines.map((text, i) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: a line's place on screen is its identity.
				<Line key={i} text={text} width={width} />
			))}
		</Box>
	);
}
