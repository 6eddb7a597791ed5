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

/**
 * Pods as `kubectl get pods` prints them, with a line of container states under each when room
 * allows. `focus`: the selected process's pod, kept in view when not every pod fits.
 */
export function podsLines(
	theme: Theme,
	pods: PodRow[],
	width: number,
	height: number,
	focus?: string,
): string[] {
	const {palette: p, ascii} = theme;
	const c = podColumns(pods, width);
	const age = (text: string) => (c.age > 0 ? ` ${text}` : '');
	const withContainers = height - 1 >= pods.length * 2;
	// Not all fit: scroll so the focused pod is in view, saying how many are above and below.
	const room = Math.max(1, height - 1);
	const at = focus === undefined ? -1 : pods.findIndex((pod) => pod.name === focus);
	let first = 0;
	if (!withContainers && pods.length > room && at >= room - 1) {
		// Scrolled: a line each for the pods above and the pods below.
		const slots = Math.max(1, room - 2);
		first = Math.max(0, Math.min(at - Math.floor(slots / 2), pods.length - slots));
	}
	const lines: string[] = [];
	const above = first;
	for (const pod of pods.slice(first)) {
		const restarts = padRight(
			c.shortRestarts ? shortRestarts(pod.restarts) : pod.restarts,
			c.restarts,
			ascii,
		);
		const spans = fitSpans(
			[
				`${padRight(pod.name, c.name, ascii)} ${padLeft(pod.ready, READY_WIDTH)} `,
				[padRight(pod.status, c.status, ascii), {color: statusColour(pod.status, p)}],
				` ${restarts}${c.pids > 0 ? ` ${padRight(pod.pids ?? '', c.pids)}` : ''}${age(pod.age)}`,
			],
			width,
			ascii,
		);
		lines.push(paint(spans, theme.color, pod.name === focus ? {bold: true} : undefined));
		if (withContainers) {
			const states = pod.containers.map((x) => `${x.name}:${x.reason ?? x.state}`).join(' ');
			const flags = `${pod.shareProcessNamespace ? ' shareProcessNamespace' : ''}${pod.hostIPC ? ' hostIPC' : ''}`;
			lines.push(paint([[fit(`  ${states}${flags}`, width, ascii), {color: p.muted}]], theme.color));
		}
	}
	const {shown, more} = clip(lines, Math.max(0, height - 1 - (above > 0 ? 1 : 0)));
	const head = `${padRight('NAME', c.name)} READY ${padRight('STATUS', c.status)} ${padRight('RESTARTS', c.restarts)}${c.pids > 0 ? ` ${padRight('PIDS', c.pids)}` : ''}${age('AGE')}`;
	const muted = (text: string) => paint([[fit(text, width, ascii), {color: p.muted}]], theme.color);
	return [
		paint([[fit(head, width, ascii), {bold: true}]], theme.color),
		...(above > 0 ? [muted(`${above} more pod${above > 1 ? 's' : ''} above`)] : []),
		...(pods.length === 0 ? [muted('no pods')] : shown),
		...(more > 0 ? [muted(moreLabel(more, 'pods'))] : []),
	].slice(0, Math.max(0, height));
}
