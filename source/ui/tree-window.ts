// Which rows the tree shows. Pure over the session's windowed reads: it asks only for about one
// screen of rows, so a frame costs the same at 50 or 50,000 processes (toolchain-notes, performance).
import type {ProcessRow, Session} from './session.js';

export type TreeLine =
	| {kind: 'boundary'; row: ProcessRow; label: string}
	| {kind: 'process'; row: ProcessRow}
	| {kind: 'threads'; row: ProcessRow; groups: [name: string, count: number][]};

/** Where the window stood after the last frame. */
export type Placement = {offset: number; index: number; pid?: number};

export type TreeWindow = {placement: Placement; lines: TreeLine[]; selected?: ProcessRow; count: number};

/** Threads of the same name fold together, like pstree's `2*[{worker}]`. */
function threadGroups(threads: string[]): [string, number][] {
	const groups = new Map<string, number>();
	for (const name of threads) groups.set(name, (groups.get(name) ?? 0) + 1);
	return [...groups];
}

export function linesOfRow(row: ProcessRow): TreeLine[] {
	const lines: TreeLine[] = [];
	if (row.boundary) lines.push({kind: 'boundary', row, label: row.boundary});
	lines.push({kind: 'process', row});
	// All threads on one line under the process: the screen is for processes first.
	if (!row.collapsed && row.threads.length > 0)
		lines.push({kind: 'threads', row, groups: threadGroups(row.threads)});
	return lines;
}

const clamp = (n: number, low: number, high: number) => Math.max(low, Math.min(high, n));

function layout(rows: ProcessRow[]): TreeLine[] {
	return rows.flatMap(linesOfRow);
}

function processLineIndex(lines: TreeLine[], pid: number | undefined): number {
	return lines.findIndex((l) => l.kind === 'process' && l.row.hostPid === pid);
}

/**
 * Places the window. Rows stay in place while the simulation runs: when the selected process moves
 * (rows inserted or removed above it), the offset moves with it so it keeps its screen line; when
 * the user selects another process, the window scrolls only as far as needed.
 */
export function placeWindow(
	session: Session,
	previous: Placement,
	selectedPid: number | undefined,
	height: number,
): TreeWindow {
	const count = session.processCount();
	if (count === 0 || height <= 0) return {placement: {offset: 0, index: 0}, lines: [], count};
	let index = selectedPid === undefined ? -1 : session.indexOfPid(selectedPid);
	if (index < 0) index = clamp(previous.index, 0, count - 1);
	let offset = previous.offset;
	if (selectedPid !== undefined && selectedPid === previous.pid && index !== previous.index) {
		offset = index - (previous.index - previous.offset);
	}
	if (index < offset) offset = index;
	if (index >= offset + height) offset = index - height + 1;
	offset = clamp(offset, 0, count - 1);
	let rows = session.processRows(offset, height);
	let lines = layout(rows);
	const selectedPidShown = session.processRows(index, 1)[0]?.hostPid;
	// Thread and boundary lines can push the selection below the frame: scroll just enough.
	while (offset < index && processLineIndex(lines, selectedPidShown) >= height) {
		offset++;
		rows = session.processRows(offset, height);
		lines = layout(rows);
	}
	// After a collapse near the end, pull rows down instead of leaving the bottom empty.
	while (offset > 0 && lines.length < height) {
		const above = linesOfRow(session.processRows(offset - 1, 1)[0]);
		if (lines.length + above.length > height) break;
		offset--;
		rows = [session.processRows(offset, 1)[0], ...rows];
		lines = [...above, ...lines];
	}
	const selected = rows.find((r) => r.hostPid === selectedPidShown);
	return {
		placement: {offset, index, pid: selectedPid ?? selected?.hostPid},
		lines: lines.slice(0, height),
		selected,
		count,
	};
}

/** Whether a row matches a search: its name contains the term, or a PID of it at any level equals it. */
function matcher(term: string): (row: ProcessRow) => boolean {
	const needle = term.trim().toLowerCase();
	const asNumber = /^\d+$/.test(needle) ? Number(needle) : undefined;
	return (row) =>
		asNumber === undefined ? row.comm.toLowerCase().includes(needle) : row.nsPids.includes(asNumber);
}

/**
 * Which match row `index` is and how many rows match (`2/9`): one pass over the visible rows, read a
 * page at a time; run once per search key, never per frame.
 */
export function matchPosition(session: Session, term: string, index: number): {at: number; of: number} {
	const test = matcher(term);
	const count = session.processCount();
	let of = 0;
	let at = 0;
	for (let start = 0; start < count; start += 1000) {
		session.processRows(start, 1000).forEach((row, i) => {
			if (!test(row)) return;
			of += 1;
			if (start + i === index) at = of;
		});
	}
	return {at, of};
}

/** Index of the next row matching `term` (name contains, or a PID at any level equals), wrapping. */
export function findMatch(session: Session, term: string, from: number, direction: 1 | -1): number {
	const count = session.processCount();
	if (count === 0 || term.trim() === '') return -1;
	const test = matcher(term);
	for (let step = 1; step <= count; step++) {
		const i = (((from + direction * step) % count) + count) % count;
		const row = session.processRows(i, 1)[0];
		if (row && test(row)) return i;
	}
	return -1;
}
