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
import type {KeyInfo} from './keys.js';
import {mapKey} from './map-key.js';
import type {BreakpointKind, PodRow, ProcessRow, Session} from './session.js';
import {findMatch} from './tree-window.js';

export type MenuItem = {label: string; key: string; effects: Effect[]; confirm?: string};
export type Menu = {title: string; items: MenuItem[]};

export type PromptKind = 'command' | 'search' | 'pid';

export type Mode =
	| {kind: 'normal'}
	| {kind: 'help'; resume: boolean}
	| {kind: 'menu'; menu: Menu; index: number}
	| {kind: 'confirm'; question: string; effects: Effect[]}
	| {kind: 'prompt'; prompt: PromptKind; text: string; historyIndex: number; completions: string[]};

export type InfoPane = 'pods' | 'namespaces' | 'queues';
export const infoPanes: InfoPane[] = ['pods', 'namespaces', 'queues'];

export type Message = {text: string; error: boolean};

export type UiState = {
	mode: Mode;
	selectedPid?: number;
	search: string;
	message?: Message;
	/** Command-line history, oldest first. */
	history: string[];
	pane: InfoPane;
};

export const initialUiState: UiState = {mode: {kind: 'normal'}, search: '', history: [], pane: 'pods'};

/** What the reducer may read about the current frame. */
export type View = {
	session: Session;
	/** Index of the selected row as shown (it can differ from the PID's row when that one is gone). */
	index: number;
	selected?: ProcessRow;
	/** Rows in one page of the tree. */
	page: number;
};

export type Step = {state: UiState; effects: Effect[]};

const normal: Mode = {kind: 'normal'};

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
	items: (['systemd', 'tini'] as const).map((s, i) => ({
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
		title: 'Pause when',
		items: (Object.keys(breakpointLabels) as BreakpointKind[]).map((kind, i) => ({
			label: `[${current[kind] ? 'x' : ' '}] ${breakpointLabels[kind]}`,
			key: String(i + 1),
			effects: [call('setBreakpoint', kind, !current[kind])],
		})),
	};
};

const branchesMenu = (session: Session): Menu => ({
	title: 'Switch to branch',
	items: session.branches().map((name, i) => ({
		label: name,
		key: String(i + 1),
		effects: [call('switchBranch', name)],
	})),
});

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
	return selectIndex({...state, search: term, mode: normal, message: undefined}, view, found);
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
		case 'nextPane':
			return {
				state: {...state, pane: infoPanes[(infoPanes.indexOf(state.pane) + 1) % infoPanes.length]},
				effects: [],
			};
		case 'nextNode':
			return effect(state, run('node'));
		case 'help': {
			// Help pauses the simulation while open and resumes it on close if it was playing.
			const playing = session.status().playing;
			return {
				state: {...state, mode: {kind: 'help', resume: playing}},
				effects: playing ? [call('pause')] : [],
			};
		}
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

function helpKey(state: UiState, mode: Extract<Mode, {kind: 'help'}>, input: string, key: KeyInfo): Step {
	if (key.ctrl && input === 'c') return {state, effects: [{type: 'quit'}]};
	if (input === '?' || input === 'q' || key.escape || key.return)
		return {state: {...state, mode: normal}, effects: mode.resume ? [call('play')] : []};
	return {state, effects: []};
}

/** Pure: the next UI state and the effects of one key press. */
export function reduceKey(state: UiState, input: string, key: KeyInfo, view: View): Step {
	const {mode} = state;
	if (mode.kind !== 'help' && key.ctrl && input === 'c') return {state, effects: [{type: 'quit'}]};
	switch (mode.kind) {
		case 'normal':
			return normalKey(state, input, key, view);
		case 'help':
			return helpKey(state, mode, input, key);
		case 'menu':
			return menuKey(state, mode, input, key);
		case 'confirm':
			return confirmKey(state, mode, input, key);
		case 'prompt':
			return promptKey(state, mode, input, key, view);
	}
}
