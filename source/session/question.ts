// The scenario's question on screen (an `ask:` step) and the viewer's answer to it. Picks are kept
// by question, so rewinding and playing again shows what was picked.
import type {QuestionView} from '../ui/session.js';
import type {Core} from './core.js';
import {worldOf} from './core.js';

export function questionOf(c: Core): QuestionView | undefined {
	const q = worldOf(c).narration.ask;
	if (!q) return undefined;
	const picked = c.picks?.[q.question];
	return picked === undefined ? {...q} : {...q, picked};
}

/** `answer N`: pick choice N of the open question and play on to its reveal. */
export function pick(c: Core, text: string | undefined): {core: Core; ok: boolean; message: string} {
	const q = worldOf(c).narration.ask;
	if (!q) return {core: c, ok: false, message: 'no question is open'};
	if (q.answer !== undefined)
		return {core: c, ok: false, message: `already revealed: the answer is ${q.answer}`};
	const n = Number(text);
	if (!text || !Number.isInteger(n) || n < 1 || n > q.choices.length)
		return {core: c, ok: false, message: `answer with a number from 1 to ${q.choices.length}`};
	return {
		core: {...c, picks: {...c.picks, [q.question]: n}, playing: true, stopped: undefined},
		ok: true,
		message: `you picked ${n}: ${q.choices[n - 1]}`,
	};
}
