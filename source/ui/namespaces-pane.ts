import {clip, moreLabel} from './clip.js';
import {fit, padLeft, padRight} from './format.js';
import type {NamespaceRow} from './session.js';
import {fitSpans, paint} from './styled.js';
import type {Theme} from './theme-data.js';

/**
 * The selected process's namespaces first (in its order: pid, ipc, net, uts, mnt), then the other
 * pods', the node's own last (those whose id is the host's: `nodeIds`).
 */
export function orderNamespaces(
	namespaces: readonly NamespaceRow[],
	first: readonly number[] = [],
	nodeIds: readonly number[] = [],
): NamespaceRow[] {
	const rank = (ns: NamespaceRow) => {
		const i = first.indexOf(ns.id);
		if (i !== -1) return i;
		return nodeIds.includes(ns.id) ? first.length + 2 : first.length + 1;
	};
	return [...namespaces].sort((a, b) => rank(a) - rank(b));
}

/** Namespaces with who holds each one alive (R-IPC-3, R-POD-1) and how many processes are in it. */
export function namespacesLines(
	theme: Theme,
	namespaces: NamespaceRow[],
	width: number,
	height: number,
	first: readonly number[] = [],
	nodeIds: readonly number[] = [],
): string[] {
	const {palette: p, glyphs: g, ascii} = theme;
	const holder = Math.max(8, width - 4 - 11 - 5 - 3);
	const ordered = orderNamespaces(namespaces, first, nodeIds);
	const {shown, more} = clip(ordered, Math.max(0, height - 1));
	const muted = (text: string) => paint([[fit(text, width, ascii), {color: p.muted}]], theme.color);
	const head = `TYPE ${padRight('ID', 11)} ${padRight('HOLDER', holder)} ${padLeft('PROCS', 5)}`;
	const rows = shown.map((ns) =>
		paint(
			fitSpans(
				[
					[padRight(ns.type, 4), {color: p.boundary}],
					` ${padRight(String(ns.id), 11)} `,
					[padRight(`${g.holder}${ns.holder}`, holder, ascii), {color: p.holder}],
					` ${padLeft(String(ns.members), 5)}`,
				],
				width,
				ascii,
			),
			theme.color,
			first.includes(ns.id) ? {bold: true} : undefined,
		),
	);
	return [
		paint([[fit(head, width, ascii), {bold: true}]], theme.color),
		...(namespaces.length === 0 ? [muted('no namespaces')] : []),
		...rows,
		...(more > 0 ? [muted(moreLabel(more, 'namespaces'))] : []),
	].slice(0, Math.max(0, height));
}
