import {Text} from 'ink';
import {useTheme} from './theme.js';

type Props = {title: string; width: number; right?: string; active?: boolean};

/** A one-line pane title ruled to the pane's width: compact, htop-like, no box borders. */
export function SectionTitle({title, width, right = '', active = true}: Props) {
	const {glyphs: g, palette: p} = useTheme();
	const head = `${g.rule} ${title} `;
	const tail = right ? ` ${right} ${g.rule}` : '';
	const rule = g.rule.repeat(Math.max(0, width - head.length - tail.length));
	return (
		<Text wrap="truncate" color={p.muted}>
			{g.rule}{' '}
			<Text bold color={active ? p.accent : undefined}>
				{title}
			</Text>{' '}
			{rule}
			{tail}
		</Text>
	);
}
