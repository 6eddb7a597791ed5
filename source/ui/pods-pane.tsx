import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {padLeft, padRight} from './format.js';
import type {PodRow} from './session.js';
import {type Palette, useTheme} from './theme.js';

type Props = {pods: PodRow[]; width: number; height: number};

/** Colour of a kubectl STATUS; the word itself is always printed. */
export function statusColour(status: string, p: Palette): string | undefined {
	if (status === 'Running' || status === 'Completed' || status === 'Succeeded') return p.ok;
	if (/BackOff|Error|Failed|OOMKilled|Unknown|Signal|ExitCode/.test(status)) return p.error;
	return p.warn;
}

const widest = (values: string[], header: string, max: number) =>
	Math.min(max, Math.max(header.length, ...values.map((v) => v.length)));

/** Pods as `kubectl get pods` prints them, with a line of container states under each when room allows. */
export function PodsPane({pods, width, height}: Props) {
	const {palette: p, ascii} = useTheme();
	const status = widest(
		pods.map((pod) => pod.status),
		'STATUS',
		16,
	);
	const restarts = widest(
		pods.map((pod) => pod.restarts),
		'RESTARTS',
		12,
	);
	const name = Math.max(
		4,
		Math.min(
			widest(
				pods.map((pod) => pod.name),
				'NAME',
				24,
			),
			width - status - restarts - 5 - 4 - 4,
		),
	);
	const withContainers = height - 1 >= pods.length * 2;
	const lines: ReactNode[] = [];
	for (const pod of pods) {
		lines.push(
			<Text key={pod.name} wrap="truncate">
				{padRight(pod.name, name, ascii)} {padLeft(pod.ready, 5)}{' '}
				<Text color={statusColour(pod.status, p)}>{padRight(pod.status, status, ascii)}</Text>{' '}
				{padRight(pod.restarts, restarts, ascii)} {pod.age}
			</Text>,
		);
		if (withContainers)
			lines.push(
				<Text key={`${pod.name}/c`} wrap="truncate" color={p.muted}>
					{'  '}
					{pod.containers.map((c) => `${c.name}:${c.reason ?? c.state}`).join(' ')}
					{pod.shareProcessNamespace ? ' shareProcessNamespace' : ''}
					{pod.hostIPC ? ' hostIPC' : ''}
				</Text>,
			);
	}
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold wrap="truncate">
				{padRight('NAME', name)} READY {padRight('STATUS', status)} {padRight('RESTARTS', restarts)} AGE
			</Text>
			{pods.length === 0 ? <Text color={p.muted}>no pods</Text> : lines.slice(0, Math.max(0, height - 1))}
		</Box>
	);
}
