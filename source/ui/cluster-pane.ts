// The cluster pane (R-SCHED): one line per node with a memory bar (allocated, held, free), what is
// placed there, and a line for the scheduler (queue, held offers, commits in flight). The node whose
// process tree is shown is marked; `m` or `:node NAME` switches it.
import {fit} from './format.js';
import {sectionTitle} from './section-title.js';
import {paint} from './styled.js';
import type {Theme} from './theme-data.js';

export type ClusterNodeRow = {
	name: string;
	/** Bytes. */
	allocatable: number;
	allocated: number;
	held: number;
	/** What the scheduler placed there: Pods (Kubernetes) or containers (the others). */
	placed: string[];
	/** This node's process tree is the one on screen. */
	shown: boolean;
};

export type ClusterView = {
	/** The scheduler as one phrase, e.g. "Docker Swarm (binpack)". */
	scheduler: string;
	nodes: ClusterNodeRow[];
	/** One line about what waits: queue, Pending, held, in flight, deadlock, conflicts. */
	state: string;
	/** `:compare`: the same pods under each scheduler, one line each, instead of the nodes. */
	compare?: {label: string; outcome: string}[];
};

/** Rows the pane takes: a title, a line per node, the state line. */
export function clusterHeight(view: ClusterView | undefined): number {
	if (!view) return 0;
	return view.compare ? view.compare.length + 1 : view.nodes.length + 2;
}

/** Binary units, whole where they divide (1Gi, 1280Mi), as the schedulers print them. */
function short(bytes: number): string {
	if (bytes === 0) return '0';
	if (bytes % 2 ** 30 === 0) return `${bytes / 2 ** 30}Gi`;
	if (bytes % 2 ** 20 === 0) return `${bytes / 2 ** 20}Mi`;
	return `${Math.ceil(bytes / 1024)}Ki`;
}

/** Exactly `height` lines (a node line per node first; the state line last). */
export function clusterLines(theme: Theme, view: ClusterView, width: number, height: number): string[] {
	const {glyphs: g, palette: p, ascii} = theme;
	if (view.compare) {
		const label = Math.max(...view.compare.map((r) => r.label.length));
		const rows = [
			sectionTitle(theme, 'Compare: the same pods under each scheduler', width, ':compare closes'),
			...view.compare.map((r) =>
				paint(
					[
						[`${r.label.padEnd(label)} `, {bold: true}],
						fit(r.outcome, Math.max(0, width - label - 1), ascii),
					],
					theme.color,
				),
			),
		];
		return Array.from({length: Math.max(0, height)}, (_, i) => rows[i] ?? '');
	}
	const name = Math.min(12, Math.max(...view.nodes.map((n) => n.name.length)));
	const bar = width >= 70 ? 16 : 10;
	const lines = [sectionTitle(theme, `Cluster ${g.rule} ${view.scheduler}`, width, 'm: node')];
	for (const n of view.nodes) {
		const cells = (bytes: number) => Math.min(bar, Math.round((bytes / n.allocatable) * bar));
		const used = cells(n.allocated);
		const held = Math.min(bar - used, cells(n.held));
		const over = n.allocated > n.allocatable;
		const amounts = `${short(n.allocated)}/${short(n.allocatable)}${n.held > 0 ? ` held ${short(n.held)}` : ''}`;
		const head = `${n.shown ? (ascii ? '>' : g.pointer) : ' '}${n.name.padEnd(name).slice(0, name)} `;
		const tail = ` ${amounts} ${n.placed.join(' ')}`;
		lines.push(
			paint(
				[
					[head, n.shown ? {bold: true, color: p.accent} : {}],
					[g.barFull.repeat(used), {color: over ? p.error : p.ok}],
					[(ascii ? '+' : '▒').repeat(held), {color: p.warn}],
					[g.barEmpty.repeat(bar - used - held), {color: p.muted}],
					fit(tail, Math.max(0, width - head.length - bar), ascii),
				],
				theme.color,
			),
		);
	}
	lines.push(paint([[fit(view.state, width, ascii), {color: p.muted}]], theme.color));
	return Array.from({length: Math.max(0, height)}, (_, i) => lines[i] ?? '');
}
