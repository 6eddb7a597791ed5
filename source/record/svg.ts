// An animated SVG written from the screens a recording shows (cells.ts): no browser, no network.
// Each screen row is a strip of the distinct contents it ever has, laid side by side; a CSS
// animation per row slides the strip to the content of the moment (steps, no tweening). A row
// that changes often (the clock) costs a keyframe per change, not a copy of the whole screen.
import type {Row, Run, Snapshot} from './cells.js';
import {MAKER} from './output-file.js';
import type {CastTheme} from './themes.js';
import {makerComment, xmlEscape} from './xml.js';

export type SvgOptions = {
	columns: number;
	rows: number;
	theme: CastTheme;
	title: string;
	/** The recording's `command`, written as a comment (output-file.ts recognises its files by it). */
	command: string;
	/** Seconds the last screen stays before the animation starts again. */
	tail?: number;
};

const FONT_SIZE = 14;
const CELL_W = 8.4;
const LINE_H = 17;
const PAD = 10;

const num = (n: number) => Number(n.toFixed(2)).toString();

function runSvg(run: Run, theme: CastTheme): string {
	const x = num(run.x * CELL_W);
	const back = run.bg
		? `<rect x="${x}" y="0" width="${num(run.text.length * CELL_W)}" height="${LINE_H}" fill="${run.bg}"/>`
		: '';
	if (run.text.trim() === '' && !run.underline) return back;
	const attrs = [
		run.fg !== theme.fg ? ` fill="${run.fg}"` : '',
		run.bold ? ' font-weight="bold"' : '',
		run.italic ? ' font-style="italic"' : '',
		run.underline ? ' text-decoration="underline"' : '',
	].join('');
	return `${back}<text x="${x}" y="${num(LINE_H * 0.78)}"${attrs}>${xmlEscape(run.text)}</text>`;
}

export function svgOf(shots: readonly Snapshot[], o: SvgOptions): string {
	const width = o.columns * CELL_W;
	const height = o.rows * LINE_H;
	const total = (shots.at(-1)?.t ?? 0) + (o.tail ?? 3);
	const defs: string[] = [];
	const ids = new Map<string, string>();
	const idOf = (row: Row) => {
		let id = ids.get(row.key);
		if (!id) {
			id = `r${ids.size.toString(36)}`;
			ids.set(row.key, id);
			defs.push(`<g id="${id}">${row.runs.map((r) => runSvg(r, o.theme)).join('')}</g>`);
		}
		return id;
	};
	const styles: string[] = [];
	const body: string[] = [];
	for (let y = 0; y < o.rows; y++) {
		// This row's distinct contents (strip positions) and the moments it changes.
		const strip: string[] = [];
		const changes: {t: number; slot: number}[] = [];
		for (const shot of shots) {
			const row = shot.rows[y]!;
			if (row.runs.length === 0 && strip.length === 0) continue;
			const id = row.runs.length === 0 ? '' : idOf(row);
			let slot = strip.indexOf(id);
			if (slot < 0) slot = strip.push(id) - 1;
			if (changes.at(-1)?.slot !== slot) {
				if (changes.at(-1)?.t === shot.t) changes.pop();
				changes.push({t: shot.t, slot});
			}
		}
		if (strip.length === 0) continue;
		const uses = strip
			.map((id, slot) => (id ? `<use href="#${id}" x="${num(slot * width)}"/>` : ''))
			.join('');
		const moving = strip.length > 1;
		if (moving) {
			const frames = changes.map(
				({t, slot}) => `${num((t / total) * 100)}%{transform:translateX(${num(-slot * width)}px)}`,
			);
			// Before a row's first content it shows nothing: the empty slot is added for it.
			if (changes[0]!.t > 0) frames.unshift(`0%{transform:translateX(${num(-strip.length * width)}px)}`);
			styles.push(
				`@keyframes k${y}{${frames.join('')}}.a${y}{animation:k${y} ${num(total)}s steps(1,end) infinite}`,
			);
		}
		body.push(
			`<g transform="translate(0 ${y * LINE_H})"><g${moving ? ` class="a${y}"` : ''}>${uses}</g></g>`,
		);
	}
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${num(width + 2 * PAD)}" height="${num(height + 2 * PAD)}" viewBox="0 0 ${num(width + 2 * PAD)} ${num(height + 2 * PAD)}" role="img" aria-label="${xmlEscape(o.title)}">`,
		makerComment(MAKER, o.command),
		`<title>${xmlEscape(o.title)}</title>`,
		`<style>text{white-space:pre;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono","Liberation Mono",monospace;font-size:${FONT_SIZE}px;fill:${o.theme.fg}}${styles.join('')}</style>`,
		`<rect width="100%" height="100%" rx="6" fill="${o.theme.bg}"/>`,
		`<defs>${defs.join('')}</defs>`,
		`<svg x="${PAD}" y="${PAD}" width="${num(width)}" height="${num(height)}" overflow="hidden">${body.join('')}</svg>`,
		'</svg>',
		'',
	].join('\n');
}
