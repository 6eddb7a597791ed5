// Prints differences side by side, headed by the case's K number, title and rule ids.
import type {Case} from './case-schema.js';
import type {Difference} from './compare.js';

const pad = (text: string, width: number) =>
	text.length >= width ? text : text + ' '.repeat(width - text.length);

export function caseHeading(kase: Case): string {
	return `${kase.id} ${kase.title} (${kase.rules.join(', ')}) — ${kase.file}`;
}

export function formatDifferences(kase: Case, differences: Difference[], sides: [string, string]): string {
	const rows = differences.map((d) => [`step ${d.step} ${d.op} (line ${d.line})`, d.what, d.left, d.right]);
	const header = ['step', 'what', sides[0], sides[1]];
	const widths = [0, 1, 2].map((i) =>
		Math.min(48, Math.max(header[i]!.length, ...rows.map((r) => r[i]!.length))),
	);
	const line = (cells: string[]) =>
		`  ${pad(cells[0]!, widths[0]!)}  ${pad(cells[1]!, widths[1]!)}  ${pad(cells[2]!, widths[2]!)} | ${cells[3]}`;
	return [caseHeading(kase), line(header), ...rows.map(line)].join('\n');
}
