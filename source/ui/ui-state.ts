// The playground's own state (what is open, what is selected) and how keys change it. Pure: keys
// become a new state plus effects as data; app.tsx applies the effects to the session.
import {
	deleteCommand,
	hostIpcCommand,
	killPid1Command,
	orphanCommand,
	type SignalName,
	shareCommand,
	signalCommand,
	signalNames,
	spawnCommand,
	superviseCommand,
} from './commands.js';
import {call, type Effect, run} from './effects.js';
import {formatTime} from './format.js';
import type {KeyInfo} from './keys.js';
import {mapKey} from './map-key.js';
import type {
	BranchInfo,
	BreakpointKind,
	PaneName,
	PodRow,
	ProcessRow,
	Session,
	SessionStatus,
	WhyRow,
} from './session.js';
import {findMatch, matchPosition} from './tree-window.js';

export type MenuItem = {label: string; key: string; effects: Effect[]; confirm?: string};
/** `stay`: choosing an item keeps the menu open, rebuilt (the breakpoints' checkboxes). */
export type Menu = {title: string; items: MenuItem[]; stay?: (session: Session) => Menu};

export type PromptKind = 'command' | 'search' | 'pid';

export type Mode =
	| {kind: 'normal'}
	| {kind: 'help'}
	| {kind: 'menu'; menu: Menu; index: number}
	| {kind: 'confirm'; question: string; effects: Effect[]}
	| {kind: 'prompt'; prompt: PromptKind; text: string; historyIndex: number; completions: string[]}
	/** A cursor in the why pane, `back` rows up from the newest event. */
	| {kind: 'why'; back: number}
	/** The rule card of one why row. */
	| {kind: 'card'; row: WhyRow; back: number};

export type InfoPane = PaneName;

export type Message = {text: string; error: boolean};

export type UiState = {
	mode: Mode;
	selectedPid?: number;
	search: string;
	message?: Message;
	/** Command-line history, oldest first. */
	history: string[];
	/** The pane the user chose with Tab. */
	pane: InfoPane;
	/** The chapter in which the user chose it: a new chapter's `focus` wins over an older choice. */
	paneChapter?: string;
	/** Time was playing when a prompt, menu or help opened: it plays again when they close. */
	resume?: boolean;
	/** Lines the story pane is scrolled up from its end. */
	storyBack?: number;
	/** Rebuild the open menu once the chosen item's effects have run. */
	reopen?: (session: Session) => Menu;
};

export const initialUiState: UiState = {mode: {kind: 'normal'}, search: '', history: [], pane: 'pods'};

/**
 * The pane shown: the chapter's focus until the user picks another pane in that chapter. `panes`:
 * those the layout cycles through (the wide column always shows the pods above them).
 */
export function shownPane(state: UiState, status: SessionStatus, panes: readonly InfoPane[]): InfoPane {
	const wanted = status.focus && state.paneChapter !== (status.chapter ?? '') ? status.focus : state.pane;
	return panes.includes(wanted) ? wanted : panes[0]!;
}

/** What the reducer may read about the current frame. */
export type View = {
	session: Session;
	/** Index of the selected row as shown (it can differ from the PID's row when that one is gone). */
	index: number;
	selected?: ProcessRow;
	/** Rows in one page of the tree. */
	page: number;
	/** The panes Tab cycles through in this layout. */
	panes?: readonly InfoPane[];
};

export type Step = {state: UiState; effects: Effect[]};

const normal: Mode = {kind: 'normal'};
const defaultPanes: readonly InfoPane[] = ['pods', 'story', 'details', 'namespaces', 'queues'];

const say = (state: UiState, text: string, error = true): Step => ({
	state: {...state, mode: normal, message: {text, error}},
	effects: [],
});

function selectIndex(state: UiState, view: View, index: number): Step {
	const count = view.session.processCount();
	if (count === 0) return {state, effects: []};
	const row = view.session.processRows(Math.max(0, Math.min(count - 1, index)), 1)[0];
	return {state: {...state, selectedPid: row?.hostPid ?? state.selectedPid}, effects: []};
}

function selectedPod(view: View): PodRow | undefined {
	const name = view.selected?.pod;
	return name === undefined ? undefined : view.session.pods().find((p) => p.name === name);
}

const signalMenu = (row: ProcessRow): Menu => ({
	title: `Signal ${row.comm} (pid ${row.hostPid})`,
	items: signalNames.map((signal: SignalName, i) => ({
		label: `SIG${signal}`,
		key: String(i + 1),
		effects: [run(signalCommand(row, signal))],
		confirm: signal === 'KILL' ? `Send SIGKILL to ${row.comm} (pid ${row.hostPid})?` : undefined,
	})),
});

const superviseMenu = (row: ProcessRow): Menu => ({
	title: `Supervise ${row.pod}/${row.container} with`,
	items: (['systemd', 'tini', 'dumb-init', 'none'] as const).map((s, i) => ({
		label: s,
		key: String(i + 1),
		effects: [run(superviseCommand(row, s))],
	})),
});

const breakpointLabels: Record<BreakpointKind, string> = {
	zombie: 'a zombie appears',
	'pid1-exit': 'a PID 1 exits',
	'queue-gone': 'a queue disappears',
};

const breakpointsMenu = (session: Session): Menu => {
	const current = session.breakpoints();
	return {
		title: 'Pause when (armed: [x])',
		items: (Object.keys(breakpointLabels) as BreakpointKind[]).map((kind, i) => ({
			label: `[${current[kind] ? 'x' : ' '}] ${breakpointLabels[kind]}`,
			key: String(i + 1),
			effects: [call('setBreakpoint', kind, !current[kind])],
		})),
		stay: breakpointsMenu,
	};
};

/**
 * `B`: each branch with its split point (the time it left its parent) and its time (where it is
 * shown: the moment on screen for the current one, its last moment for the others); `*` marks the
 * branch on screen, by more than colour.
 */
export const branchesMenu = (session: Session): Menu => {
	const infos: BranchInfo[] =
		session.branchInfo?.() ?? session.branches().map((name) => ({name, current: false, end: 0, now: 0}));
	const known = session.branchInfo !== undefined;
	return {
		title: 'Switch branch (* = current)',
		items: infos.map((b, i) => ({
			label: known ? branchLabel(b) : b.name,
			key: String(i + 1),
			effects: [call('switchBranch', b.name)],
		})),
	};
};

/** `* branch-1 t=3.0s split 1.0s`: short enough for the menu at 60 columns (the parent named when not main). */
export function branchLabel(b: BranchInfo): string {
	const parent = b.parent === 'main' ? '' : `${b.parent}@`;
	const from = b.split !== undefined ? ` split ${parent}${formatTime(b.split)}` : '';
	return `${b.current ? '*' : ' '} ${b.name} t=${formatTime(b.now)}${from}`;
}

const depthMenu: Menu = {
	title: 'Collapse to depth',
	items: [1, 2, 3, 4, 5].map((depth) => ({
		label: `depth ${depth}`,
		key: String(depth),
		effects: [call('collapseToDepth', depth)],
	})),
};

const openMenu = (state: UiState, menu: Menu): Step => ({
	state: {...state, mode: {kind: 'menu', menu, index: 0}, message: undefined},
	effects: [],
});

const openPrompt = (state: UiState, prompt: PromptKind, text = ''): Step => ({
	state: {
		...state,
		mode: {kind: 'prompt', prompt, text, historyIndex: state.history.length, completions: []},
	},
	effects: [],
});

const confirm = (state: UiState, question: string, effects: Effect[]): Step => ({
	state: {...state, mode: {kind: 'confirm', question, effects}, message: undefined},
	effects: [],
});

function search(state: UiState, view: View, term: string, direction: 1 | -1): Step {
	if (term.trim() === '') return say(state, 'no search yet: press / and type a name or PID');
	const found = findMatch(view.session, term, view.index, direction);
	if (found < 0) return say({...state, search: term}, `no process matches "${term}"`);
	const {at, of} = matchPosition(view.session, term, found);
	return selectIndex(
		{
			...state,
			search: term,
			mode: normal,
			message: {text: `${at}/${of} "${term}" (n next, N previous)`, error: false},
		},
		view,
		found,
	);
}

function needsRow(state: UiState, view: View, then: (row: ProcessRow) => Step): Step {
	return view.selected ? then(view.selected) : say(state, 'no process selected');
}

function needsContainer(state: UiState, view: View, then: (row: ProcessRow) => Step): Step {
	return needsRow(state, view, (row) =>
		row.pod && row.container
			? then(row)
			: say(state, `${row.comm} (pid ${row.hostPid}) is not in a container`),
	);
}

function needsPod(state: UiState, view: View, then: (pod: PodRow) => Step): Step {
	return needsRow(state, view, (row) => {
		const pod = selectedPod(view);
		return pod ? then(pod) : say(state, `${row.comm} (pid ${row.hostPid}) is not in a pod`);
	});
}

const effect = (state: UiState, ...effects: Effect[]): Step => ({
	state: {...state, message: undefined},
	effects,
});

function normalKey(state: UiState, input: string, key: KeyInfo, view: View): Step {
	// An open question (a scenario's ask:) takes the digits 1-9 as answers.
	const question = view.session.question?.();
	if (question && question.answer === undefined && /^[1-9]$/.test(input) && !key.ctrl && !key.meta)
		return effect(state, run(`answer ${input}`));
	const action = mapKey(input, key);
	const {session} = view;
	switch (action) {
		case undefined:
			return {state, effects: []};
		case 'down':
			return selectIndex(state, view, view.index + 1);
		case 'up':
			return selectIndex(state, view, view.index - 1);
		case 'pageDown':
			return selectIndex(state, view, view.index + view.page);
		case 'pageUp':
			return selectIndex(state, view, view.index - view.page);
		case 'top':
			return selectIndex(state, view, 0);
		case 'bottom':
			return selectIndex(state, view, session.processCount() - 1);
		case 'jumpPid':
			return openPrompt(state, 'pid', input);
		case 'search':
			return openPrompt(state, 'search');
		case 'searchNext':
			return search(state, view, state.search, 1);
		case 'searchPrev':
			return search(state, view, state.search, -1);
		case 'toggleCollapse':
			return needsRow(state, view, (row) =>
				row.hasChildren || row.collapsed
					? effect(state, call(row.collapsed ? 'expand' : 'collapse', row.hostPid))
					: {state, effects: []},
			);
		case 'collapse':
			return needsRow(state, view, (row) => effect(state, call('collapse', row.hostPid)));
		case 'expand':
			return needsRow(state, view, (row) => effect(state, call('expand', row.hostPid)));
		case 'collapseAll':
			return effect(state, call('collapseAll'));
		case 'expandAll':
			return effect(state, call('expandAll'));
		case 'collapseDepth':
			return openMenu(state, depthMenu);
		case 'signal':
			return needsRow(state, view, (row) => openMenu(state, signalMenu(row)));
		case 'killPid1':
			return needsContainer(state, view, (row) =>
				confirm(state, `Send SIGKILL to PID 1 of ${row.pod}/${row.container}?`, [run(killPid1Command(row))]),
			);
		case 'toggleShare':
			return needsPod(state, view, (pod) => effect(state, run(shareCommand(pod))));
		case 'toggleHostIpc':
			return needsPod(state, view, (pod) => effect(state, run(hostIpcCommand(pod))));
		case 'supervise':
			return needsContainer(state, view, (row) => openMenu(state, superviseMenu(row)));
		case 'spawn':
			return needsRow(state, view, (row) => effect(state, run(spawnCommand(row))));
		case 'orphan':
			return needsRow(state, view, (row) => effect(state, run(orphanCommand(row))));
		case 'deletePod':
			return needsPod(state, view, (pod) =>
				confirm(state, `Delete pod ${pod.name}?`, [run(deleteCommand(pod))]),
			);
		case 'togglePlay':
			return effect(state, call('togglePlay'));
		case 'stepForward':
			return effect(state, call('stepForward'));
		case 'stepBack':
			return effect(state, call('stepBack'));
		case 'stepMoment':
			return effect(state, call('stepMoment'));
		case 'stepMomentBack':
			return effect(state, call('stepMomentBack'));
		case 'slower':
			return effect(state, call('slower'));
		case 'faster':
			return effect(state, call('faster'));
		case 'prevChapter':
			return effect(state, call('prevChapter'));
		case 'nextChapter':
			return effect(state, call('nextChapter'));
		case 'breakpoints':
			return openMenu(state, breakpointsMenu(session));
		case 'branches':
			return openMenu(state, branchesMenu(session));
		case 'command':
			return openPrompt(state, 'command');
		case 'nextPane': {
			const status = session.status();
			const panes = view.panes ?? defaultPanes;
			const now = panes.indexOf(shownPane(state, status, panes));
			return {
				state: {...state, pane: panes[(now + 1) % panes.length]!, paneChapter: status.chapter ?? ''},
				effects: [],
			};
		}
		case 'nextNode':
			return effect(state, run('node'));
		case 'help':
			return {state: {...state, mode: {kind: 'help'}}, effects: []};
		case 'why':
			return {
				state: {
					...state,
					mode: {kind: 'why', back: 0},
					message: {text: 'why: j/k choose an event, Enter opens its rule card, Esc returns', error: false},
				},
				effects: [],
			};
		case 'storyUp':
			return {
				state: {...state, storyBack: (state.storyBack ?? 0) + Math.max(1, Math.floor(view.page / 2))},
				effects: [],
			};
		case 'storyDown':
			return {
				state: {
					...state,
					storyBack: Math.max(0, (state.storyBack ?? 0) - Math.max(1, Math.floor(view.page / 2))),
				},
				effects: [],
			};
		case 'quit':
			return {state, effects: [{type: 'quit'}]};
	}
}

function menuKey(state: UiState, mode: Extract<Mode, {kind: 'menu'}>, input: string, key: KeyInfo): Step {
	const {items} = mode.menu;
	if (key.escape || input === 'q') return {state: {...state, mode: normal}, effects: []};
	if (key.downArrow || input === 'j')
		return {state: {...state, mode: {...mode, index: (mode.index + 1) % items.length}}, effects: []};
	if (key.upArrow || input === 'k')
		return {
			state: {...state, mode: {...mode, index: (mode.index - 1 + items.length) % items.length}},
			effects: [],
		};
	const chosen = key.return ? items[mode.index] : items.find((item) => item.key === input);
	if (!chosen) return {state, effects: []};
	if (chosen.confirm) return confirm(state, chosen.confirm, chosen.effects);
	// A menu that stays open is rebuilt after its effects have run (app.tsx: `reopen`).
	if (mode.menu.stay)
		return {state: {...state, reopen: mode.menu.stay, message: undefined}, effects: chosen.effects};
	return {state: {...state, mode: normal, message: undefined}, effects: chosen.effects};
}

function confirmKey(
	state: UiState,
	mode: Extract<Mode, {kind: 'confirm'}>,
	input: string,
	key: KeyInfo,
): Step {
	if (input === 'y' || input === 'Y' || key.return)
		return {state: {...state, mode: normal, message: undefined}, effects: mode.effects};
	if (input === 'n' || input === 'N' || key.escape || input === 'q')
		return {state: {...state, mode: normal, message: {text: 'cancelled', error: false}}, effects: []};
	return {state, effects: []};
}

function submitPrompt(state: UiState, mode: Extract<Mode, {kind: 'prompt'}>, view: View): Step {
	const text = mode.text.trim();
	const back = {...state, mode: normal};
	if (mode.prompt === 'search') return text === '' ? {state: back, effects: []} : search(back, view, text, 1);
	if (mode.prompt === 'pid') {
		const index = view.session.indexOfPid(Number(text));
		if (!/^\d+$/.test(text) || index < 0) return say(back, `no visible process with host PID ${text}`);
		return selectIndex({...back, message: undefined}, view, index);
	}
	if (text === '') return {state: back, effects: []};
	const history = state.history.at(-1) === text ? state.history : [...state.history, text].slice(-100);
	if (text === 'q' || text === 'quit') return {state: {...back, history}, effects: [{type: 'quit'}]};
	return {state: {...back, history, message: undefined}, effects: [run(text)]};
}

function promptKey(
	state: UiState,
	mode: Extract<Mode, {kind: 'prompt'}>,
	input: string,
	key: KeyInfo,
	view: View,
) {
	const set = (patch: Partial<typeof mode>): Step => ({
		state: {...state, mode: {...mode, ...patch}},
		effects: [],
	});
	if (key.escape) return {state: {...state, mode: normal}, effects: []};
	if (key.return) return submitPrompt(state, mode, view);
	if (key.backspace || key.delete) {
		if (mode.text === '') return {state: {...state, mode: normal}, effects: []};
		return set({text: mode.text.slice(0, -1), completions: []});
	}
	if (mode.prompt === 'command' && (key.upArrow || key.downArrow)) {
		const historyIndex = Math.max(
			0,
			Math.min(state.history.length, mode.historyIndex + (key.upArrow ? -1 : 1)),
		);
		return set({historyIndex, text: state.history[historyIndex] ?? '', completions: []});
	}
	if (mode.prompt === 'command' && key.tab) return set(completeText(view.session, mode.text));
	if (key.ctrl || key.meta || key.tab || input === '') return {state, effects: []};
	// Pasted text arrives in one piece; keep only printable characters on one line.
	const clean = input.replace(/[\r\n\t]/g, ' ').replace(/[^\x20-\x7e]/g, '');
	if (mode.prompt === 'pid' && !/^\d*$/.test(clean)) return {state, effects: []};
	return set({text: (mode.text + clean).slice(0, 200), completions: []});
}

/** Tab: one candidate completes the line; several extend it to their common prefix and are listed. */
export function completeText(session: Session, text: string): {text: string; completions: string[]} {
	let candidates: string[];
	try {
		candidates = session.complete(text);
	} catch {
		candidates = [];
	}
	if (candidates.length === 0) return {text, completions: []};
	// A unique candidate is a finished word: add the space so the next word can be typed at once.
	if (candidates.length === 1) return {text: candidates[0].replace(/(\S)$/, '$1 '), completions: []};
	let prefix = candidates[0];
	for (const c of candidates) while (!c.startsWith(prefix)) prefix = prefix.slice(0, -1);
	return {text: prefix.length > text.length ? prefix : text, completions: candidates};
}

function helpKey(state: UiState, input: string, key: KeyInfo): Step {
	if (input === '?' || input === 'q' || key.escape || key.return)
		return {state: {...state, mode: normal}, effects: []};
	return {state, effects: []};
}

/**
 * Pure: the next UI state and the effects of one key press. Whatever opens over the tree (a
 * prompt, a menu, a question, help) stops virtual time while it is open and lets it play again as
 * it was when it closes: nothing happens unseen behind a prompt.
 */
export function reduceKey(state: UiState, input: string, key: KeyInfo, view: View): Step {
	const step = reduceMode(state, input, key, view);
	const wasOpen = state.mode.kind !== 'normal';
	const isOpen = step.state.mode.kind !== 'normal';
	if (!wasOpen && isOpen) {
		const playing = view.session.status().playing;
		return {
			state: {...step.state, resume: playing},
			effects: playing ? [call('pause'), ...step.effects] : step.effects,
		};
	}
	// Play first: a command typed at the prompt (`:pause`, `:goto`) then has the last word.
	if (wasOpen && !isOpen && state.resume)
		return {state: {...step.state, resume: false}, effects: [call('play'), ...step.effects]};
	return step;
}

/** `w`: a cursor in the why pane; Enter opens the row's rule card. */
function whyKey(
	state: UiState,
	mode: Extract<Mode, {kind: 'why'}>,
	input: string,
	key: KeyInfo,
	view: View,
): Step {
	const move = (back: number): Step => {
		const wanted = Math.max(0, back);
		const got = view.session.why(wanted + 1).length;
		return {
			state: {...state, mode: {kind: 'why', back: Math.max(0, Math.min(wanted, got - 1))}},
			effects: [],
		};
	};
	if (key.escape || input === 'q' || input === 'w')
		return {state: {...state, mode: normal, message: undefined}, effects: []};
	if (key.upArrow || input === 'k') return move(mode.back + 1);
	if (key.downArrow || input === 'j') return move(mode.back - 1);
	if (key.pageUp) return move(mode.back + view.page);
	if (key.pageDown) return move(mode.back - view.page);
	if (key.home || input === 'G') return move(0);
	if (key.return) {
		const row = view.session.why(mode.back + 1)[0];
		return row
			? {state: {...state, mode: {kind: 'card', row, back: mode.back}}, effects: []}
			: {state, effects: []};
	}
	return {state, effects: []};
}

function cardKey(
	state: UiState,
	mode: Extract<Mode, {kind: 'card'}>,
	input: string,
	key: KeyInfo,
	view: View,
): Step {
	if (key.escape || key.return || input === 'q')
		return {state: {...state, mode: {kind: 'why', back: mode.back}}, effects: []};
	// j/k walk the events with the card open.
	if (input === 'j' || input === 'k' || key.upArrow || key.downArrow) {
		const back = Math.max(0, mode.back + (input === 'k' || key.upArrow ? 1 : -1));
		const row = view.session.why(back + 1)[0];
		if (row && view.session.why(back + 1).length === back + 1)
			return {state: {...state, mode: {kind: 'card', row, back}}, effects: []};
	}
	return {state, effects: []};
}

function reduceMode(state: UiState, input: string, key: KeyInfo, view: View): Step {
	const {mode} = state;
	// Ctrl-C quits from the tree; over a prompt, menu, question or help it only closes them.
	if (key.ctrl && input === 'c')
		return mode.kind === 'normal'
			? {state, effects: [{type: 'quit'}]}
			: {state: {...state, mode: normal, message: {text: 'cancelled', error: false}}, effects: []};
	switch (mode.kind) {
		case 'normal':
			return normalKey(state, input, key, view);
		case 'help':
			return helpKey(state, input, key);
		case 'why':
			return whyKey(state, mode, input, key, view);
		case 'card':
			return cardKey(state, mode, input, key, view);
		case 'menu':
			return menuKey(state, mode, input, key);
		case 'confirm':
			return confirmKey(state, mode, input, key);
		case 'prompt':
			return promptKey(state, mode, input, key, view);
	}
}
