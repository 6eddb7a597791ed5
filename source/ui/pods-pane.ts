import {clip, moreLabel} from './clip.js';
import {fit, padLeft, padRight} from './format.js';
import {podColumns, READY_WIDTH, shortRestarts} from './pod-columns.js';
import type {PodRow} from './session.js';
import {fitSpans, paint} from './styled.js';
import type {Palette, Theme} from './theme-data.js';

/** Colour of a kubectl STATUS; the word itself is always printed. */
export function statusColour(status: string, p: Palette): string | undefined {
	if (status === 'Running' || status === 'Completed' || status === 'Succeeded') return p.ok;
	if (/BackOff|Error|Failed|OOMKilled|Unknown|Signal|ExitCode/.test(status)) return p.error;
	return p.warn;
}

/** Pods as `kubectl get pods` prints them, with a line of container states under each when room allows. */
export function podsLines(theme: Theme, pods: PodRow[], width: number, height: number): string[] {
	const {palette: p, ascii} = theme;
	const c = podColumns(pods, width);
	const age = (text: string) => (c.age > 0 ? ` ${text}` : '');
	const withContainers = height - 1 >= pods.length * 2;
	const lines: string[] = [];
	for (const pod of pods) {
		const restarts = padRight(
			c.shortRestarts ? shortRestarts(pod.restarts) : pod.restarts,
			c.restarts,
			ascii,
		);
		const spans = fitSpans(
			[
				`${padRight(pod.name, c.name, ascii)} ${padLeft(pod.ready, READY_WIDTH)} `,
				[padRight(pod.status, c.status, ascii), {color: statusColour(pod.status, p)}],
				` ${restarts}${age(pod.age)}`,
			],
			width,
			ascii,
		);
		lines.push(paint(spans, theme.color));
		if (withContainers) {
			const states = pod.containers.map((x) => `${x.name}:${x.reason ?? x.state}`).join(' ');
			const flags = `${pod.shareProcessNamespace ? ' shareProcessNamespace' : ''}${pod.hostIPC ? ' hostIPC' : ''}`;
			lines.push(paint([[fit(`  ${states}${flags}`, width, ascii), {color: p.muted}]], theme.color));
		}
	}
	const {shown, more} = clip(lines, Math.max(0, height - 1));
	const head = `${padRight('NAME', c.name)} READY ${padRight('STATUS', c.status)} ${padRight('RESTARTS', c.restarts)}${age('AGE')}`;
	const muted = (text: string) => paint([[fit(text, width, ascii), {color: p.muted}]], theme.color);
	return [
		paint([[fit(head, width, ascii), {bold: true}]], theme.color),
		...(pods.length === 0 ? [muted('no pods')] : shown),
		...(more > 0 ? [muted(moreLabel(more, 'pods'))] : []),
	].slice(0, Math.max(0, height));
}
