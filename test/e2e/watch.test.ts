// Issue 9, "watch it happen", in a real terminal (built CLI): narration is never lost, prompts stop
// time and can be cancelled, every command answers in one line, a chapter shows the pane it is about.
import assert from 'node:assert/strict';
import {afterEach, before, describe, test} from 'node:test';
import {ensureBuilt, type Term} from '../helpers/term.js';
import {command, messageLine, open, processRows, rowOf} from './screen.js';

let term: Term | undefined;
const use = (t: Term) => {
	term = t;
	return t;
};
afterEach(() => {
	term?.kill();
	term = undefined;
});

const timeOf = (text: string) => /t=(\S+)s/.exec(text.split('\n')[0] ?? '')?.[1];
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('watching a scenario in a real terminal', {timeout: 90_000}, () => {
	before(() => ensureBuilt());

	test('two `say` steps on one moment both appear in the narration log (story pane)', async () => {
		const t = use(await open(['zombies'], {columns: 100, rows: 40, at: '1.2s'}));
		t.write('\t');
		await t.waitFor((s) => s.includes('[Story]'), 'the story pane');
		// Wrapped lines of the log are joined back to find each whole sentence.
		const story = (s: string) =>
			flat(
				s
					.split('\n')
					.map((l) => l.slice(0, 50))
					.join(' '),
			);
		await t.waitFor(
			(s) =>
				story(s).includes('Each shell reaps its foreground sleep and exits (R-ZOMB-7).') &&
				story(s).includes(
					'The orphaned background sleeps are adopted by PID 1 of their namespace (R-REAP-3).',
				),
			'both sentences of t=1s',
		);
	});

	test('a prompt freezes virtual time; Esc resumes it as it was', async () => {
		const t = use(await open(['default']));
		await t.waitFor((s) => s.includes('playing'), 'playing');
		t.write(':');
		await t.waitFor((s) => s.split('\n').some((l) => l.startsWith(':')), 'the command line');
		await t.waitFor((s) => s.split('\n')[0]?.includes('paused') ?? false, 'paused while the prompt is open');
		const frozen = timeOf(t.text());
		// Long enough for several frames at ×1: the clock must not move.
		await new Promise((resolve) => setTimeout(resolve, 600));
		assert.equal(timeOf(t.text()), frozen, 'virtual time stood still behind the prompt');
		t.write('\u001B');
		await t.waitFor((s) => s.split('\n')[0]?.includes('playing') ?? false, 'playing again after Esc');
	});

	test('Ctrl-C inside `:` cancels the prompt and the program keeps running', async () => {
		const t = use(await open(['default'], {at: '2s'}));
		t.write(':');
		await t.waitFor((s) => s.split('\n').some((l) => l.startsWith(':')), 'the command line');
		t.write('kill\u0003');
		await t.waitFor((s) => messageLine(s).includes('cancelled'), 'cancelled');
		t.write('j');
		await t.waitFor((s) => /›\s+2\s/.test(s), 'still answering keys');
	});

	test('every command answers in one line: `:load nosuch` names the bundled scenarios, a good load says so', async () => {
		const t = use(await open(['default'], {at: '2s'}));
		await command(t, 'load nosuch');
		// A long answer wraps onto more lines above the hint bar instead of being cut.
		await t.waitFor(
			(s) => /^unknown scenario "nosuch" \(bundled: .*zombies\)$/.test(messageLine(s)),
			'unknown scenario with the names',
		);
		await command(t, 'load zombies');
		await t.waitFor((s) => /^loaded zombies: /.test(messageLine(s)), 'loaded');
		assert.doesNotMatch(t.text(), /loading/);
	});

	test('in pause-ownership the queues pane shows without a key (chapter focus)', async () => {
		const t = use(await open(['pause-ownership'], {at: '4.2s'}));
		await t.waitFor((s) => s.includes('[Queues]') && /0x0*42\s+4\b/.test(s), 'queue 0x42 with 4 messages');
	});
});

describe('slow motion in a real terminal', {timeout: 120_000}, () => {
	before(() => ensureBuilt());

	test('kill PID 1 with `.`: children Z, PID 1 Z or gone, its namespace gone, a new PID 1, in that order', async () => {
		const t = use(await open(['kill-pid-1'], {columns: 100, rows: 40, at: '3.9s'}));
		const ns = /pid:\[(\d+)\] web\/app/.exec(t.text())?.[1];
		assert.ok(ns, "the app's PID namespace on screen");
		const stages = [
			{what: 'a worker <defunct>', seen: (s: string) => /\bZ .*worker <defunct>/.test(s)},
			{what: 'PID 1 (app 6) Z or gone', seen: (s: string) => !rowOf(s, 6) || rowOf(s, 6)?.state === 'Z'},
			{what: 'its PID namespace gone', seen: (s: string) => !s.includes(`pid:[${ns}]`)},
			{
				what: 'a new PID 1 of web/app',
				seen: (s: string) =>
					/\bapp\b.*web\/app/.test(s) && processRows(s).some((r) => r.hostPid > 9 && r.nsPid === '1'),
			},
		];
		let stage = 0;
		let last = '';
		for (let press = 0; press < 60 && stage < stages.length; press++) {
			t.write('.');
			// Each `.` shows one more event: wait for the frame to change before reading it.
			await t.waitFor((s) => s !== last, `the frame after . number ${press + 1}`);
			last = t.text();
			while (stage < stages.length && stages[stage]!.seen(last)) stage++;
		}
		assert.equal(stage, stages.length, `reached "${stages[stage]?.what}" last; screen:\n${last}`);
	});
});

describe('every word readable in a real terminal', {timeout: 90_000}, () => {
	before(() => ensureBuilt());

	test('w and Enter open a why row as its rule card: full statement, id, source, the event', async () => {
		const t = use(await open(['kill-pid-1'], {at: '4.5s'}));
		t.write('w');
		await t.waitFor((s) => s.includes('Enter card'), 'the why cursor');
		t.write('\r');
		await t.waitFor((s) => /^Source$/m.test(s), 'the rule card');
		const text = t.text();
		assert.match(text, /^R-\w+-\d+ {2}\S/m, 'id and title');
		assert.match(text, /Source\n {2}\S/, 'where the rule comes from');
		assert.match(text, /This event, at \d+\.\ds/);
		t.write('\u001B');
		await t.waitFor((s) => !/^Source$/m.test(s) && s.includes('Enter card'), 'back to the why cursor');
	});
});

describe('panes on the story in a real terminal', {timeout: 90_000}, () => {
	before(() => ensureBuilt());

	test('at 80×24 in crashloop-backoff the crash-looping pod is visible in its chapter, RESTARTS as kubectl (R-STATUS-3)', async () => {
		const t = use(await open(['crashloop-backoff'], {at: '12s'}));
		await t.waitFor(
			(s) => s.includes('[Pods]') && /^crasher\s+0\/1\s+CrashLoopBackOff\s+2\b/m.test(s),
			'crasher',
		);
		// Pods in name order, as kubectl sorts them.
		const names = t
			.screen()
			.map((l) => /^(crasher|job-like|quitter)\s/.exec(l)?.[1])
			.filter((n) => n !== undefined);
		assert.deepEqual(names, ['crasher', 'job-like', 'quitter']);
	});
});

describe('details, branches and a dumb terminal in a real terminal', {timeout: 90_000}, () => {
	before(() => ensureBuilt());

	test('the details pane describes the selected process: NSpid, PPid, its container, namespaces and holders', async () => {
		const t = use(await open(['default'], {columns: 120, rows: 40, at: '2s'}));
		// The app of web: the process whose innermost PID is 1 under a containerd-shim.
		const app = processRows(t.text()).find((r) => r.nsPid === '1' && /\bapp\b/.test(r.line));
		assert.ok(app, `an app with PID 1 in its namespace:\n${t.text()}`);
		t.write(String(app.hostPid));
		t.write('\r');
		await t.waitFor((s) => new RegExp(`^[›>]\\s*${app.hostPid}\\s`, 'm').test(s), 'the app selected');
		for (let i = 0; i < 4 && !t.text().includes('[Details]'); i++) {
			t.write('\t');
			await t.waitFor((s) => s.includes('[Details]'), 'the details pane', 3000).catch(() => undefined);
		}
		await t.waitFor(
			(s) =>
				new RegExp(`PID\\s+${app.hostPid}\\s+NSpid ${app.hostPid} 1\\s+PPid \\d+`).test(s) &&
				/container\s+web\/app running, restarts 0/.test(s) &&
				/\bpid\s+\[\d+\] held by \S/.test(s),
			'the app described',
		);
	});

	test('B lists each branch with its split point and time, the current one marked', async () => {
		const t = use(await open(['default'], {columns: 120, rows: 40, at: '3s'}));
		await command(t, 'goto 1s');
		await t.waitFor((s) => s.includes('t=1.0s'), 't=1.0s');
		await command(t, 'spawn web/app');
		await t.waitFor((s) => /branch branch-1/.test(s.split('\n')[0] ?? ''), 'on branch-1');
		t.write('B');
		await t.waitFor(
			(s) => /\* branch-1 t=1\.0s split 1\.0s/.test(s) && /\bmain t=3\.0s/.test(s),
			'the branch menu with times and the mark',
		);
	});

	test('TERM=dumb: primary screen, no synchronized output, no SGR', async () => {
		const t = use(await open([], {env: {TERM: 'dumb'}, at: '2s'}));
		assert.equal(t.isAlternate(), false, 'not the alternate screen');
		const raw = t.output();
		assert.doesNotMatch(raw, /\u001B\[\?1049h/, 'no alternate screen');
		assert.doesNotMatch(raw, /\u001B\[\?2026[hl]/, 'no synchronized output');
		assert.doesNotMatch(raw, /\u001B\[[\d;]*m/, 'no SGR');
		assert.ok(t.text().includes('containerd-shim'), 'the tree is drawn');
		assert.deepEqual(t.colouredCells().slice(0, 5), []);
	});
});

describe('fork-bomb in a real terminal', {timeout: 90_000}, () => {
	before(() => ensureBuilt());

	test('pids.current/pids.max of each pod show live: bomb at its limit (R-ZOMB-5)', async () => {
		const t = use(await open(['fork-bomb'], {at: '2s'}));
		await t.waitFor((s) => /PIDS/.test(s) && /^bomb\s.*\b32\/32\b/m.test(s), 'bomb at 32/32');
	});
});
