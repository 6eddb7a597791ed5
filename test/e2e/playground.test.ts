// The built CLI (dist/cli.js) in a real pseudo-terminal: every test asserts what is on screen.
// Tests that need a still screen pause the clock and go to a known moment (`:pause`, `:goto 2s`).
import assert from 'node:assert/strict';
import {afterEach, before, describe, test} from 'node:test';
import {ensureBuilt, startCli, type Term, waitForKeys} from '../helpers/term.js';
import {command, firstFrame, messageLine, open, processRows, rowOf, selectedLine} from './screen.js';

let term: Term | undefined;
const use = (t: Term) => {
	term = t;
	return t;
};
afterEach(() => {
	term?.kill();
	term = undefined;
});

/** A roomy terminal for tests that read many rows (below 110 columns: tree over a pane strip). */
const roomy = {columns: 100, rows: 40};

describe('playground (built CLI) in a real terminal', {timeout: 600_000}, () => {
	before(() => ensureBuilt());

	test('starts on the node tree with a status bar and a hint bar', async () => {
		const t = use(await open([]));
		const lines = t.screen();
		// At 80 columns the chapter stays; the program's name and the main branch give way first.
		assert.match(lines[0], /playing {2}t=\d+\.\ds .*chapter A node with a few pods +\d+ procs {2}\? help/);
		const text = t.text();
		for (const name of ['systemd', 'containerd-shim', 'pause', 'app'])
			assert.ok(text.includes(name), `${name} on screen`);
		assert.match(lines.at(-1) ?? '', /j\/k move .*q quit/);
		assert.match(selectedLine(text), /\b1\s+- S .*systemd/);
	});

	test('a shim row names its pod without a container (no "web/?")', async () => {
		const t = use(await open([], {at: '2s'}));
		const shim = rowOf(t.text(), 4);
		assert.ok(shim, 'containerd-shim 4 on screen');
		assert.match(shim.line, /containerd-shim\s+web\s*$/);
		assert.doesNotMatch(t.text(), /\/\?/);
	});

	test('j and k move the selection', async () => {
		const t = use(await open([], {at: '2s'}));
		t.write('j');
		await t.waitFor((s) => /\b2\s+- S .*containerd/.test(selectedLine(s)), 'j selects containerd');
		t.write('j');
		await t.waitFor((s) => selectedLine(s).includes('kubelet'), 'j again selects kubelet');
		t.write('k');
		await t.waitFor((s) => selectedLine(s).includes('containerd'), 'k selects containerd');
	});

	test('K kills PID 1 of a container from the node: its children die, the container restarts (R-SIG-2)', async () => {
		const t = use(await open([], {...roomy, at: '2s'}));
		const workers = processRows(t.text()).filter(
			(r) => r.line.includes('worker') && r.line.includes('web/app'),
		);
		assert.equal(workers.length, 3, 'three workers before');
		t.write('6\r');
		await t.waitFor((s) => /\b6\s+1 S .*app/.test(selectedLine(s)), 'web app (6) selected');
		t.write('K');
		await t.waitFor((s) => s.includes('Send SIGKILL to PID 1 of web/app?'), 'confirmation');
		t.write('y');
		await t.waitFor((s) => messageLine(s).includes('SIGKILL from the node kills 6 (app)'), 'kill reported');
		await t.waitFor(
			(s) => !rowOf(s, 6) && workers.every((w) => !rowOf(s, w.hostPid)),
			'the old app and its workers are gone',
		);
		await t.waitFor((s) => {
			const app = processRows(s).find((r) => /\bapp\b.*web\/app/.test(r.line));
			return app !== undefined && app.hostPid !== 6 && app.nsPid === '1';
		}, 'a new app as PID 1 of web/app');
		await t.waitFor((s) => /^web\s+\d\/1\s+\S+\s+1 \(/m.test(s), 'web shows one restart');
	});

	test('orphans are adopted (marked) and reaped by a reaping PID 1, left <defunct> by one that does not reap', async () => {
		const t = use(await open([], {...roomy, at: '2s'}));
		// web's app reaps its children (R-REAP-3, R-ZOMB-4).
		await command(t, 'orphan pid:6');
		await t.waitFor(
			(s) => /orphan \d+ \(sleep\) reparented to PID 1/.test(messageLine(s)),
			'orphan under web',
		);
		const webSleep = Number(/orphan (\d+)/.exec(messageLine(t.text()))?.[1]);
		await t.waitFor((s) => /sleep .*adopted.*web\/app/.test(rowOf(s, webSleep)?.line ?? ''), 'sleep adopted');
		assert.match(t.text(), /R-ZOMB-4 \d+ \(sh\) reaped by 6 \(app\)/);
		assert.ok(
			!processRows(t.text()).some((r) => r.state === 'Z' && r.line.includes('web/app')),
			'no zombie in web',
		);
		// legacy's app never waits: the shell that exited stays a zombie (R-ZOMB-1).
		await command(t, 'orphan pid:14');
		await t.waitFor(
			(s) =>
				/orphan \d+ \(sleep\) reparented to PID 1/.test(messageLine(s)) &&
				!messageLine(s).includes(`orphan ${webSleep} `),
			'orphan under legacy',
		);
		// The orphan's shell forked it just before exiting: the PID before the orphan's.
		const shell = Number(/orphan (\d+)/.exec(messageLine(t.text()))?.[1]) - 1;
		assert.ok(shell > 0, 'the orphan is named');
		t.write(`${shell}\r`);
		await t.waitFor(
			(s) => /\bZ .*sh <defunct>.*legacy\/app/.test(rowOf(s, shell)?.line ?? ''),
			'sh is <defunct>',
		);
	});

	test('shareProcessNamespace on: pause becomes PID 1 of the pod, the app is not PID 1 any more', async () => {
		const t = use(await open([], {...roomy, at: '2s'}));
		assert.equal(rowOf(t.text(), 6)?.nsPid, '1', 'app is PID 1 before');
		await command(t, 'share web on');
		await t.waitFor((s) => messageLine(s).includes('pod web is recreated'), 'pod recreated');
		// The new pod's processes come last in the tree.
		t.write('G');
		await t.waitFor((s) => {
			const rows = processRows(s);
			const pause = rows.find((r) => /pause .*web\b/.test(r.line) && r.hostPid > 6);
			const app = rows.find((r) => /\bapp\b.*web\/app/.test(r.line));
			return pause?.nsPid === '1' && app !== undefined && app.nsPid !== '1' && app.hostPid > pause.hostPid;
		}, 'pause is PID 1 and app is not');
	});

	test('( rewinds to the earlier tree, a moment at a time', async () => {
		const t = use(await open([], {...roomy, at: '2s'}));
		await command(t, 'kill web/app:1 KILL');
		await t.waitFor((s) => !rowOf(s, 6) && !rowOf(s, 9), 'app 6 and worker 9 gone');
		t.write('(');
		await t.waitFor(
			(s) => rowOf(s, 6)?.nsPid === '1' && rowOf(s, 9) !== undefined,
			'app 6 and worker 9 back',
		);
	});

	test('resizes: usable at 60×20, a clear message at 40×12, back again', async () => {
		const t = use(await open([], {at: '2s'}));
		t.resize(60, 20);
		await t.waitFor((s) => {
			const lines = s.split('\n');
			return lines[0].includes('paused') && s.includes('systemd') && /^j\/k move/.test(lines.at(-1) ?? '');
		}, 'redrawn at 60×20');
		t.write('j');
		await t.waitFor((s) => selectedLine(s).includes('containerd'), 'still answers keys at 60×20');
		t.resize(40, 12);
		await t.waitFor((s) => s.includes('terminal too small'), 'too small');
		const message = t.screen().map((l) => l.trim());
		assert.ok(message.includes('terminal too small'), 'first line whole');
		assert.ok(
			message.some((l) => /^have 40×12, need \d+×\d+$/.test(l)),
			`sizes on one line:\n${message.join('\n')}`,
		);
		t.resize(80, 24);
		await t.waitFor((s) => s.includes('systemd'), 'back at 80×24');
	});

	for (const [name, key] of [
		['q', 'q'],
		['Ctrl-C', '\u0003'],
	] as const)
		test(`${name} quits and restores the terminal (primary screen, cursor shown)`, async () => {
			const t = use(await open([]));
			assert.ok(t.isAlternate(), 'in the alternate screen while running');
			t.write(key);
			assert.equal(await t.exited, 0);
			await t.waitFor(() => !t.isAlternate(), 'the primary screen back');
			assert.ok(
				t.output().endsWith('\u001B[?25h'),
				`ends by showing the cursor: ${JSON.stringify(t.output().slice(-40))}`,
			);
		});

	test('NO_COLOR=1 draws no colour', async () => {
		const coloured = use(await open([]));
		assert.ok(coloured.colouredCells().length > 0, 'colours by default');
		coloured.kill();
		// FORCE_COLOR stays set (term.ts), so only podplay's own NO_COLOR handling can take colour away.
		const t = use(startCli([], {env: {NO_COLOR: '1'}}));
		await waitForKeys(t, firstFrame);
		assert.deepEqual(t.colouredCells().slice(0, 5), []);
	});

	test('--ascii draws no box-drawing or tree glyphs', async () => {
		const t = use(await open(['--ascii'], {at: '2s'}));
		const text = t.text();
		assert.ok(text.includes('containerd-shim'), 'the tree is drawn');
		assert.doesNotMatch(text, /[\u2500-\u259f\u25b6-\u25c0\u203a\u25c6\u21b0\u275a\u00d7\u2026]/u);
	});
});
