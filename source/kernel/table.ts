// A two-level table keyed by small integers (PIDs): chunks of 256 slots under a top-level list.
// Empty slots hold null, never holes, so a table round-trips through JSON unchanged.
//
// A step changes a table copy-on-write, outside immer (cow.ts): the first change copies the top
// level and the one chunk it touches, later changes in the same step work on those copies
// natively. Through immer, reading one entry of a draft table made immer copy both levels
// (a frozen array's slice takes V8's slow path: ~30 µs for 256 slots) and deep-freezing the
// new chunk asked Object.isFrozen of every process in it: ~100 µs a step at any table size.
// Readers therefore always read the plain arrays behind a draft, never through it.
import {isDraft, original} from 'immer';
import {adopt, type Cow} from './cow.js';

export type Table<V> = ((V | null)[] | null)[];

const shift = 8;
const size = 1 << shift;
const mask = size - 1;

/** The plain table behind a draft (tables are never changed through a draft, so its base is current). */
export function tableBase<V>(table: Table<V>): Table<V> {
	return isDraft(table) ? (original(table as object) as Table<V>) : table;
}

export function tableGet<V>(table: Table<V>, key: number): V | undefined {
	return tableBase(table)[key >> shift]?.[key & mask] ?? undefined;
}

/**
 * Store `value` at `key`; returns the table to keep (a copy of the top level the first time a step
 * changes it). `cow` undefined: change in place (a plain kernel nobody else holds).
 */
export function tableSet<V>(table: Table<V>, key: number, value: V, cow?: Cow): Table<V> {
	inPlaceAllowed(table, cow);
	const chunks = writable(tableBase(table), cow);
	const index = key >> shift;
	while (chunks.length <= index) chunks.push(null);
	const chunk = chunks[index];
	const slots = chunk ? writable(chunk, cow) : fresh<V>(cow);
	chunks[index] = slots;
	slots[key & mask] = value;
	return chunks;
}

/** Empty `key`; returns the table to keep. A chunk left empty goes. */
export function tableDelete<V>(table: Table<V>, key: number, cow?: Cow): Table<V> {
	inPlaceAllowed(table, cow);
	const base = tableBase(table);
	const index = key >> shift;
	const chunk = base[index];
	if (!chunk || chunk[key & mask] == null) return base;
	const chunks = writable(base, cow);
	const slots = writable(chunk, cow);
	slots[key & mask] = null;
	// Iteration and JSON stay proportional to what is there: 256 native reads, no bookkeeping.
	chunks[index] = slots.some((slot) => slot !== null) ? slots : null;
	return chunks;
}

/** A draft's table would be changed under the world it came from: inside a step, use the step's Cow. */
function inPlaceAllowed<V>(table: Table<V>, cow: Cow | undefined): void {
	if (!cow && isDraft(table))
		throw new Error('kernel invariant: a table inside a draft changes copy-on-write');
}

/**
 * `array` itself when this step made it, else a copy this step now owns. Changing in place
 * (no `cow`), a frozen array is still shared with an earlier world: it is copied too.
 */
function writable<T>(array: T[], cow: Cow | undefined): T[] {
	if (cow ? cow.owned.has(array) : !Object.isFrozen(array)) return array;
	// Spread, not slice: a frozen array's slice is ~30× slower in V8.
	const copy = [...array];
	if (cow) adopt(cow, copy, !Object.isFrozen(array));
	return copy;
}

function fresh<V>(cow: Cow | undefined): (V | null)[] {
	const chunk = new Array<V | null>(size).fill(null);
	if (cow) adopt(cow, chunk, false);
	return chunk;
}

export function tableHas<V>(table: Table<V>, key: number): boolean {
	return tableGet(table, key) !== undefined;
}

/** Values in ascending key order (a new array: plain loops, no generator, on hot paths). */
export function tableValues<V>(table: Table<V>): V[] {
	const values: V[] = [];
	for (const chunk of tableBase(table)) {
		if (!chunk) continue;
		for (const value of chunk) if (value !== null) values.push(value);
	}
	return values;
}

export function tableKeys<V>(table: Table<V>): number[] {
	const keys: number[] = [];
	const chunks = tableBase(table);
	for (let index = 0; index < chunks.length; index++) {
		const chunk = chunks[index];
		if (!chunk) continue;
		for (let slot = 0; slot < size; slot++) if (chunk[slot] !== null) keys.push((index << shift) | slot);
	}
	return keys;
}

/** Whether some value matches: a plain loop, for hot paths (no generator). */
export function tableSome<V>(table: Table<V>, match: (value: V) => boolean): boolean {
	for (const chunk of tableBase(table)) {
		if (!chunk) continue;
		for (const value of chunk) if (value !== null && match(value)) return true;
	}
	return false;
}
