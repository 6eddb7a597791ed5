// A two-level table keyed by small integers (PIDs): chunks of 256 slots under a top-level list.
// An immutable update then copies one chunk and the top level, not the whole table, so one step
// costs the same at 1,000 or 50,000 processes (toolchain-notes: a flat table makes every immer
// update O(N)). Both levels are arrays: immer copies an array with one native slice, while
// spreading an object with hundreds of integer keys falls to a slow generic path once the copy
// site has seen many shapes (measured: ~50 µs against ~0.2 µs a copy). Empty slots hold null,
// never holes, so a table round-trips through JSON unchanged.
import {isDraft} from 'immer';
export type Table<V> = ((V | null)[] | null)[];

const shift = 8;
const size = 1 << shift;
const mask = size - 1;

type Chunks<V> = Table<V>;

/**
 * Live entries of draft chunks, so that a delete knows whether the chunk is now empty without
 * reading its 256 slots through the proxy (256 proxy reads). Keyed by the draft, counted on first
 * need and kept up to date by tableSet and tableDelete, the only writers of chunks. A plain chunk
 * (a fast-forward's copy) is simply scanned: 256 native reads cost less than the bookkeeping.
 */
const live = new WeakMap<object, number>();

function liveCount(chunk: unknown[]): number {
	let count = live.get(chunk);
	if (count === undefined) {
		count = 0;
		for (const slot of chunk) if (slot !== null) count += 1;
		live.set(chunk, count);
	}
	return count;
}

export function tableGet<V>(table: Table<V>, key: number): V | undefined {
	return (table as Chunks<V>)[key >> shift]?.[key & mask] ?? undefined;
}

export function tableSet<V>(table: Table<V>, key: number, value: V): void {
	const chunks = table as Chunks<V>;
	const index = key >> shift;
	while (chunks.length <= index) chunks.push(null);
	let chunk = chunks[index];
	if (!chunk) {
		chunk = new Array<V | null>(size).fill(null);
		chunks[index] = chunk;
	}
	if (isDraft(chunk) && chunk[key & mask] === null) live.set(chunk, liveCount(chunk) + 1);
	chunk[key & mask] = value;
}

export function tableDelete<V>(table: Table<V>, key: number): void {
	const chunks = table as Chunks<V>;
	const index = key >> shift;
	const chunk = chunks[index];
	if (!chunk || chunk[key & mask] == null) return;
	if (!isDraft(chunk)) {
		chunk[key & mask] = null;
		for (const slot of chunk) if (slot !== null) return;
		// A chunk left empty goes, so that iteration and JSON stay proportional to what is there.
		chunks[index] = null;
		return;
	}
	const count = liveCount(chunk) - 1;
	chunk[key & mask] = null;
	live.set(chunk, count);
	if (count === 0) chunks[index] = null;
}

export function tableHas<V>(table: Table<V>, key: number): boolean {
	return tableGet(table, key) !== undefined;
}

/** Values in ascending key order (a new array: plain loops, no generator, on hot paths). */
export function tableValues<V>(table: Table<V>): V[] {
	const values: V[] = [];
	for (const chunk of table as Chunks<V>) {
		if (!chunk) continue;
		for (const value of chunk) if (value !== null) values.push(value);
	}
	return values;
}

export function tableKeys<V>(table: Table<V>): number[] {
	const keys: number[] = [];
	const chunks = table as Chunks<V>;
	for (let index = 0; index < chunks.length; index++) {
		const chunk = chunks[index];
		if (!chunk) continue;
		for (let slot = 0; slot < size; slot++) if (chunk[slot] !== null) keys.push((index << shift) | slot);
	}
	return keys;
}

/** Whether some value matches: a plain loop, for hot paths (no generator). */
export function tableSome<V>(table: Table<V>, match: (value: V) => boolean): boolean {
	for (const chunk of table as Chunks<V>) {
		if (!chunk) continue;
		for (const value of chunk) if (value !== null && match(value)) return true;
	}
	return false;
}
