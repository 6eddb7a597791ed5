// The animated SVG shows, at every moment, the screen a terminal shows for the cast: read back
// from the SVG's own keyframes and rows, not from the code that wrote them.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {filmEvents} from '../../source/record/cast.js';
import {snapshots} from '../../source/record/cells.js';
import {htmlOf} from '../../source/record/html.js';
import {madeByPodplay} from '../../source/record/output-file.js';
import {svgOf} from '../../source/record/svg.js';
import {castTheme} from '../../source/record/themes.js';
import {bundled, outputs, plain, player, shoot} from './helpers.js';

const CELL_W = 8.4;
const fromXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Row `y` of the SVG at `t` seconds, as text. */
function svgRow(svg: string, y: number, t: number): string {
	const total = Number(/animation:k\d+ ([\d.]+)s/.exec(svg)?.[1] ?? 1);
	const group = new RegExp(
		`<g transform="translate\\(0 ${y * 17}\\)"><g( class="a${y}")?>(.*?)</g></g>`,
	).exec(svg);
	if (!group) return '';
	let offset = 0;
	if (group[1]) {
		const frames = new RegExp(`@keyframes k${y}\\{(.*?)\\}\\.a${y}`).exec(svg)![1]!;
		for (const [, pct, x] of frames.matchAll(/([\d.]+)%\{transform:translateX\((-?[\d.]+)px\)\}/g))
			if (Number(pct) <= (t / total) * 100) offset = -Number(x);
	}
	const use = [...group[2]!.matchAll(/<use href="#(\w+)" x="([\d.]+)"\/>/g)].find(
		([, , x]) => Math.abs(Number(x) - offset) < 0.01,
	);
	if (!use) return '';
	const def = new RegExp(`<g id="${use[1]}">(.*?)</g>`).exec(svg)![1]!;
	let line = '';
	for (const [, x, text] of def.matchAll(/<text x="([\d.]+)"[^>]*>(.*?)<\/text>/g)) {
		const col = Math.round(Number(x) / CELL_W);
		line = line.padEnd(col) + fromXml(text!);
	}
	return line.trimEnd();
}

describe('podplay record -o OUT.svg and OUT.html', () => {
	test('the SVG shows, between every two screens, exactly what a terminal shows for the cast', async () => {
		const s = await bundled('kill-pid-1');
		const events = filmEvents(shoot(s), 5);
		const theme = castTheme('asciinema');
		const shots = await snapshots(events, 100, 30, theme);
		const svg = svgOf(shots, {
			columns: 100,
			rows: 30,
			theme,
			title: 't',
			command: 'podplay record kill-pid-1',
		});
		assert.ok(madeByPodplay(svg.slice(0, 4096)));
		const term = player(100, 30);
		const out = outputs(events);
		for (let i = 0; i < out.length - 1; i++) {
			await term.write(out[i]![2]);
			const [t, next] = [out[i]![0], out[i + 1]![0]];
			if (next - t < 0.05) continue;
			const at = (t + next) / 2;
			const rows = Array.from({length: 30}, (_, y) => svgRow(svg, y, at));
			assert.deepEqual(rows, plain(term.screen()), `screen at ${at.toFixed(2)}s`);
		}
	});

	test('colours and attributes come from the theme: a zombie’s red, the status bar inverse', async () => {
		const s = await bundled('zombies');
		const events = filmEvents(shoot(s), 5);
		const theme = castTheme('dracula');
		const shots = await snapshots(events, 100, 30, theme);
		const last = shots.at(-1)!;
		const status = last.rows[0]!.runs[0]!;
		assert.equal(status.bg !== undefined, true, 'the status bar has a background (inverse)');
		const zombie = last.rows
			.flatMap((r) => r.runs)
			.find((r) => r.text.includes('<defunct>') || r.text === 'Z');
		assert.ok(zombie, 'a zombie is on screen at the end of the zombies scenario');
		assert.equal(zombie.fg, theme.palette[1], 'red from the theme');
	});

	test('the HTML page embeds the asciinema player, its CSS and the cast, and needs no network', async () => {
		const s = await bundled('kill-pid-1');
		const cast = `${JSON.stringify({version: 2, width: 100, height: 30})}\n[0.1,"o","</script><b>"]\n`;
		const html = htmlOf(cast, {
			title: s.title,
			command: 'podplay record x',
			theme: 'asciinema',
			idleLimit: 5,
			bg: '#000',
		});
		assert.ok(madeByPodplay(html.slice(0, 4096)));
		assert.match(html, /var AsciinemaPlayer=/);
		assert.match(html, /\.asciinema-player-theme-asciinema/);
		assert.match(html, /AsciinemaPlayer\.create\(\{data: /);
		assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=|https?:\/\/[^"'\s]+\.(js|css)/);
		// The cast cannot end its <script> early.
		assert.equal(html.match(/<\/script>/g)?.length, 2);
	});
});
