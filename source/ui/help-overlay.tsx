import {Box, Text} from 'ink';
import {padRight} from './format.js';
import {bindingLabel, type KeyGroup, keyTable} from './keys.js';
import {useTheme} from './theme.js';

type Props = {width: number; height: number};

type Item = {kind: 'group'; group: KeyGroup} | {kind: 'key'; keys: string; help: string};

/** Every key as bound, read from the same table as the input handler. Flows into columns to fit. */
export function HelpOverlay({width, height}: Props) {
	const {palette: p, ascii} = useTheme();
	const items: Item[] = [];
	for (const binding of keyTable) {
		const last = items.findLast((i) => i.kind === 'group');
		if (last?.kind !== 'group' || last.group !== binding.group)
			items.push({kind: 'group', group: binding.group});
		items.push({kind: 'key', keys: bindingLabel(binding, ascii), help: binding.help});
	}
	const rows = Math.max(1, height - 2);
	const columns = Math.ceil(items.length / rows);
	const columnWidth = Math.floor(width / columns);
	const keyWidth = Math.min(12, Math.max(...items.map((i) => (i.kind === 'key' ? i.keys.length : 0))) + 1);
	const chunks = Array.from({length: columns}, (_, c) => items.slice(c * rows, (c + 1) * rows));
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold wrap="truncate">
				<Text color={p.accent}>Keys</Text>
				<Text color={p.muted}> (simulation paused; ? or Esc closes)</Text>
			</Text>
			<Box flexDirection="row">
				{chunks.map((chunk, c) => (
					// A blank cell between columns: a cut help text never runs into the next column's keys.
					<Box key={String(c)} flexDirection="column" width={Math.max(1, columnWidth - 1)} marginRight={1}>
						{chunk.map((item) =>
							item.kind === 'group' ? (
								<Text key={`g${item.group}`} bold underline wrap="truncate">
									{item.group}
								</Text>
							) : (
								<Text key={`k${item.keys}`} wrap="truncate">
									<Text bold color={p.accent}>
										{padRight(item.keys, keyWidth)}
									</Text>
									{item.help}
								</Text>
							),
						)}
					</Box>
				))}
			</Box>
		</Box>
	);
}
