import '../helpers/force-color.js';
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {Playground} from '../../source/ui/run.js';
import type {WhyRow} from '../../source/ui/session.js';
import {makeTheme} from '../../source/ui/theme.js';
import {whyLines, whyStart} from '../../source/ui/why-pane.js';
import {makeFakeSession} from '../fixtures/ui/fake-session.js';
import {renderFixed, stripAnsi} from '../helpers/render.js';

const theme = makeTheme({ascii: false, color: true});
const events = (n: number): WhyRow[] =>
	Array.from({length: n}, (_, seq) => ({t: 3000, rule: 'R-SIG-6', text: `event ${seq}`, seq}));
/** What the pane shows after `n` events, as the session hands them (the latest `height`). */
const shown = (n: number, height: number) =>
	whyLines(theme, events(n).slice(-height), 46, height).map((l) => stripAnsi(l).split(' ').at(-1));

describe('why pane (issue 5: bytes per frame)', () => {
	test('fills from the top, then jump-scrolls by half a pane', () => {
		assert.deepEqual(shown(3, 6), ['0', '1', '2']);
		assert.deepEqual(shown(6, 6), ['0', '1', '2', '3', '4', '5']);
		assert.deepEqual(shown(7, 6), ['3', '4', '5', '6']);
		assert.deepEqual(shown(9, 6), ['3', '4', '5', '6', '7', '8']);
		assert.deepEqual(shown(10, 6), ['6', '7', '8', '9']);
	});

	test('the newest event and at least half a pane are always on screen', () => {
		for (let n = 1; n < 40; n++) {
			const lines = shown(n, 7);
			assert.equal(lines.at(-1), String(n - 1));
			assert.ok(lines.length >= Math.min(n, 4) && lines.length <= 7, `${n} events: ${lines.length} lines`);
		}
	});

	test('between jumps a new event adds one line and leaves the others byte-identical', () => {
		const before = whyLines(theme, events(7).slice(-6), 46, 6);
		const after = whyLines(theme, events(8).slice(-6), 46, 6);
		assert.deepEqual(after.slice(0, before.length), before);
		assert.equal(after.length, before.length + 1);
	});

	test('rows without a sequence number keep the latest at the bottom', () => {
		const rows = events(9).map(({seq: _, ...row}) => row);
		assert.equal(whyStart(rows, 6), 3);
	});

	test('the same event twice at the same time draws two lines and no duplicate-key warning', async () => {
		const session = makeFakeSession();
		const twice: WhyRow[] = [
			{t: 3000, rule: 'R-SIG-6', text: 'SIGSTOP from the node stops 14 (sleep)'},
			{t: 3000, rule: 'R-SIG-6', text: 'SIGSTOP from the node stops 14 (sleep)'},
		];
		const warnings: string[] = [];
		const original = console.error;
		console.error = (...args: unknown[]) => {
			warnings.push(args.map(String).join(' '));
		};
		try {
			const r = renderFixed(<Playground session={{...session, why: () => twice}} options={theme} />, {
				columns: 120,
				rows: 40,
			});
			await r.waitFor((f) => f.includes('systemd'));
			assert.equal(r.lines().filter((l) => l.includes('SIGSTOP from the node stops 14')).length, 2);
			r.unmount();
		} finally {
			console.error = original;
			session.dispose();
		}
		assert.deepEqual(
			warnings.filter((w) => /same key/.test(w)),
			[],
		);
	});
});
