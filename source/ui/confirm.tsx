import {Text} from 'ink';
import {printable} from '../text/printable.js';
import {useTheme} from './theme.js';

/** A yes/no question on the message line; only y or Enter goes ahead. */
export function Confirm({question}: {question: string}) {
	const {palette: p} = useTheme();
	return (
		<Text wrap="truncate">
			<Text bold color={p.warn}>
				{printable(question)}
			</Text>{' '}
			<Text color={p.muted}>[y/N]</Text>
		</Text>
	);
}
