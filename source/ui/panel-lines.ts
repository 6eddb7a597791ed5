// The info panel's lines as styled strings (styled.ts): pure, so the first frame can be drawn before
// Ink has loaded (first-frame.ts) and Ink draws the very same lines. An open menu (never in the
// first frame) is drawn by MenuView in info-panel.tsx instead of the lines above `from`.
import {detailsLines} from './details-pane.js';
import {namespacesLines} from './namespaces-pane.js';
import {podsLines} from './pods-pane.js';
import {queuesLines} from './queues-pane.js';
import {sectionTitle} from './section-title.js';
import type {ProcessRow, Session} from './session.js';
import {storyLines} from './story-pane.js';
import type {Theme} from './theme-data.js';
import type {InfoPane} from './ui-state.js';
import {whyCursorLines, whyLines} from './why-pane.js';

export const paneTitles: Record<InfoPane, string> = {
	pods: 'Pods',
	story: 'Story',
	namespaces: 'Namespaces',
	queues: 'Queues',
	details: 'Details',
};

/** Exactly `height` lines: blank lines below, the rest cut. */
export const block = (lines: string[], height: number) =>
	Array.from({length: Math.max(0, height)}, (_, i) => lines[i] ?? '');

/** What the UI state adds to the panes: the why cursor (`w`), the story's scroll. */
export type PaneView = {
	whyBack?: number;
	storyBack?: number;
	/** The selected process: its pod stays in view, its namespaces come first. */
	selected?: ProcessRow;
	/** The last `/` search: matching rows of the tree are underlined. */
	search?: string;
};

/** The node's own namespaces: those of the host init (PID 1). */
function nodeNamespaces(session: Session): number[] {
	return session.processRows(0, 1)[0]?.nsIds ?? [];
}

function whyPane(theme: Theme, session: Session, width: number, height: number, view: PaneView): string[] {
	if (view.whyBack === undefined) return whyLines(theme, session.why(height), width, height);
	return whyCursorLines(theme, session.why(view.whyBack + height), width, height, view.whyBack);
}

function paneLines(
	theme: Theme,
	pane: InfoPane,
	session: Session,
	width: number,
	height: number,
	view: PaneView = {},
): string[] {
	if (pane === 'pods') return podsLines(theme, session.pods(), width, height, view.selected?.pod);
	if (pane === 'story') return storyLines(theme, session.narration(), width, height, view.storyBack);
	if (pane === 'namespaces')
		return namespacesLines(
			theme,
			session.namespaces(),
			width,
			height,
			view.selected?.nsIds,
			nodeNamespaces(session),
		);
	if (pane === 'details')
		return detailsLines(
			theme,
			view.selected ? session.details(view.selected.hostPid) : undefined,
			width,
			height,
		);
	return queuesLines(theme, session.queues(), width, height);
}

/** Narrow terminals: the strip's left and right columns' widths. */
export function stripWidths(width: number): {left: number; right: number} {
	// Half the width: the pods table (NAME READY STATUS RESTARTS) needs ~38 cells to read whole.
	const left = Math.max(34, Math.floor(width * 0.5));
	return {left, right: width - left - 1};
}

function tabsTitle(theme: Theme, panes: readonly InfoPane[], pane: InfoPane, width: number): string {
	const tabs = panes.map((p) => (p === pane ? `[${paneTitles[p]}]` : paneTitles[p]));
	// Too narrow for every tab name: the chosen pane's name and the key that changes it.
	const title = tabs.join(' ').length + 10 <= width ? tabs.join(' ') : `[${paneTitles[pane]}]`;
	return sectionTitle(theme, title, width, 'Tab');
}

/** The panes Tab cycles through in each layout (the wide column always shows the pods). */
export const narrowPanes: readonly InfoPane[] = ['pods', 'story', 'details', 'namespaces', 'queues'];
export const widePanes: readonly InfoPane[] = ['story', 'details', 'namespaces', 'queues'];

/** Narrow terminals: one info pane at a time (Tab cycles) on the left, the why pane on the right. */
export function stripLines(
	theme: Theme,
	session: Session,
	width: number,
	height: number,
	pane: InfoPane,
	view: PaneView = {},
): {left: string[]; right: string[]} {
	const {left, right} = stripWidths(width);
	const why = [
		sectionTitle(theme, 'Why', right, view.whyBack === undefined ? 'w' : 'Enter card'),
		...whyPane(theme, session, right, height - 1, view),
	];
	return {
		left: block(
			[tabsTitle(theme, narrowPanes, pane, left), ...paneLines(theme, pane, session, left, height - 1, view)],
			height,
		),
		right: block(why, height),
	};
}

/**
 * Wide terminals: the pods on top, the pane Tab chooses (the story first), then the why pane with
 * what is left. `menuItems`: an open menu's length (it takes the pods pane's place). `from`: the
 * first line below the menu.
 */
export function columnLines(
	theme: Theme,
	session: Session,
	width: number,
	height: number,
	pane: InfoPane = 'story',
	menuItems?: number,
	view: PaneView = {},
): {lines: string[]; from: number} {
	const pods = session.pods();
	const slot = widePanes.includes(pane) ? pane : 'story';
	const podsHeight =
		menuItems !== undefined
			? Math.min(9, menuItems + 2)
			: Math.min(1 + pods.length * 2, Math.max(4, Math.floor(height / 4)));
	const slotHeight = Math.max(3, Math.floor((height - podsHeight - 3) * 0.4));
	const whyHeight = Math.max(2, height - podsHeight - slotHeight - 3);
	const top =
		menuItems !== undefined
			? []
			: [
					sectionTitle(theme, 'Pods', width),
					...block(podsLines(theme, pods, width, podsHeight, view.selected?.pod), podsHeight),
				];
	const rest = [
		tabsTitle(theme, widePanes, slot, width),
		...block(paneLines(theme, slot, session, width, slotHeight, view), slotHeight),
		sectionTitle(theme, 'Why', width, view.whyBack === undefined ? 'w' : 'Enter card'),
		...whyPane(theme, session, width, whyHeight, view),
	];
	const from = podsHeight + 1;
	return {lines: block([...top, ...rest], height - (menuItems !== undefined ? from : 0)), from};
}
