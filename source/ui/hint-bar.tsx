import {Text} from 'ink';
import {type ActionId, bindingFor, keyLabel} from './keys.js';
import {useTheme} from './theme.js';

const hints: [ActionId, string][] = [
	['down', 'move'],
	['signal', 'signal'],
	['killPid1', 'kill 1'],
	['toggleShare', 'share'],
	['spawn', 'fork'],
	['togglePlay', 'play'],
	['stepForward', 'step'],
	['command', 'cmd'],
	['help', 'help'],
	['quit', 'quit'],
];

/** Bottom line: the most used keys, labels read from the one key table, cut to the width. */
export function HintBar({width}: {width: number}) {
	const {palette: p, ascii} = useTheme();
	const parts: {key: string; text: string}[] = [];
	let used = 0;
	for (const [action, text] of hints) {
		const key = action === 'down' ? 'j/k' : keyLabel(bindingFor(action).keys[0], ascii);
		const size = key.length + text.length + 2;
		if (used + size > width) break;
		used += size;
		parts.push({key, text});
	}
	return (
		<Text wrap="truncate">
			{parts.map((part) => (
				<Text key={part.text}>
					<Text bold color={p.accent}>
						{part.key}
					</Text>{' '}
					<Text color={p.muted}>{part.text}</Text>{' '}
				</Text>
			))}
		</Text>
	);
}
