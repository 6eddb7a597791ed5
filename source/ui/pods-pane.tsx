import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {clip, moreLabel} from './clip.js';
import {padLeft, padRight} from './format.js';
import {podColumns, READY_WIDTH, shortRestarts} from './pod-columns.js';
import type {PodRow} from './session.js';
import {type Palette, useTheme} from './theme.js';

type Props = {pods: PodRow[]; width: number; height: number};

/** Colour of a kubectl STATUS; the word itself is always printed. */
export function statusColour(status: string, p: Palette): string | undefined {
	if (status === 'Running' || status === 'Completed' || status === 'Succeeded') return p.ok;
	if (/BackOff|Error|Failed|OOMKilled|Unknown|Signal|ExitCode/.test(status)) return p.error;
	return p.warn;
}

/** Pods as `kubectl get pods` prints them, with a line of container states under each when room allows. */
export function PodsPane({pods, width, height}: Props) {
	const {palette: p, ascii} = useTheme();
	const c = podColumns(pods, width);
	const age = (text: string) => (c.age > 0 ? ` ${text}` : '');
	const withContainers = height - 1 >= pods.length * 2;
	const lines: ReactNode[] = [];
	for (const pod of pods) {
		lines.push(
			<Text key={pod.name} wrap="truncate">
				{padRight(pod.name, c.name, ascii)} {padLeft(pod.ready, READY_WIDTH)}{' '}
				<Text color={statusColour(pod.status, p)}>{padRight(pod.status, c.status, ascii)}</Text>{' '}
				{padRight(c.shortRestarts ? shortRestarts(pod.restarts) : pod.restarts, c.restarts, ascii)}
				{age(pod.age)}
			</Text>,
		);
		if (withContainers)
			lines.push(
				<Text key={`${pod.name}/c`} wrap="truncate" color={p.muted}>
					{'  '}
					{pod.containers.map((x) => `${x.name}:${x.reason ?? x.state}`).join(' ')}
					{pod.shareProcessNamespace ? ' shareProcessNamespace' : ''}
					{pod.hostIPC ? ' hostIPC' : ''}
				</Text>,
			);
	}
	const {shown, more} = clip(lines, Math.max(0, height - 1));
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold wrap="truncate">
				{padRight('NAME', c.name)} READY {padRight('STATUS', c.status)} {padRight('RESTARTS', c.restarts)}
				{age('AGE')}
			</Text>
			{pods.length === 0 ? <Text color={p.muted}>no pods</Text> : shown}
			{more > 0 ? <Text color={p.muted}>{moreLabel(more, 'pods')}</Text> : null}
		</Box>
	);
}
