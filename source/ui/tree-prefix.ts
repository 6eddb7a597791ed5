import type {ProcessRow} from './session.js';
import type {Glyphs} from './theme.js';

/** Vertical guides of the ancestors of `row` (pstree style). */
export function guidePrefix(row: ProcessRow, g: Glyphs): string {
	return row.guides.map((open) => (open ? g.pipe : g.space)).join('');
}

/** Prefix of the process line itself: guides, then its own branch. */
export function processPrefix(row: ProcessRow, g: Glyphs): string {
	if (row.depth === 0) return '';
	return guidePrefix(row, g) + (row.last ? g.lastBranch : g.branch);
}

/** Prefix of lines hanging under the process (threads): the process's column continues if it has children. */
export function underPrefix(row: ProcessRow, g: Glyphs): string {
	if (row.depth === 0) return '';
	return guidePrefix(row, g) + (row.last ? g.space : g.pipe);
}

/** Prefix of the boundary line drawn just above a process entering a new PID namespace. */
export function boundaryPrefix(row: ProcessRow, g: Glyphs): string {
	if (row.depth === 0) return '';
	return `${guidePrefix(row, g)}${g.pipe}`;
}
