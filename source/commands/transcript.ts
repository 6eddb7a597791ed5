// The narrated transcript: time, rule id and sentence per event, with the scenario's narration.
import {entriesBackwards, type Player, playerEvents} from '../engine/index.js';
import type {KernelEvent} from '../kernel/index.js';
import type {AskAction, Scenario} from '../scenario/index.js';
import {printable} from '../text/printable.js';
import {type Output, style} from './output.js';

export type Line =
	/** Something the file asks for that podplay does not simulate (R-EXEC-10, R-EXEC-19). */
	| {type: 'note'; t: number; rule: string; text: string}
	| {
			type: 'event';
			t: number;
			rule: string;
			text: string;
			kind: string;
			pid?: number;
			errno?: string;
			node?: string;
	  }
	| {type: 'say'; t: number; text: string}
	/** A `pause: true` step: the playground and the presenter wait for the viewer here. */
	| {type: 'pause'; t: number}
	| {type: 'chapter'; t: number; title: string; notes?: string}
	| {type: 'ask'; t: number; question: string; choices: string[]}
	| {type: 'answer'; t: number; answer: number; choice: string; explain: string; rules: string[]};

/** Events and narration in play order (narration first at equal times, as it is played first). */
export function transcript(player: Player, until: number): Line[] {
	const narration: Line[] = [];
	for (const step of player.scenario.timeline) {
		if (step.at > until) break;
		if (step.action.type === 'say') narration.push({type: 'say', t: step.at, text: step.action.text});
		if (step.action.type === 'pause') narration.push({type: 'pause', t: step.at});
		if (step.action.type === 'ask')
			narration.push({
				type: 'ask',
				t: step.at,
				question: step.action.question,
				choices: step.action.choices.map((c) => c.text),
			});
		if (step.action.type === 'reveal') {
			const ask = player.scenario.timeline[step.action.ask]!.action as AskAction;
			narration.push({
				type: 'answer',
				t: step.at,
				answer: ask.answer,
				choice: ask.choices[ask.answer - 1]!.text,
				explain: ask.explain,
				rules: revealedRules(player, step.at),
			});
		}
		if (step.action.type === 'chapter') {
			narration.push({
				type: 'chapter',
				t: step.at,
				title: step.action.title,
				...(step.action.notes ? {notes: step.action.notes} : {}),
			});
		}
	}
	const events = playerEvents(player).map(eventLine);
	const lines: Line[] = [];
	let n = 0;
	for (const event of events) {
		while (n < narration.length && narration[n].t <= event.t) lines.push(narration[n++]);
		lines.push(event);
	}
	return [...lines, ...narration.slice(n)];
}

/** The rules the reveal at `t` named (the engine worked them out when it played). */
function revealedRules(player: Player, t: number): string[] {
	for (const entry of entriesBackwards(player.history))
		if (entry.action?.type === 'reveal' && entry.now === t) return entry.action.rules;
	return [];
}

function eventLine(e: KernelEvent): Line {
	if (e.kind === 'note') return {type: 'note', t: e.t, rule: e.rule, text: e.text};
	const line: Line & {type: 'event'} = {type: 'event', t: e.t, rule: e.rule, text: e.text, kind: e.kind};
	if (e.pid !== undefined) line.pid = e.pid;
	if (e.errno) line.errno = e.errno;
	// In a cluster, what happened on a node says which (R-SCHED).
	if (typeof e.data?.node === 'string' && !e.rule.startsWith('R-SCHED')) line.node = e.data.node;
	return line;
}

export function formatTime(ms: number): string {
	return `${(ms / 1000).toFixed(3).padStart(8)}s`;
}

export function formatLine(o: Output, line: Line): string {
	const time = style(o, 'dim', formatTime(line.t));
	switch (line.type) {
		case 'event':
			return `${time}  ${style(o, 'cyan', line.rule.padEnd(11))} ${line.node ? style(o, 'dim', `${line.node}: `) : ''}${printable(line.text)}`;
		case 'note':
			return `${time}  ${style(o, 'yellow', line.rule.padEnd(11))} ${style(o, 'yellow', 'note:')} ${printable(line.text)}`;
		case 'say':
			return `${time}  ${style(o, 'yellow', o.ascii ? '>' : '▸')} ${style(o, 'italic', printable(line.text))}`;
		case 'pause':
			return `${time}  ${style(o, 'yellow', o.ascii ? '||' : '‖')} ${style(o, 'dim', 'pause: the playground and the presenter wait here')}`;
		case 'chapter':
			return `${time}  ${style(o, 'bold', `${o.ascii ? '==' : '━━'} ${printable(line.title)}`)}${line.notes ? style(o, 'dim', ` — ${printable(line.notes)}`) : ''}`;
		case 'ask':
			return [
				`${time}  ${style(o, 'yellow', '?')} ${style(o, 'bold', printable(line.question))}`,
				...line.choices.map((c, i) => `${' '.repeat(13)}${i + 1}. ${printable(c)}`),
			].join('\n');
		case 'answer':
			return `${time}  ${style(o, 'green', o.ascii ? '=' : '✔')} ${style(o, 'bold', `answer ${line.answer}: ${printable(line.choice)}`)} — ${printable(line.explain)}${line.rules.length > 0 ? style(o, 'dim', ` (${line.rules.join(', ')})`) : ''}`;
	}
}

export function scenarioHeader(o: Output, s: Scenario): string[] {
	const description = s.description?.trim().split('\n') ?? [];
	return [
		style(o, 'bold', printable(s.title)),
		...description.map((line) => style(o, 'dim', printable(line))),
		'',
	];
}
