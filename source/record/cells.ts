// What a terminal shows for a recording's output: @xterm/headless (the emulator behind VS Code's
// terminal) interprets the bytes, and each screen row is read back as runs of equally styled cells.
// The SVG writer draws these, so a picture is exactly what a player shows.
import type {IBufferCell as Cell, Terminal} from '@xterm/headless';
import xterm from '@xterm/headless';
import type {CastEvent} from './asciicast.js';
import type {CastTheme} from './themes.js';

export type Run = {
	x: number;
	text: string;
	fg: string;
	bg?: string;
	bold: boolean;
	italic: boolean;
	underline: boolean;
};
/** A row's runs, and a key equal for equal rows. */
export type Row = {key: string; runs: Run[]};
export type Snapshot = {t: number; rows: Row[]};

const hex = (n: number) => `#${n.toString(16).padStart(6, '0')}`;

/** xterm's 256-colour palette above the theme's 16: a 6×6×6 cube, then 24 greys. */
function indexed(theme: CastTheme, i: number): string {
	if (i < 16) return theme.palette[i]!;
	if (i >= 232) {
		const v = 8 + (i - 232) * 10;
		return hex((v << 16) | (v << 8) | v);
	}
	const n = i - 16;
	const level = (c: number) => (c === 0 ? 0 : 55 + c * 40);
	return hex((level(Math.floor(n / 36)) << 16) | (level(Math.floor(n / 6) % 6) << 8) | level(n % 6));
}

function colours(theme: CastTheme, cell: Cell): {fg: string; bg?: string} {
	const fg = cell.isFgRGB()
		? hex(cell.getFgColor())
		: cell.isFgPalette()
			? indexed(theme, cell.getFgColor())
			: theme.fg;
	const bg = cell.isBgRGB()
		? hex(cell.getBgColor())
		: cell.isBgPalette()
			? indexed(theme, cell.getBgColor())
			: undefined;
	return cell.isInverse() ? {fg: bg ?? theme.bg, bg: fg} : {fg, ...(bg ? {bg} : {})};
}

function readRow(terminal: Terminal, theme: CastTheme, y: number, cell: Cell): Row {
	const line = terminal.buffer.active.getLine(y);
	const runs: Run[] = [];
	if (!line) return {key: '', runs};
	let current: Run | undefined;
	for (let x = 0; x < terminal.cols; x++) {
		const c = line.getCell(x, cell);
		if (!c || c.getWidth() === 0) continue;
		const {fg, bg} = colours(theme, c);
		const look = {
			fg,
			bg,
			bold: c.isBold() !== 0,
			italic: c.isItalic() !== 0,
			underline: c.isUnderline() !== 0,
		};
		const chars = c.getChars() || ' ';
		if (
			current &&
			current.fg === look.fg &&
			current.bg === look.bg &&
			current.bold === look.bold &&
			current.italic === look.italic &&
			current.underline === look.underline
		)
			current.text += chars;
		else {
			current = {x, text: chars, ...look};
			runs.push(current);
		}
	}
	// Blank runs draw nothing unless they have a background or an underline.
	const shown = runs.filter((r) => r.text.trim() !== '' || r.bg !== undefined || r.underline);
	for (const r of shown) if (r.bg === undefined && !r.underline) r.text = r.text.trimEnd();
	return {key: JSON.stringify(shown), runs: shown};
}

/** The screen after each output event of a cast (times in seconds). */
export async function snapshots(
	events: readonly CastEvent[],
	columns: number,
	rows: number,
	theme: CastTheme,
): Promise<Snapshot[]> {
	const terminal = new xterm.Terminal({cols: columns, rows, allowProposedApi: true});
	const cell = terminal.buffer.active.getNullCell();
	const shots: Snapshot[] = [];
	for (const [t, kind, data] of events) {
		if (kind !== 'o') continue;
		await new Promise<void>((resolve) => terminal.write(data, resolve));
		shots.push({t, rows: Array.from({length: rows}, (_, y) => readRow(terminal, theme, y, cell))});
	}
	terminal.dispose();
	return shots;
}
