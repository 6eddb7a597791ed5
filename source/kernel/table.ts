// A two-level table keyed by small integers (PIDs): chunks of 256 entries under a top-level
// record. An immutable update then copies one chunk and the top level, not the whole table,
// so one step costs the same at 1,000 or 50,000 processes (toolchain-notes: a flat table makes
// every immer update O(N)).
export type Table<V> = Record<number, Record<number, V>>;

const shift = 8;

export function emptyTable<V>(): Table<V> {
	return {};
}

export function tableGet<V>(table: Table<V>, key: number): V | undefined {
	return table[key >> shift]?.[key];
}

export function tableSet<V>(table: Table<V>, key: number, value: V): void {
	const chunk = key >> shift;
	const existing = table[chunk];
	if (existing) existing[key] = value;
	else table[chunk] = {[key]: value};
}

export function tableDelete<V>(table: Table<V>, key: number): void {
	const chunk = key >> shift;
	const existing = table[chunk];
	if (!existing || !(key in existing)) return;
	delete existing[key];
	// A chunk left empty goes, so that iteration and JSON stay proportional to what is there.
	if (Object.keys(existing).length === 0) delete table[chunk];
}

export function tableHas<V>(table: Table<V>, key: number): boolean {
	return table[key >> shift]?.[key] !== undefined;
}

/** Values in ascending key order (integer-like keys iterate in ascending order in JavaScript). */
export function* tableValues<V>(table: Table<V>): Generator<V> {
	for (const chunk of Object.values(table)) {
		for (const value of Object.values(chunk)) yield value;
	}
}

export function* tableKeys<V>(table: Table<V>): Generator<number> {
	for (const chunk of Object.values(table)) {
		for (const key of Object.keys(chunk)) yield Number(key);
	}
}
