// Values that leave the draft for a new place must be plain data. With auto-freeze off (headless
// runs), immer stops visiting new objects once it has finalized as many drafts as it made, so a
// draft stored both in its old place and in a new object (a parent's params in its child) stays a
// proxy there and is revoked when `produce` returns. A copy taken here is plain data in both modes.
import {current, type Draft, isDraft} from 'immer';

export function plain<T>(value: T): T {
	return isDraft(value) ? (current(value as Draft<T>) as T) : value;
}
