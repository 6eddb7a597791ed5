import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {fillBar, padLeft, padRight} from './format.js';
import type {QueueRow} from './session.js';
import {useTheme} from './theme.js';

type Props = {queues: QueueRow[]; width: number; height: number};

/** System V queues per IPC namespace, with a fill bar against msg_qbytes (R-IPC-4, R-IPC-5). */
export function QueuesPane({queues, width, height}: Props) {
	const {palette: p, glyphs: g, ascii} = useTheme();
	const bar = Math.max(4, Math.min(20, width - 40));
	const withPeers = height - 1 >= queues.length * 2;
	const lines: ReactNode[] = [];
	for (const q of queues) {
		const full = q.bytes >= q.limit;
		const id = `${q.ipcNamespace}/${q.key}`;
		lines.push(
			<Text key={id} wrap="truncate">
				{padRight(q.key, 10, ascii)} {padLeft(String(q.messages), 5)}{' '}
				<Text color={full ? p.error : p.bar}>{fillBar(q.bytes, q.limit, bar, g.barFull, g.barEmpty)}</Text>{' '}
				{`${q.bytes}/${q.limit}`}
				{full ? <Text color={p.error}> FULL</Text> : null}
			</Text>,
		);
		if (withPeers)
			lines.push(
				<Text key={`${id}/peers`} wrap="truncate" color={p.muted}>
					{'  '}ipc:[{q.ipcNamespace}] {q.producers.join(',') || '-'} {ascii ? '->' : '→'}{' '}
					{q.consumers.join(',') || '-'}
				</Text>,
			);
	}
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold wrap="truncate">
				{padRight('KEY', 10)} {padLeft('MSGS', 5)} {padRight('FILL', bar)} BYTES/LIMIT
			</Text>
			{queues.length === 0 ? (
				<Text color={p.muted}>no message queues</Text>
			) : (
				lines.slice(0, Math.max(0, height - 1))
			)}
		</Box>
	);
}
