import {Box, Text} from 'ink';
import {clip, moreLabel} from './clip.js';
import {padLeft, padRight} from './format.js';
import type {NamespaceRow} from './session.js';
import {useTheme} from './theme.js';

type Props = {namespaces: NamespaceRow[]; width: number; height: number};

/** Namespaces with who holds each one alive (R-IPC-3, R-POD-1) and how many processes are in it. */
export function NamespacesPane({namespaces, width, height}: Props) {
	const {palette: p, glyphs: g, ascii} = useTheme();
	const holder = Math.max(8, width - 4 - 11 - 5 - 3);
	const {shown, more} = clip(namespaces, Math.max(0, height - 1));
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold wrap="truncate">
				{'TYPE'} {padRight('ID', 11)} {padRight('HOLDER', holder)} {padLeft('PROCS', 5)}
			</Text>
			{namespaces.length === 0 ? <Text color={p.muted}>no namespaces</Text> : null}
			{shown.map((ns) => (
				<Text key={`${ns.type}:${ns.id}`} wrap="truncate">
					<Text color={p.boundary}>{padRight(ns.type, 4)}</Text> {padRight(String(ns.id), 11)}{' '}
					<Text color={p.holder}>{padRight(`${g.holder}${ns.holder}`, holder, ascii)}</Text>{' '}
					{padLeft(String(ns.members), 5)}
				</Text>
			))}
			{more > 0 ? <Text color={p.muted}>{moreLabel(more, 'namespaces')}</Text> : null}
		</Box>
	);
}
