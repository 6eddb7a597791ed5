import {Text} from 'ink';
import {formatSpeed, formatTime} from './format.js';
import type {SessionStatus} from './session.js';
import {useTheme} from './theme.js';

type Props = {status: SessionStatus; width: number; processes: number};

/** Top line: virtual time, speed, playing or paused (as a word, not only a glyph), branch, chapter. */
export function StatusBar({status, width, processes}: Props) {
	const {glyphs: g, palette: p, ascii} = useTheme();
	const state = status.atEnd ? 'end' : status.playing ? `${g.play} playing` : `${g.pause} paused`;
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
	return (
		<Text inverse wrap="truncate">
			<Text bold color={status.playing ? p.ok : undefined}>
				{left}
			</Text>
			{middle}
			{' '.repeat(gap)}
			{right}
		</Text>
	);
}
