// Plain working copies of arrays inside the draft, made once per step. Pushing to or splicing an
// immer draft of a long array goes through the proxy element by element (a 1,000-line log cost
// ~1 ms an append); a fresh plain array put in the draft is not proxied again in the same step,
// so every later change to it in that step is a native array operation.
import {current, isDraft} from 'immer';
import type {Ctx} from './context.js';
import {adopt, cowOf, sealCow} from './cow.js';

/** `holder[key]` as a plain array this step owns (a copy on first use, `[]` if absent). */
export function ownedArray<T>(ctx: Ctx, holder: Record<string, T[]>, key: string): T[] {
	const cow = cowOf(ctx);
	const value = holder[key];
	if (value !== undefined && cow.owned.has(value)) return value;
	const base = value === undefined ? [] : isDraft(value) ? (current(value as object) as T[]) : value;
	const copy = [...base];
	holder[key] = copy;
	adopt(cow, copy, false);
	return copy;
}

/**
 * End of the step: what it made is done, and frozen (cow.ts). immer walks every new plain value
 * put into a draft looking for drafts inside it (a 1,000-line log read element by element on
 * every step); a frozen one it skips. The next step that changes one copies it again.
 */
export function sealOwned(ctx: Ctx): void {
	sealCow(ctx);
}

/** The plain value behind a draft, for reading only: no proxy for each element read. */
export function plain<T>(value: T): T {
	return isDraft(value) ? (current(value as object) as T) : value;
}
