// A two-level table keyed by small integers (PIDs): chunks of 256 entries under a top-level
// record. An immutable update then copies one chunk and the top level, not the whole table,
// so one step costs the same at 1,000 or 50,000 processes (toolchain-notes: a flat table makes
// every immer update O(N)). Inside a chunk entries sit at `key & 255`: small dense keys keep V8's
// fast elements, where a chunk keyed by the full PID (12800…13055) falls into slow dictionary
// mode, costs more memory and makes immer's freeze checks ~30× slower.
export type Table<V> = Record<number, Record<number, V>>;

const shift = 8;
const mask = (1 << shift) - 1;

export function emptyTable<V>(): Table<V> {
	return {};
}

export function tableGet<V>(table: Table<V>, key: number): V | undefined {
	return table[key >> shift]?.[key & mask];
}

export function tableSet<V>(table: Table<V>, key: number, value: V): void {
	const chunk = key >> shift;
	const existing = table[chunk];
	if (existing) existing[key & mask] = value;
	else table[chunk] = {[key & mask]: value};
}

export function tableDelete<V>(table: Table<V>, key: number): void {
	const chunk = key >> shift;
	const existing = table[chunk];
	if (!existing || !((key & mask) in existing)) return;
	delete existing[key & mask];
	// A chunk left empty goes, so that iteration and JSON stay proportional to what is there.
	for (const _ in existing) return;
	delete table[chunk];
}

export function tableHas<V>(table: Table<V>, key: number): boolean {
	return table[key >> shift]?.[key & mask] !== undefined;
}

/** Values in ascending key order (integer-like keys iterate in ascending order in JavaScript). */
export function* tableValues<V>(table: Table<V>): Generator<V> {
	for (const chunk of Object.values(table)) {
		for (const value of Object.values(chunk)) yield value;
	}
}

export function* tableKeys<V>(table: Table<V>): Generator<number> {
	for (const [chunk, entries] of Object.entries(table)) {
		const base = Number(chunk) << shift;
		for (const key of Object.keys(entries)) yield base | Number(key);
	}
}
