import {fit, formatSpeed, formatTime} from './format.js';
import type {SessionStatus} from './session.js';
import {paint} from './styled.js';
import type {Theme} from './theme-data.js';

/** Top line: virtual time, speed, playing or paused (as a word, not only a glyph), branch, chapter. */
export function statusLine(theme: Theme, status: SessionStatus, width: number, processes: number): string {
	const {glyphs: g, palette: p, ascii} = theme;
	const state = status.jump
		? `jumping to t=${jumpTarget(status.jump.target)} ${Math.floor(status.jump.progress * 100)}% (Esc stops)`
		: status.atEnd
			? 'end'
			: status.playing
				? `${g.play} playing`
				: `${g.pause} paused`;
	const speed = formatSpeed(status.speed).replace('×', ascii ? 'x' : '×');
	const left = ` podplay  ${state}  t=${formatTime(status.time)} ${speed}`;
	// Narrow terminals lose the chapter first, then the process count: "? help" always stays.
	const branch = `  branch ${status.branch}`;
	const chapter = status.chapter ? `  chapter ${status.chapter}` : '';
	const count = `${processes} procs  `;
	const fits = (...parts: string[]) => left.length + parts.join('').length < width;
	const middle = fits(branch, chapter, count, '? help ') ? branch + chapter : branch;
	const right = fits(middle, count, '? help ') ? `${count}? help ` : '? help ';
	const gap = Math.max(1, width - left.length - middle.length - right.length);
	const whole = fit(`${left}${middle}${' '.repeat(gap)}${right}`, width, ascii);
	const bold = {bold: true, color: status.playing ? p.ok : undefined};
	return paint([[whole.slice(0, left.length), bold], whole.slice(left.length)], theme.color, {inverse: true});
}

/** Where a long jump goes: hours past an hour (`t=600m00.0s` would be hard to read). */
function jumpTarget(ms: number): string {
	return ms >= 3_600_000 ? `${Number((ms / 3_600_000).toFixed(1))}h` : formatTime(ms);
}
