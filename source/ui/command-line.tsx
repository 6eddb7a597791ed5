import {Text} from 'ink';
import {useTheme} from './theme.js';
import type {PromptKind} from './ui-state.js';

type Props = {prompt: PromptKind; text: string; completions: string[]; width: number};

const marks: Record<PromptKind, string> = {command: ':', search: '/', pid: 'pid '};

/** The `:` command line (and the `/` search and PID prompts): text, a cursor, Tab candidates. */
export function CommandLine({prompt, text, completions, width}: Props) {
	const {palette: p} = useTheme();
	const mark = marks[prompt];
	const room = Math.max(1, width - mark.length - 1);
	const shown = text.length > room ? text.slice(text.length - room) : text;
	const candidates =
		completions.length > 0 ? `  ${completions.map((c) => c.split(' ').at(-1)).join(' ')}` : '';
	return (
		<Text wrap="truncate">
			<Text bold color={p.accent}>
				{mark}
			</Text>
			{shown}
			<Text inverse> </Text>
			<Text color={p.muted}>{candidates}</Text>
		</Text>
	);
}
