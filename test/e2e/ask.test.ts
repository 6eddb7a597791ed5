// An `ask:` step in the playground, in a real terminal: play stops on the question, a digit
// answers, the next moments play, and the answer is revealed with why and the rules.
import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {ensureBuilt} from '../helpers/cli.js';
import {startCli, type Term, waitForKeys} from '../helpers/term.js';
import {firstFrame, messageLine} from './screen.js';

before(ensureBuilt);
const flat = (text: string) => text.replace(/\s+/g, ' ');
const terms: Term[] = [];
after(() => {
	for (const t of terms) t.kill();
});

describe('ask: the playground asks before it reveals', () => {
	for (const [columns, rows] of [
		[100, 30],
		[80, 24],
	] as const)
		test(`kill-pid-1 at ${columns}×${rows}: stops on the question, 2 answers it, the reveal names R-SIG-2`, async () => {
			const t = startCli(['kill-pid-1'], {columns, rows});
			terms.push(t);
			await waitForKeys(t, firstFrame);
			await t.waitFor(
				(s) => s.includes('Question') && s.includes('Press 1-3 to answer'),
				'the question',
				20_000,
			);
			// Text as read, lines joined: the box wraps words to the screen's width.
			const asked = flat(t.text());
			assert.match(asked, /paused/);
			assert.match(asked, /The app has no SIGTERM handler\. What happens\?/);
			assert.match(asked, /1\. The app exits, and the kubelet restarts the container\./);
			assert.match(asked, /3\. The workers die and the app stays\./);
			assert.doesNotMatch(asked, /Answer/, 'the answer is not given away');
			t.write('2');
			await t.waitFor((s) => messageLine(s).includes('you picked 2'), 'the pick acknowledged');
			await t.waitFor((s) => s.includes('Answer') && s.includes('Right: 2.'), 'the reveal', 20_000);
			const revealed = flat(t.text());
			assert.match(revealed, /Rules: R-SIG-2/);
			assert.match(revealed, /without one the kernel drops SIGTERM/);
		});

	test('a wrong pick is marked and the right answer shown', async () => {
		const t = startCli(['zombies'], {columns: 100, rows: 30});
		terms.push(t);
		await waitForKeys(t, firstFrame);
		await t.waitFor((s) => s.includes('Question') && s.includes('Press 1-3'), 'the question', 20_000);
		t.write('1');
		await t.waitFor((s) => s.includes('Not 1: the answer is 2.'), 'the reveal', 20_000);
		assert.match(t.text(), /zombie/);
	});
});
