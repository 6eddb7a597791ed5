// THE key table. The input handler (map-key.ts) and the help overlay both read it, so help shows
// every key exactly as it is bound.

/** The subset of Ink's `Key` the playground looks at. */
export type KeyInfo = {
	upArrow?: boolean;
	downArrow?: boolean;
	leftArrow?: boolean;
	rightArrow?: boolean;
	pageUp?: boolean;
	pageDown?: boolean;
	home?: boolean;
	end?: boolean;
	return?: boolean;
	escape?: boolean;
	ctrl?: boolean;
	shift?: boolean;
	tab?: boolean;
	backspace?: boolean;
	delete?: boolean;
	meta?: boolean;
};

export type NamedKey =
	| 'upArrow'
	| 'downArrow'
	| 'leftArrow'
	| 'rightArrow'
	| 'pageUp'
	| 'pageDown'
	| 'home'
	| 'end'
	| 'return'
	| 'escape'
	| 'tab';

/** One physical key: a typed character, a named key, or Ctrl plus a letter. */
export type KeySpec = {input: string; ctrl?: true} | {name: NamedKey};

export type ActionId =
	| 'down'
	| 'up'
	| 'pageDown'
	| 'pageUp'
	| 'top'
	| 'bottom'
	| 'jumpPid'
	| 'search'
	| 'searchNext'
	| 'searchPrev'
	| 'toggleCollapse'
	| 'collapse'
	| 'expand'
	| 'collapseAll'
	| 'expandAll'
	| 'collapseDepth'
	| 'signal'
	| 'killPid1'
	| 'toggleShare'
	| 'toggleHostIpc'
	| 'supervise'
	| 'spawn'
	| 'orphan'
	| 'deletePod'
	| 'togglePlay'
	| 'stepForward'
	| 'stepBack'
	| 'stepMoment'
	| 'stepMomentBack'
	| 'slower'
	| 'faster'
	| 'prevChapter'
	| 'nextChapter'
	| 'breakpoints'
	| 'branches'
	| 'command'
	| 'nextPane'
	| 'nextNode'
	| 'why'
	| 'storyUp'
	| 'storyDown'
	| 'help'
	| 'quit';

export type KeyGroup = 'Move' | 'Tree' | 'Act' | 'Time' | 'Other';

export type Binding = {action: ActionId; keys: KeySpec[]; help: string; group: KeyGroup};

const chars = (...inputs: string[]): KeySpec[] => inputs.map((input) => ({input}));
const digits = chars('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');

export const keyTable: readonly Binding[] = [
	{action: 'down', keys: [...chars('j'), {name: 'downArrow'}], help: 'next process', group: 'Move'},
	{action: 'up', keys: [...chars('k'), {name: 'upArrow'}], help: 'previous process', group: 'Move'},
	{
		action: 'pageDown',
		keys: [{name: 'pageDown'}, {input: 'd', ctrl: true}],
		help: 'page down',
		group: 'Move',
	},
	{action: 'pageUp', keys: [{name: 'pageUp'}, {input: 'u', ctrl: true}], help: 'page up', group: 'Move'},
	{action: 'top', keys: [...chars('g'), {name: 'home'}], help: 'first process', group: 'Move'},
	{action: 'bottom', keys: [...chars('G'), {name: 'end'}], help: 'last process', group: 'Move'},
	{action: 'jumpPid', keys: digits, help: 'jump to host PID', group: 'Move'},
	{action: 'search', keys: chars('/'), help: 'search name/PID', group: 'Move'},
	{action: 'searchNext', keys: chars('n'), help: 'next match', group: 'Move'},
	{action: 'searchPrev', keys: chars('N'), help: 'previous match', group: 'Move'},
	{action: 'toggleCollapse', keys: [{name: 'return'}], help: 'fold/unfold', group: 'Tree'},
	{action: 'collapse', keys: [{name: 'leftArrow'}, ...chars('h')], help: 'fold subtree', group: 'Tree'},
	{action: 'expand', keys: [{name: 'rightArrow'}, ...chars('l')], help: 'unfold subtree', group: 'Tree'},
	{action: 'collapseAll', keys: chars('-'), help: 'fold all', group: 'Tree'},
	{action: 'expandAll', keys: chars('+', '='), help: 'unfold all', group: 'Tree'},
	{action: 'collapseDepth', keys: chars('z'), help: 'fold to depth', group: 'Tree'},
	{action: 'signal', keys: chars('s'), help: 'signal menu', group: 'Act'},
	{action: 'killPid1', keys: chars('K'), help: 'kill its PID 1', group: 'Act'},
	{action: 'toggleShare', keys: chars('P'), help: 'share PID ns', group: 'Act'},
	{action: 'toggleHostIpc', keys: chars('I'), help: 'hostIPC on/off', group: 'Act'},
	{action: 'supervise', keys: chars('S'), help: 'add supervisor', group: 'Act'},
	{action: 'spawn', keys: chars('f'), help: 'fork a child', group: 'Act'},
	{action: 'orphan', keys: chars('o'), help: 'make an orphan', group: 'Act'},
	{action: 'deletePod', keys: chars('D'), help: 'delete pod', group: 'Act'},
	{action: 'togglePlay', keys: chars(' '), help: 'play/pause', group: 'Time'},
	{action: 'stepForward', keys: chars('.'), help: 'next event', group: 'Time'},
	{action: 'stepBack', keys: chars(','), help: 'previous event', group: 'Time'},
	{action: 'stepMoment', keys: chars(')'), help: 'next moment', group: 'Time'},
	{action: 'stepMomentBack', keys: chars('('), help: 'previous moment', group: 'Time'},
	{action: 'slower', keys: chars('<'), help: 'slower', group: 'Time'},
	{action: 'faster', keys: chars('>'), help: 'faster', group: 'Time'},
	{action: 'prevChapter', keys: chars('['), help: 'previous chapter', group: 'Time'},
	{action: 'nextChapter', keys: chars(']'), help: 'next chapter', group: 'Time'},
	{action: 'breakpoints', keys: chars('b'), help: 'breakpoints', group: 'Time'},
	{action: 'branches', keys: chars('B'), help: 'switch branch', group: 'Time'},
	{action: 'command', keys: chars(':'), help: 'command line', group: 'Other'},
	{action: 'nextPane', keys: [{name: 'tab'}], help: 'next pane', group: 'Other'},
	{action: 'nextNode', keys: chars('m'), help: 'next node (cluster)', group: 'Other'},
	{action: 'why', keys: chars('w'), help: 'why: rows, Enter rule card', group: 'Other'},
	{action: 'storyUp', keys: chars('{'), help: 'story: scroll up', group: 'Other'},
	{action: 'storyDown', keys: chars('}'), help: 'story: scroll down', group: 'Other'},
	{action: 'help', keys: chars('?'), help: 'this help', group: 'Other'},
	{action: 'quit', keys: [...chars('q'), {input: 'c', ctrl: true}], help: 'quit', group: 'Other'},
];

const names: Record<NamedKey, [unicode: string, ascii: string]> = {
	upArrow: ['↑', 'Up'],
	downArrow: ['↓', 'Down'],
	leftArrow: ['←', 'Left'],
	rightArrow: ['→', 'Right'],
	pageUp: ['PgUp', 'PgUp'],
	pageDown: ['PgDn', 'PgDn'],
	home: ['Home', 'Home'],
	end: ['End', 'End'],
	return: ['Enter', 'Enter'],
	escape: ['Esc', 'Esc'],
	tab: ['Tab', 'Tab'],
};

/** How a key is written in help and hints. */
export function keyLabel(spec: KeySpec, ascii = false): string {
	if ('name' in spec) return names[spec.name][ascii ? 1 : 0];
	if (spec.ctrl) return `^${spec.input.toUpperCase()}`;
	return spec.input === ' ' ? 'Space' : spec.input;
}

/** All keys of a binding, digits folded to `0-9`. */
export function bindingLabel(binding: Binding, ascii = false): string {
	if (binding.action === 'jumpPid') return '0-9';
	return binding.keys.map((spec) => keyLabel(spec, ascii)).join(' ');
}

export function bindingFor(action: ActionId): Binding {
	const binding = keyTable.find((b) => b.action === action);
	if (!binding) throw new Error(`no binding for ${action}`);
	return binding;
}
