// Presenter mode in a real terminal: stops, clicker keys, blank, jump, a live kill and back to the
// scenario's line, a question answered from the room, and the speaker notes it writes.
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {ensureBuilt, podplay} from '../helpers/cli.js';
import {startCli, type Term, waitForKeys} from '../helpers/term.js';
import {command} from './screen.js';

before(ensureBuilt);
const dir = mkdtempSync(join(tmpdir(), 'podplay-present-'));
const terms: Term[] = [];
after(async () => {
	for (const t of terms) t.kill();
	await Promise.all(terms.map((t) => t.exited));
	rmSync(dir, {recursive: true, force: true});
});

const RIGHT = '\u001B[C';
const LEFT = '\u001B[D';
const flat = (text: string) => text.replace(/\s+/g, ' ');
const line = (text: string, n: number) => text.split('\n')[n] ?? '';

async function present(name: string, notes = join(dir, `${name}.json`)): Promise<Term> {
	const t = startCli(['present', name, '--notes', notes], {columns: 100, rows: 30});
	terms.push(t);
	await waitForKeys(t, (s) => s.includes('waiting: → next'));
	return t;
}

describe('podplay present', () => {
	test('stops at each chapter and say; → advances, ← goes back, b blanks, g N jumps', async () => {
		const t = await present('kill-pid-1');
		assert.match(line(t.text(), 1), /Chapter 1\/3 · PID 1 and its workers/);
		t.write(RIGHT);
		await t.waitFor((s) => flat(s).includes('forks three workers.'), 'the say, a stop of its own');
		assert.match(t.text(), /t=0\.0s/, 'a say at the same moment is the next stop, no time passes');
		t.write(' ');
		await t.waitFor(
			(s) => /Chapter 2\/3 · SIGTERM from the node/.test(line(s, 1)) && s.includes('waiting'),
			'chapter 2',
		);
		assert.match(t.text(), /t=2\.0s/);
		t.write(LEFT);
		await t.waitFor(
			(s) => flat(s).includes('forks three workers.') && s.includes('t=0.0s'),
			'back to the say',
		);
		t.write('b');
		await t.waitFor((s) => s.trim() === '', 'a blank screen');
		t.write('b');
		await t.waitFor((s) => s.includes('Chapter 1/3'), 'the screen back');
		t.write('g');
		t.write('3');
		await t.waitFor(
			(s) => /Chapter 3\/3 · SIGKILL from the node/.test(line(s, 1)) && s.includes('t=4.0s'),
			'chapter 3',
		);
	});

	test('a live kill goes on a branch; r returns to the scenario’s line at the same time', async () => {
		const t = await present('kill-pid-1');
		await command(t, 'kill web/app KILL');
		await t.waitFor(
			(s) => s.includes('SIGKILL from the node kills') && !/branch main /.test(s),
			'killed on a branch',
		);
		t.write(RIGHT);
		await t.waitFor(
			(s) => /RESTARTS|Running\s+1 /.test(s) && /\b1 \(\d+s ago\)|Running 1/.test(flat(s)),
			'restarted live',
			20_000,
		);
		t.write('r');
		await t.waitFor(
			(s) => /branch main /.test(s) && /web\s+1\/1\s+Running\s+0 /.test(s),
			'back on main, no restart',
		);
	});

	test('a question stops the talk; 2 answers it and the reveal follows', async () => {
		const t = await present('kill-pid-1');
		t.write('g');
		t.write('2');
		await t.waitFor((s) => s.includes('Chapter 2/3'), 'chapter 2');
		t.write(RIGHT);
		await t.waitFor((s) => s.includes('Question') && s.includes('Press 1-3'), 'the question');
		t.write('2');
		await t.waitFor((s) => s.includes('You picked 2.'), 'the pick');
		// The moments after the question play, stopping at each say, up to the answer.
		for (let i = 0; !flat(t.text()).includes('Right: 2.'); i++) {
			assert.ok(i < 6, `no reveal after ${i} clicks:\n${t.text()}`);
			await t.waitFor((s) => s.includes('waiting: → next'), 'a stop', 20_000);
			t.write(RIGHT);
			await t
				.waitFor((s) => !s.includes('waiting: → next') || flat(s).includes('Right: 2.'), 'moving on', 5000)
				.catch(() => undefined);
		}
	});

	test('speaker notes: podplay notes shows the chapter, its notes, the next chapter and the time', async () => {
		const notes = join(dir, 'notes.json');
		const t = await present('zombies', notes);
		t.write('g');
		t.write('2');
		await t.waitFor((s) => s.includes('Chapter 2/5'), 'chapter 2');
		for (let i = 0; ; i++) {
			const {stdout} = await podplay(['notes', '--notes', notes]);
			if (stdout.includes('chapter 2/5 — Orphans')) {
				assert.match(stdout, /The shells exit; their background jobs lose their parent\./);
				assert.match(stdout, /Next: chapter 3 — Zombies/);
				assert.match(stdout, /elapsed \d+:\d\d/);
				break;
			}
			assert.ok(i < 50, `notes never showed chapter 2:\n${stdout}`);
		}
	});
});
