import {Text} from 'ink';
import {fit} from './format.js';
import {useTheme} from './theme.js';

/** Narration for the current moment of a scenario, one line. */
export function Caption({text, width}: {text: string; width: number}) {
	const {palette: p, ascii} = useTheme();
	return (
		<Text color={p.accent} italic wrap="truncate">
			{ascii ? '> ' : '» '}
			{fit(text.replace(/\s+/g, ' '), width - 2, ascii)}
		</Text>
	);
}
