import {Box, Text} from 'ink';
import {memo} from 'react';

/**
 * One screen line: one Text with one pre-styled string (styled.ts). Memoised on the string, so a
 * line that did not change is not re-rendered by React, and Ink writes nothing for it
 * (incrementalRendering rewrites only changed lines).
 */
export const Line = memo(function Line({text}: {text: string}) {
	// An empty Text is zero rows tall: a blank line is a space, so the lines below keep their place.
	return <Text wrap="truncate">{text === '' ? ' ' : text}</Text>;
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
				<Line key={i} text={text} />
			))}
		</Box>
	);
}
