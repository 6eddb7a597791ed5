import {Box, Text} from 'ink';
import {padLeft, padRight} from './format.js';
import {ProcessLine} from './process-line.js';
import {useTheme} from './theme.js';
import {treeColumns} from './tree-columns.js';
import {boundaryPrefix, underPrefix} from './tree-prefix.js';
import type {TreeLine} from './tree-window.js';

type Props = {
	lines: TreeLine[];
	selectedPid?: number;
	width: number;
	/** Lines for rows (the header is extra). */
	height: number;
	count: number;
	offset: number;
};

function Header({
	width,
	count,
	offset,
	shown,
}: {
	width: number;
	count: number;
	offset: number;
	shown: number;
}) {
	const {palette: p} = useTheme();
	const c = treeColumns(width);
	const range = count === 0 ? 'no processes' : `${offset + 1}-${Math.min(count, offset + shown)} of ${count}`;
	const left = ` ${padLeft('PID', c.pid)} ${padLeft('NSPID', c.nsPid)} S ${'COMMAND'}`;
	const right = c.where > 0 ? padRight('POD/CONTAINER', c.where) : '';
	const middle = Math.max(1, width - left.length - right.length - 1);
	return (
		<Text bold color={p.accent} wrap="truncate">
			{left}
			<Text color={p.muted} bold={false}>
				{padLeft(range, middle)}
			</Text>{' '}
			{right}
		</Text>
	);
}

/** The host process tree, drawing only the lines that fit (frame cost follows the screen). */
export function ProcessTree({lines, selectedPid, width, height, count, offset}: Props) {
	const {glyphs: g, palette: p} = useTheme();
	const c = treeColumns(width);
	const blank = ' '.repeat(c.mark + c.pid + c.nsPid + c.state + 3);
	const processLines = lines.filter((l) => l.kind === 'process').length;
	return (
		<Box flexDirection="column" width={width} height={height + 1} overflow="hidden">
			<Header width={width} count={count} offset={offset} shown={processLines} />
			{lines.map((line) => {
				if (line.kind === 'process')
					return (
						<ProcessLine
							key={`p${line.row.hostPid}`}
							row={line.row}
							columns={c}
							selected={line.row.hostPid === selectedPid}
						/>
					);
				if (line.kind === 'boundary') {
					const head = `${blank}${boundaryPrefix(line.row, g)}${g.boundary}${g.boundary} ${line.label} `;
					return (
						<Text key={`b${line.row.hostPid}`} color={p.boundary} wrap="truncate">
							{head}
							{g.boundary.repeat(Math.max(0, width - head.length))}
						</Text>
					);
				}
				const branch = line.row.hasChildren ? g.branch : g.lastBranch;
				const label = line.groups.map(([name, n]) => (n > 1 ? `${n}*[{${name}}]` : `{${name}}`)).join(' ');
				return (
					<Text key={`t${line.row.hostPid}`} color={p.muted} wrap="truncate">
						{blank}
						{underPrefix(line.row, g)}
						{branch}
						{label}
					</Text>
				);
			})}
		</Box>
	);
}
