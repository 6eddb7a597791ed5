// Panes at fixed sizes (issue 9): nothing cut mid-word where wrapping was promised, no pane leaving
// rows empty while it hides entries, the selected process's pod and namespaces in view.
import '../helpers/force-color.js';
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {captionLines} from '../../source/ui/caption.js';
import {detailsLines} from '../../source/ui/details-pane.js';
import {computeLayout} from '../../source/ui/layout.js';
import {namespacesLines} from '../../source/ui/namespaces-pane.js';
import {podsLines} from '../../source/ui/pods-pane.js';
import type {NamespaceRow, NarrationEntry, PodRow, ProcessDetails, WhyRow} from '../../source/ui/session.js';
import {statusLine} from '../../source/ui/status-bar.js';
import {storyLines} from '../../source/ui/story-pane.js';
import {makeTheme} from '../../source/ui/theme.js';
import {whyLines} from '../../source/ui/why-pane.js';
import {wrap} from '../../source/ui/wrap.js';
import {stripAnsi} from '../helpers/render.js';

const theme = makeTheme({ascii: false, color: true});
const plain = (lines: string[]) => lines.map(stripAnsi);
const sizes = [
	[80, 24],
	[120, 40],
	[200, 60],
] as const;
const sentence =
	'The kernel SIGKILLs every other process of the namespace, and its parent sees the exit of PID 1 only once they are all gone';

/** Every word of `text` appears whole in `lines` (wrapped, never cut). */
function wordsWhole(lines: string[], text: string) {
	const shown = new Set(lines.join(' ').split(/\s+/));
	for (const word of text.split(/\s+/))
		assert.ok(shown.has(word), `"${word}" whole in:\n${lines.join('\n')}`);
}

const pod = (name: string, status = 'Running'): PodRow => ({
	name,
	ready: '1/1',
	status,
	restarts: '0',
	age: '5s',
	containers: [{name: 'app', state: 'running'}],
});

describe('panes at 80×24, 120×40 and 200×60', () => {
	test('wrap never cuts a word wider than nothing', () => {
		for (const width of [10, 17, 40, 46])
			for (const line of wrap(sentence, width)) assert.ok(line.length <= width);
		wordsWhole(wrap(sentence, 17), sentence);
	});

	for (const [columns, rows] of sizes) {
		test(`${columns}×${rows}: the caption, the story and why rows wrap at words`, () => {
			const caption = plain(captionLines(theme, [sentence], columns, 3));
			for (const line of caption) assert.ok(line.length <= columns);
			if (caption.length < 3 || !caption.at(-1)!.endsWith('…')) wordsWhole(caption, sentence);
			const width = Math.floor(columns * 0.42);
			const entries: NarrationEntry[] = [{at: 4000, kind: 'say', text: sentence, current: true}];
			const story = plain(storyLines(theme, entries, width, rows));
			wordsWhole(story, sentence);
			assert.match(story[0]!, /^›/, 'the current entry is marked');
			const why: WhyRow[] = [{t: 4000, rule: 'R-PIDNS-7', text: sentence, seq: 0}];
			const lines = plain(whyLines(theme, why, width, rows));
			for (const line of lines) assert.ok(line.length <= width, `why line fits: ${line}`);
			wordsWhole(lines, `R-PIDNS-7 ${sentence}`);
		});

		test(`${columns}×${rows}: the status bar keeps the chapter and cuts no word`, () => {
			const line = stripAnsi(
				statusLine(
					theme,
					{
						time: 12000,
						speed: 1,
						playing: false,
						branch: 'main',
						chapter: 'Back-off and its doubling',
						atEnd: true,
						processes: 50_000,
					},
					columns,
				),
			);
			assert.ok(line.length <= columns);
			assert.match(line, /paused \(end\)/);
			assert.match(line, /chapter Back-off/);
			assert.match(line, /50000 procs|\? help/);
		});
	}

	test("pods: the selected process's pod stays in view when not all fit; none hidden behind empty rows", () => {
		const pods = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((n) => pod(n));
		const lines = plain(podsLines(theme, pods, 40, 5, 'f'));
		assert.equal(lines.length, 5);
		assert.ok(
			lines.some((l) => l.startsWith('f ')),
			`f shown:\n${lines.join('\n')}`,
		);
		assert.match(lines.join('\n'), /more pods? above/);
		const all = plain(podsLines(theme, pods.slice(0, 3), 40, 8));
		assert.ok(!all.some((l) => /more/.test(l)), 'all fit: no "more"');
	});

	test("namespaces: the selected process's first, the node's last", () => {
		const ns = (id: number, holder: string): NamespaceRow => ({type: 'pid', id, holder, members: 1});
		const rows = [ns(1, 'systemd 1'), ns(2, 'pause 5'), ns(3, 'app 6'), ns(4, 'pause 9')];
		const lines = plain(namespacesLines(theme, rows, 46, 10, [3], [1]));
		const order = lines.slice(1).map((l) => Number(/^pid\s+(\d+)/.exec(l)?.[1]));
		assert.deepEqual(order, [3, 2, 4, 1]);
	});
});

describe('details pane at 80×24, 120×40 and 200×60', () => {
	const details: ProcessDetails = {
		hostPid: 14,
		nsPids: [14, 1],
		ppid: 12,
		comm: 'app',
		state: 'S',
		threads: 3,
		namespaces: (['pid', 'ipc', 'uts', 'net', 'mnt'] as const).map((type, i) => ({
			type,
			id: 4026532160 + i,
			holder: i === 0 ? '14 (app)' : '13 (pause)',
		})),
		signals: {handled: ['SIGTERM', 'SIGCHLD'], ignored: [], blocked: [], pending: []},
		cgroup: {
			path: '/kubepods/pod9e3779b1-0000-4000-8000-000000000001/app',
			pidsCurrent: 7,
			pidsMax: 64,
			memoryCurrent: 0,
		},
		container: {pod: 'web', name: 'app', state: 'running', restarts: 2, events: [sentence]},
	};

	for (const [columns, rows] of sizes) {
		const layout = computeLayout(columns, rows, 2, 0, 0);
		if (layout.kind === 'too-small') continue;
		const {width, height} = layout.panel;
		test(`${columns}×${rows}: every value wraps at words; what does not fit is counted, never hidden behind empty rows`, () => {
			const all = plain(detailsLines(theme, details, width, 1000));
			const lines = plain(detailsLines(theme, details, width, height));
			for (const line of lines) assert.ok(line.length <= width, `"${line}" fits ${width}`);
			wordsWhole(
				all.map((l) => l.slice(10)),
				sentence,
			);
			if (all.length > height) {
				assert.equal(lines.length, height, 'every row used');
				assert.match(lines.at(-1)!, new RegExp(`^\\+${all.length - height + 1} more lines$`));
			} else assert.deepEqual(lines, all);
			// Where it lives comes first: its container and namespaces before resources and signals.
			assert.match(lines[1] ?? '', /^container web\/app running, restarts 2/);
		});
	}
});
