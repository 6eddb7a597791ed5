import {Box, Text} from 'ink';
import {fit, formatTime, padLeft} from './format.js';
import type {WhyRow} from './session.js';
import {useTheme} from './theme.js';

type Props = {rows: WhyRow[]; width: number; height: number};

/** The latest explained events, newest at the bottom, each with the rule that made it happen. */
export function WhyPane({rows, width, height}: Props) {
	const {palette: p, ascii} = useTheme();
	const shown = rows.slice(-height);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{shown.length === 0 ? <Text color={p.muted}>nothing has happened yet</Text> : null}
			{shown.map((row) => (
				<Text key={`${row.t} ${row.rule} ${row.text}`} wrap="truncate">
					<Text color={p.muted}>{padLeft(formatTime(row.t), 6)}</Text>{' '}
					<Text color={p.accent}>{row.rule}</Text> {fit(row.text, width - 8 - row.rule.length, ascii)}
				</Text>
			))}
		</Box>
	);
}
