import {moreLabel} from './clip.js';
import {fit} from './format.js';
import type {ProcessDetails} from './session.js';
import {paint} from './styled.js';
import type {Theme} from './theme-data.js';
import {wrap} from './wrap.js';

const list = (items: string[]) =>
	items.length > 0 ? items.map((s) => s.replace(/^SIG/, '')).join(' ') : '-';
const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)}Mi`;

/** One process as htop's and k9s' describe show it; each line wrapped at words, never cut. */
export function detailsLines(
	theme: Theme,
	d: ProcessDetails | undefined,
	width: number,
	height: number,
): string[] {
	const {palette: p, ascii} = theme;
	if (height <= 0) return [];
	if (!d) return [paint([[fit('no process selected', width, ascii), {color: p.muted}]], theme.color)];
	const {cgroup: cg, signals: s} = d;
	// What the process is and where it lives first (its container, its namespaces and their
	// holders), then its resources and signals, then the pod's recent events.
	const fields: [string, string][] = [
		['PID', `${d.hostPid}  NSpid ${d.nsPids.join(' ')}  PPid ${d.ppid}  ${d.state}  ${d.comm}`],
		...d.namespaces.map((ns): [string, string] => [ns.type, `[${ns.id}] held by ${ns.holder}`]),
		['pids', `${cg.pidsCurrent}/${cg.pidsMax ?? 'max'} (${cg.path})`],
		['memory', `${mib(cg.memoryCurrent)}/${cg.memoryMax === undefined ? 'max' : mib(cg.memoryMax)}`],
		['threads', String(d.threads)],
		[
			'signals',
			`handled ${list(s.handled)}; ignored ${list(s.ignored)}; blocked ${list(s.blocked)}; pending ${list(s.pending)}`,
		],
	];
	if (d.container) {
		const c = d.container;
		const exit = c.exitCode !== undefined ? ` exit ${c.exitCode}` : '';
		fields.splice(1, 0, [
			'container',
			`${c.pod}/${c.name} ${c.state}${c.reason ? ` ${c.reason}` : ''}${exit}, restarts ${c.restarts}`,
		]);
		for (const e of c.events) fields.push(['event', e]);
	}
	const label = 9;
	const lines: string[] = [];
	for (const [key, value] of fields) {
		wrap(value, Math.max(8, width - label - 1)).forEach((line, i) => {
			lines.push(paint([[(i === 0 ? key : '').padEnd(label), {color: p.accent}], ` ${line}`], theme.color));
		});
	}
	// Nothing hides silently: when the pane is too short, its last row says how much is left out.
	if (lines.length <= height) return lines;
	const shown = lines.slice(0, Math.max(0, height - 1));
	return [
		...shown,
		paint(
			[[fit(moreLabel(lines.length - shown.length, 'lines'), width, ascii), {color: p.muted}]],
			theme.color,
		),
	];
}
