// The rule card: a why row opened with Enter. The rule's id, title and full statement, where it
// comes from (kernel file and function, kubelet function or doc page) and the event's own data.
import {formatTime} from './format.js';
import type {RuleCard, WhyRow} from './session.js';
import {paint} from './styled.js';
import type {Theme} from './theme-data.js';
import {wrap} from './wrap.js';

function dataLines(data: Record<string, unknown> | undefined): string[] {
	if (!data) return [];
	return Object.entries(data).map(
		([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`,
	);
}

/** The card's lines, every word wrapped (nothing cut); at most `height`, then a count of the rest. */
export function ruleCardLines(
	theme: Theme,
	rule: RuleCard | undefined,
	row: WhyRow,
	width: number,
	height: number,
): string[] {
	const {palette: p} = theme;
	const room = Math.max(10, width - 2);
	const para = (text: string, style = {}) =>
		wrap(text, room).map((l) => paint([[`  ${l}`, style]], theme.color));
	const head = (text: string) => paint([[text, {bold: true, color: p.accent}]], theme.color);
	const lines = [
		head(rule ? `${rule.id}  ${rule.title}` : row.rule),
		...(rule ? para(rule.statement) : para(`${row.rule} is not in the rule catalogue.`, {color: p.error})),
		'',
		head('Source'),
		...para(rule?.source ?? '-', {color: p.muted}),
		'',
		head(`This event, at ${formatTime(row.t)}`),
		...para(row.text),
		...(row.pid !== undefined ? para(`pid: ${row.pid}`, {color: p.muted}) : []),
		...dataLines(row.data).flatMap((l) => para(l, {color: p.muted})),
		'',
		paint([['Esc or Enter closes the card; j/k move along the events', {color: p.muted}]], theme.color),
	];
	if (lines.length <= height) return lines;
	return [
		...lines.slice(0, Math.max(0, height - 1)),
		paint(
			[[`  (${lines.length - height + 1} more lines: a taller terminal shows them)`, {color: p.muted}]],
			theme.color,
		),
	];
}
