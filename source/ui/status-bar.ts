import {formatSpeed, formatTime} from './format.js';
import type {SessionStatus} from './session.js';
import {paint} from './styled.js';
import type {Theme} from './theme-data.js';
import {wrapAtMost} from './wrap.js';

type Part = {text: string; drop: number};

/**
 * Top line: virtual time, speed, playing or paused (as a word, not only a glyph), branch, chapter,
 * the node's process count. What does not fit goes whole, least useful first (the name, then the
 * main branch, the count); the chapter is kept and shortened at a word: nothing is cut mid-word.
 */
export function statusLine(theme: Theme, status: SessionStatus, width: number): string {
	const {glyphs: g, palette: p, ascii} = theme;
	const state = status.jump
		? `jumping to t=${jumpTarget(status.jump.target)} ${Math.floor(status.jump.progress * 100)}% (Esc stops)`
		: status.playing
			? `${g.play} playing`
			: `${g.pause} paused${status.atEnd ? ' (end)' : ''}`;
	const speed = formatSpeed(status.speed).replace('×', ascii ? 'x' : '×');
	// Slow motion: which event of the moment the screen shows.
	const event = status.event ? `  event ${status.event.shown}/${status.event.of}` : '';
	const head = `${state}  t=${formatTime(status.time)} ${speed}${event}`;
	const left: Part[] = [
		{text: 'podplay', drop: 5},
		{text: head, drop: 0},
		{text: `branch ${status.branch}`, drop: status.branch === 'main' ? 4 : 2},
	];
	const right: Part[] = [
		{text: `${status.processes} procs`, drop: 3},
		{text: '? help', drop: 0},
	];
	const chapter = status.chapter ? `chapter ${status.chapter}` : '';
	const join = (parts: Part[]) => parts.map((x) => x.text).join('  ');
	const used = () => 1 + join(left).length + 2 + (chapter ? chapter.length + 2 : 0) + join(right).length + 1;
	for (let level = 5; level > 0 && used() > width; level--) {
		for (const list of [left, right]) {
			const i = list.findIndex((x) => x.drop === level);
			if (i !== -1) list.splice(i, 1);
		}
	}
	const room = width - (1 + join(left).length + 2 + join(right).length + 1) - 2;
	const shownChapter = chapter && room >= 12 ? (wrapAtMost(chapter, room, 1, ascii)[0] ?? '') : '';
	const leftText = ` ${join(left)}${shownChapter ? `  ${shownChapter}` : ''}`;
	const rightText = `${join(right)} `;
	const gap = Math.max(1, width - leftText.length - rightText.length);
	const whole = `${leftText}${' '.repeat(gap)}${rightText}`.slice(0, Math.max(0, width));
	const bold = {bold: true, color: status.playing ? p.ok : undefined};
	const stateAt = whole.indexOf(head);
	const end = stateAt === -1 ? 0 : stateAt + head.length;
	return paint([[whole.slice(0, end), bold], whole.slice(end)], theme.color, {inverse: true});
}

/** Where a long jump goes: hours past an hour (`t=600m00.0s` would be hard to read). */
function jumpTarget(ms: number): string {
	return ms >= 3_600_000 ? `${Number((ms / 3_600_000).toFixed(1))}h` : formatTime(ms);
}
