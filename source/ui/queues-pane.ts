import {fillBar, fit, padLeft, padRight} from './format.js';
import type {QueueRow} from './session.js';
import {fitSpans, paint, type Span} from './styled.js';
import type {Theme} from './theme-data.js';

/** System V queues per IPC namespace, with a fill bar against msg_qbytes (R-IPC-4, R-IPC-5). */
export function queuesLines(theme: Theme, queues: QueueRow[], width: number, height: number): string[] {
	const {palette: p, glyphs: g, ascii} = theme;
	const bar = Math.max(4, Math.min(20, width - 40));
	const withPeers = height - 1 >= queues.length * 2;
	const lines: string[] = [];
	for (const q of queues) {
		const full = q.bytes >= q.limit;
		const spans: Span[] = [
			`${padRight(q.key, 10, ascii)} ${padLeft(String(q.messages), 5)} `,
			[fillBar(q.bytes, q.limit, bar, g.barFull, g.barEmpty), {color: full ? p.error : p.bar}],
			` ${q.bytes}/${q.limit}`,
		];
		if (full) spans.push([' FULL', {color: p.error}]);
		lines.push(paint(fitSpans(spans, width, ascii), theme.color));
		if (withPeers) {
			const peers = `  ipc:[${q.ipcNamespace}] ${q.producers.join(',') || '-'} ${ascii ? '->' : '→'} ${q.consumers.join(',') || '-'}`;
			lines.push(paint([[fit(peers, width, ascii), {color: p.muted}]], theme.color));
		}
	}
	const head = `${padRight('KEY', 10)} ${padLeft('MSGS', 5)} ${padRight('FILL', bar)} BYTES/LIMIT`;
	return [
		paint([[fit(head, width, ascii), {bold: true}]], theme.color),
		...(queues.length === 0
			? [paint([[fit('no message queues', width, ascii), {color: p.muted}]], theme.color)]
			: lines),
	].slice(0, Math.max(0, height));
}
