// Reading through a draft without drafting: immer makes a draft of every object read through a
// draft (and copies the parent to hold it) even when nothing is written, and finalizing those
// drafts costs again. A property's descriptor hands over the value itself: the committed one, or
// what this step put there.
import {isDraft} from 'immer';

export function rawField<T extends object, K extends keyof T>(holder: T, key: K): T[K] {
	if (!isDraft(holder)) return holder[key];
	return Reflect.getOwnPropertyDescriptor(holder, key)?.value as T[K];
}
