import {Text} from 'ink';
import {fit, padLeft, padRight} from './format.js';
import type {ProcessRow} from './session.js';
import {stateColour, useTheme} from './theme.js';
import type {TreeColumns} from './tree-columns.js';
import {processPrefix} from './tree-prefix.js';

type Props = {row: ProcessRow; columns: TreeColumns; selected: boolean};

/** Marks after the name: each is a word as well as a colour, so it reads without colour too. */
function marks(row: ProcessRow, holder: string, adopted: string) {
	const list: {text: string; tone: 'zombie' | 'adopted' | 'holder' | 'muted'}[] = [];
	if (row.zombie) list.push({text: '<defunct>', tone: 'zombie'});
	if (row.adopted) list.push({text: `${adopted}adopted`, tone: 'adopted'});
	if (row.holds.length > 0) list.push({text: `${holder}${row.holds.join(',')}`, tone: 'holder'});
	if (row.collapsed && row.hasChildren) list.push({text: '(collapsed)', tone: 'muted'});
	return list;
}

/** `pod/container`, or just `pod` for the pod's own processes outside any container (the shim). */
export function podColumn(row: Pick<ProcessRow, 'pod' | 'container'>): string {
	if (!row.pod) return '';
	return row.container ? `${row.pod}/${row.container}` : row.pod;
}

/** One process: PID, innermost namespace PID, state letter, tree branch, name and marks. */
export function ProcessLine({row, columns, selected}: Props) {
	const theme = useTheme();
	const {glyphs: g, palette: p, ascii} = theme;
	const nsPid = row.nsPids.length > 1 ? String(row.nsPids.at(-1)) : '-';
	const expander = row.hasChildren ? (row.collapsed ? g.collapsed : g.expanded) : g.leaf;
	const prefix = `${processPrefix(row, g)}${expander} `;
	const tones = {zombie: p.zombie, adopted: p.adopted, holder: p.holder, muted: p.muted};
	let room = columns.tree - prefix.length;
	const name = fit(row.comm, Math.max(1, room), ascii);
	room -= name.length;
	const shown = marks(row, g.holder, g.adopted).flatMap((m) => {
		if (room < m.text.length + 1) return [];
		room -= m.text.length + 1;
		return [m];
	});
	const where = podColumn(row);
	return (
		<Text inverse={selected} wrap="truncate">
			<Text bold color={p.accent}>
				{selected ? g.pointer : ' '}
			</Text>
			<Text bold={row.nsPids.length === 1 && row.depth === 0}>
				{padLeft(String(row.hostPid), columns.pid)}
			</Text>{' '}
			<Text color={row.nsInit && row.nsPids.length > 1 ? p.accent : undefined} bold={row.nsInit}>
				{padLeft(nsPid, columns.nsPid)}
			</Text>{' '}
			<Text color={stateColour(theme, row.state)} bold={row.state !== 'S'}>
				{row.state}
			</Text>{' '}
			<Text color={p.muted}>{prefix}</Text>
			<Text bold={row.nsInit && row.nsPids.length > 1} color={row.zombie ? p.zombie : undefined}>
				{name}
			</Text>
			{shown.map((m) => (
				<Text key={m.text} color={tones[m.tone]}>
					{' '}
					{m.text}
				</Text>
			))}
			{' '.repeat(Math.max(0, room))}
			{columns.where > 0 ? <Text color={p.muted}> {padRight(where, columns.where, ascii)}</Text> : null}
		</Text>
	);
}
