import {Box, Text} from 'ink';
import {useTheme} from './theme.js';

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 16;

/** Shown instead of the playground below the minimum size; q still quits. */
export function TooSmall({columns, rows}: {columns: number; rows: number}) {
	const x = useTheme().ascii ? 'x' : '×';
	return (
		<Box width={columns} height={rows} flexDirection="column">
			<Text wrap="wrap">
				terminal too small: have {columns}
				{x}
				{rows}, need {MIN_COLUMNS}
				{x}
				{MIN_ROWS}
			</Text>
		</Box>
	);
}
