import {Box, Text} from 'ink';
import {MIN_COLUMNS, MIN_ROWS} from './layout.js';
import {useTheme} from './theme.js';

export {MIN_COLUMNS, MIN_ROWS} from './layout.js';

/** The message in lines that are never cut mid-phrase, each short enough for the smallest screens. */
export function tooSmallLines(columns: number, rows: number, ascii = false): string[] {
	const x = ascii ? 'x' : '×';
	return ['terminal too small', `have ${columns}${x}${rows}, need ${MIN_COLUMNS}${x}${MIN_ROWS}`, 'q quits'];
}

/** Shown instead of the playground below the minimum size, centred; q still quits. */
export function TooSmall({columns, rows}: {columns: number; rows: number}) {
	const {ascii, palette: p} = useTheme();
	const [title, sizes, hint] = tooSmallLines(columns, rows, ascii);
	return (
		<Box width={columns} height={rows} flexDirection="column" justifyContent="center" alignItems="center">
			<Text bold wrap="truncate">
				{title}
			</Text>
			<Text wrap="truncate">{sizes}</Text>
			<Text color={p.muted} wrap="truncate">
				{hint}
			</Text>
		</Box>
	);
}
