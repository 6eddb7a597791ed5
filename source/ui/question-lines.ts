// The question of a scenario's `ask:` step, then its answer: wrapped to the width, every word shown.
// Pure, like the other line builders, so the first frame, Ink and recordings draw the same lines.
import {sectionTitle} from './section-title.js';
import type {QuestionView} from './session.js';
import {paint, type Style} from './styled.js';
import type {Theme} from './theme-data.js';

/** Words wrapped to `width` cells (a word longer than the width is cut into pieces). */
export function wrap(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
		for (let rest = word; rest !== ''; ) {
			const room = line === '' ? width : width - line.length - 1;
			if (rest.length <= room) {
				line = line === '' ? rest : `${line} ${rest}`;
				rest = '';
			} else if (line !== '') {
				lines.push(line);
				line = '';
			} else {
				lines.push(rest.slice(0, width));
				rest = rest.slice(width);
			}
		}
	}
	if (line !== '') lines.push(line);
	return lines;
}

function hanging(theme: Theme, mark: string, text: string, width: number, style: Style): string[] {
	const indent = ' '.repeat(mark.length);
	return wrap(text, Math.max(8, width - mark.length)).map((line, i) =>
		paint([[`${i === 0 ? mark : indent}${line}`, style]], theme.color),
	);
}

/** Every line of the question (or answer) box; the caller decides how many fit. */
export function questionLines(theme: Theme, q: QuestionView, width: number): string[] {
	const {palette: p, ascii} = theme;
	const revealed = q.answer !== undefined;
	const n = q.choices.length;
	const lines = [
		sectionTitle(theme, revealed ? 'Answer' : 'Question', width, revealed ? '' : `1-${n}`),
		...hanging(theme, '', q.question, width, {bold: true}),
	];
	q.choices.forEach((choice, i) => {
		const k = i + 1;
		const right = k === q.answer;
		const picked = k === q.picked;
		const mark = revealed
			? right
				? ascii
					? '+'
					: '✔'
				: picked
					? ascii
						? 'x'
						: '✖'
					: ' '
			: picked
				? '>'
				: ' ';
		const style: Style =
			revealed && right ? {bold: true, color: p.ok} : revealed && picked ? {color: p.error} : {};
		lines.push(...hanging(theme, `${mark} ${k}. `, choice, width, style));
	});
	if (revealed) {
		const verdict =
			q.picked === undefined
				? `The answer is ${q.answer}.`
				: q.picked === q.answer
					? `Right: ${q.answer}.`
					: `Not ${q.picked}: the answer is ${q.answer}.`;
		const why = q.rules && q.rules.length > 0 ? ` Rules: ${q.rules.join(', ')}.` : '';
		lines.push(...hanging(theme, '', `${verdict} ${q.explain ?? ''}${why}`, width, {color: p.accent}));
	} else
		lines.push(
			paint(
				[
					[
						q.picked === undefined ? `Press 1-${n} to answer.` : `You picked ${q.picked}. Space plays on.`,
						{color: p.muted},
					],
				],
				theme.color,
			),
		);
	return lines;
}
