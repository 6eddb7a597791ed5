import {Text} from 'ink';
import {useTheme} from './theme.js';

/** Narration for the current moment of a scenario, one line. */
export function Caption({text, width}: {text: string; width: number}) {
	const {palette: p, ascii} = useTheme();
	return (
		<Text color={p.accent} italic wrap="truncate">
			{ascii ? '> ' : '» '}
			{text.replace(/\s+/g, ' ').slice(0, width * 2)}
		</Text>
	);
}
