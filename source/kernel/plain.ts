// Values that leave the draft for a new place must be plain data. With auto-freeze off (headless
// runs), immer stops visiting new objects once it has finalized as many drafts as it made, so a
// draft stored both in its old place and in a new object (a parent's params in its child) stays a
// proxy there and is revoked when `produce` returns. A copy taken here is plain data in both modes.
import {current, type Draft, isDraft} from 'immer';

export function plain<T>(value: T): T {
	return isDraft(value) ? (current(value as Draft<T>) as T) : value;
}

/**
 * `value` with no draft anywhere inside: what enters a process from outside the kernel (a
 * program's parameters the runtime built around parts of its own draft). Processes are changed
 * outside immer (cow.ts), so immer never looks inside them for drafts to finalize. Frozen values
 * hold no draft; a plain object is copied only where a draft hides in it.
 */
export function settled<T>(value: T): T {
	if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
	if (isDraft(value)) return current(value as Draft<T>) as T;
	let copy: Record<string, unknown> | unknown[] | undefined;
	const source = value as Record<string, unknown>;
	for (const key in source) {
		const field = source[key];
		const fixed = settled(field);
		if (fixed === field) continue;
		copy ??= Array.isArray(value) ? [...value] : {...source};
		(copy as Record<string, unknown>)[key] = fixed;
	}
	return (copy ?? value) as T;
}
