// A deep copy of plain data (objects, arrays, primitives): what a fast-forward step mutates in
// place instead of an immer draft, and what an event keeps of the state it names. Nothing is
// shared with the original, so the original is never changed, and no two places of the copy share
// an object (as after a JSON round trip; fields holding undefined are left out, as JSON does).
// Reading through an immer draft is fine: the copy holds plain values, never the draft.
export function deepCopy<T>(value: T): T {
	if (value === null || typeof value !== 'object') return value;
	if (Array.isArray(value)) {
		const copy = new Array(value.length);
		for (let i = 0; i < value.length; i++) copy[i] = deepCopy(value[i]);
		return copy as T;
	}
	const copy: Record<string, unknown> = {};
	for (const key in value) {
		const field = (value as Record<string, unknown>)[key];
		if (field !== undefined) copy[key] = deepCopy(field);
	}
	return copy as T;
}
