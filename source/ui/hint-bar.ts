import {type ActionId, bindingFor, keyLabel} from './keys.js';
import {paint, type Span} from './styled.js';
import type {Theme} from './theme-data.js';

const hints: [ActionId, string][] = [
	['down', 'move'],
	['signal', 'signal'],
	['killPid1', 'kill 1'],
	['toggleShare', 'share'],
	['spawn', 'fork'],
	['togglePlay', 'play'],
	['stepForward', 'step'],
	['command', 'cmd'],
	['help', 'help'],
	['quit', 'quit'],
];

/** Bottom line: the most used keys, labels read from the one key table, cut to the width. */
export function hintLine(theme: Theme, width: number): string {
	const {palette: p, ascii} = theme;
	const spans: Span[] = [];
	let used = 0;
	for (const [action, text] of hints) {
		const key = action === 'down' ? 'j/k' : keyLabel(bindingFor(action).keys[0], ascii);
		const size = key.length + text.length + 2;
		if (used + size > width) break;
		used += size;
		spans.push([key, {bold: true, color: p.accent}], ' ', [text, {color: p.muted}], ' ');
	}
	return paint(spans, theme.color);
}
