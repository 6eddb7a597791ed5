import {Box, Text} from 'ink';
import {padRight} from './format.js';
import {useTheme} from './theme.js';
import type {Menu} from './ui-state.js';

type Props = {menu: Menu; index: number; width: number; height: number};

/** A small pick list: digits choose, j/k and Enter choose, Esc closes. */
export function MenuView({menu, index, width, height}: Props) {
	const {palette: p, glyphs: g, ascii} = useTheme();
	const visible = Math.max(1, height - 2);
	const start = Math.max(0, Math.min(index - visible + 1, menu.items.length - visible));
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold color={p.accent} wrap="truncate">
				{menu.title}
			</Text>
			{menu.items.slice(start, start + visible).map((item, i) => {
				const selected = start + i === index;
				return (
					<Text key={item.key} inverse={selected} wrap="truncate">
						{selected ? g.pointer : ' '} <Text bold>{item.key}</Text> {padRight(item.label, width - 5, ascii)}
					</Text>
				);
			})}
			<Text color={p.muted} wrap="truncate">
				1-{menu.items.length} or j/k Enter choose, Esc cancel
			</Text>
		</Box>
	);
}
