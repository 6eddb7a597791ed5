// The info panel's lines as styled strings (styled.ts): pure, so the first frame can be drawn before
// Ink has loaded (first-frame.ts) and Ink draws the very same lines. An open menu (never in the
// first frame) is drawn by MenuView in info-panel.tsx instead of the lines above `from`.
import {namespacesLines} from './namespaces-pane.js';
import {podsLines} from './pods-pane.js';
import {queuesLines} from './queues-pane.js';
import {sectionTitle} from './section-title.js';
import type {Session} from './session.js';
import type {Theme} from './theme-data.js';
import type {InfoPane} from './ui-state.js';
import {whyLines} from './why-pane.js';

const titles: Record<InfoPane, string> = {pods: 'Pods', namespaces: 'Namespaces', queues: 'Queues'};

/** Exactly `height` lines: blank lines below, the rest cut. */
export const block = (lines: string[], height: number) =>
	Array.from({length: Math.max(0, height)}, (_, i) => lines[i] ?? '');

function paneLines(theme: Theme, pane: InfoPane, session: Session, width: number, height: number): string[] {
	if (pane === 'pods') return podsLines(theme, session.pods(), width, height);
	if (pane === 'namespaces') return namespacesLines(theme, session.namespaces(), width, height);
	return queuesLines(theme, session.queues(), width, height);
}

/** Narrow terminals: the strip's left and right columns' widths. */
export function stripWidths(width: number): {left: number; right: number} {
	// Half the width: the pods table (NAME READY STATUS RESTARTS) needs ~38 cells to read whole.
	const left = Math.max(34, Math.floor(width * 0.5));
	return {left, right: width - left - 1};
}

/** Narrow terminals: one info pane at a time (Tab cycles) on the left, the why pane on the right. */
export function stripLines(
	theme: Theme,
	session: Session,
	width: number,
	height: number,
	pane: InfoPane,
): {left: string[]; right: string[]} {
	const {left, right} = stripWidths(width);
	const tabs = (['pods', 'namespaces', 'queues'] as const).map((p) =>
		p === pane ? `[${titles[p]}]` : titles[p],
	);
	const why = [
		sectionTitle(theme, 'Why', right),
		...whyLines(theme, session.why(height - 1), right, height - 1),
	];
	return {
		left: block(
			[
				sectionTitle(theme, tabs.join(' '), left, 'Tab'),
				...paneLines(theme, pane, session, left, height - 1),
			],
			height,
		),
		right: block(why, height),
	};
}

/**
 * Wide terminals: every pane stacked in a side column; the why pane takes what is left. `menuItems`:
 * an open menu's length (it takes the pods pane's place). `from`: the first line below the menu.
 */
export function columnLines(
	theme: Theme,
	session: Session,
	width: number,
	height: number,
	menuItems?: number,
): {lines: string[]; from: number} {
	const pods = session.pods();
	const queues = session.queues();
	const namespaces = session.namespaces();
	const podsHeight = menuItems !== undefined ? Math.min(9, menuItems + 2) : Math.min(1 + pods.length * 2, 7);
	const nsHeight = Math.min(1 + Math.max(1, namespaces.length), 7);
	const queuesHeight = Math.min(1 + Math.max(1, queues.length) * 2, 5);
	const whyHeight = Math.max(2, height - podsHeight - nsHeight - queuesHeight - 4);
	const top =
		menuItems !== undefined
			? []
			: [sectionTitle(theme, 'Pods', width), ...block(podsLines(theme, pods, width, podsHeight), podsHeight)];
	const rest = [
		sectionTitle(theme, 'Namespaces', width),
		...block(namespacesLines(theme, namespaces, width, nsHeight), nsHeight),
		sectionTitle(theme, 'Queues', width),
		...block(queuesLines(theme, queues, width, queuesHeight), queuesHeight),
		sectionTitle(theme, 'Why', width),
		...whyLines(theme, session.why(whyHeight), width, whyHeight),
	];
	const from = podsHeight + 1;
	return {lines: block([...top, ...rest], height - (menuItems !== undefined ? from : 0)), from};
}
