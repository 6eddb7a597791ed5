import '../helpers/force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {bindingLabel, keyTable} from '../../source/ui/keys.js';
import {Playground} from '../../source/ui/run.js';
import {type FakeSession, makeFakeSession} from '../fixtures/ui/fake-session.js';
import {renderFixed, stripAnsi} from '../helpers/render.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
	for (const c of cleanups.splice(0)) c();
});

function start(
	options: {ascii?: boolean; color?: boolean; columns?: number; rows?: number; session?: FakeSession} = {},
) {
	const session = options.session ?? makeFakeSession();
	const r = renderFixed(
		<Playground session={session} options={{ascii: options.ascii ?? false, color: options.color ?? true}} />,
		{columns: options.columns ?? 80, rows: options.rows ?? 24},
	);
	cleanups.push(() => {
		r.unmount();
		session.dispose();
	});
	return {...r, session};
}

const lineWith = (lines: string[], text: string) => lines.find((l) => l.includes(text)) ?? '';

describe('process tree', () => {
	test('shows state letters, <defunct> zombies (R-ZOMB-1), adopted orphans (R-REAP-3) and holders', async () => {
		const r = start();
		await r.waitFor((f) => f.includes('systemd'));
		const lines = r.lines();
		assert.match(lineWith(lines, 'nginx-worker'), /1262\s+7 R /);
		assert.match(lineWith(lines, ' sh '), /1270\s+9 Z .*sh <defunct>/);
		assert.match(lineWith(lines, 'sleep'), /S .*sleep ↰adopted/);
		assert.match(lineWith(lines, '1210'), /1210\s+1 S .*pause ◆pid,ipc,uts/);
	});

	test('draws a boundary line where a row enters a new PID namespace (R-PIDNS-2)', async () => {
		const r = start();
		await r.waitFor((f) => f.includes('systemd'));
		const lines = r.lines();
		const boundary = lines.findIndex((l) => l.includes('pid:[4026532202] web/app'));
		assert.ok(boundary > 0, 'boundary line drawn');
		assert.match(lines[boundary + 1], /1250\s+1 S .*nginx/);
	});

	test('threads are listed under their process', async () => {
		const r = start();
		await r.waitFor((f) => f.includes('containerd'));
		const lines = r.lines();
		const at = lines.findIndex((l) => l.includes(' containerd'));
		assert.match(lines[at + 1], /2\*\[\{containerd\}\] \{gc\}/);
	});

	test('/ underlines what matches in every row and says which match is selected of how many (2/3); n/N move', async () => {
		const r = start({columns: 120, rows: 40});
		await r.waitFor((f) => f.includes('systemd'));
		const shims = r.lines().filter((l) => l.includes('containerd-shim')).length;
		assert.ok(shims >= 2, 'several shims to find');
		await r.press('/', 's', 'h', 'i', 'm', '\r');
		await r.waitFor((f) => new RegExp(`1/${shims} "shim"`).test(stripAnsi(f)), 'first of the matches');
		// Underlined (SGR 4) exactly around the matching part of each matching name.
		const underlined = (r.rawFrame().match(/\u001B\[4m([^\u001B]*)\u001B\[24m/g) ?? []).map(stripAnsi);
		assert.ok(underlined.length >= shims, `every shim underlined: ${underlined.join(',')}`);
		assert.ok(
			underlined.every((u) => u === 'shim'),
			underlined.join(','),
		);
		await r.press('n');
		await r.waitFor((f) => new RegExp(`2/${shims} "shim"`).test(stripAnsi(f)), 'the second match');
		await r.press('N');
		await r.waitFor((f) => new RegExp(`1/${shims} "shim"`).test(stripAnsi(f)), 'back to the first');
	});

	test('Enter collapses and expands the selected subtree; - and + fold everything', async () => {
		const r = start();
		await r.waitFor((f) => f.includes('systemd'));
		await r.press('/', 'n', 'g', 'i', 'n', 'x', '\r');
		await r.waitFor((f) => lineWith(f.split('\n'), '›').includes('nginx'), 'nginx selected');
		await r.press('\r');
		await r.waitFor((f) => f.includes('(collapsed)') && !f.includes('nginx-worker'), 'nginx collapsed');
		await r.press('\r');
		await r.waitFor((f) => f.includes('nginx-worker'), 'nginx expanded');
		await r.press('-');
		await r.waitFor((f) => f.includes('1-1 of 1'), 'all collapsed');
		await r.press('+');
		await r.waitFor((f) => f.includes('of 15'), 'all expanded');
	});

	test('j/k move the selection and the window scrolls to keep it visible', async () => {
		const r = start();
		await r.waitFor((f) => f.includes('systemd'));
		await r.press('j');
		await r.waitFor((f) => lineWith(f.split('\n'), '›').includes('containerd'));
		await r.press('G');
		await r.waitFor((f) => lineWith(f.split('\n'), '›').includes('consumer-worker'), 'last row selected');
		await r.press('k');
		await r.waitFor((f) => lineWith(f.split('\n'), '›').includes('1330'));
	});

	test('the selected row stays on its screen line when rows appear above it', async () => {
		const r = start();
		await r.waitFor((f) => f.includes('systemd'));
		await r.press('/', '1', '2', '6', '2', '\r');
		await r.waitFor((f) => lineWith(f.split('\n'), '›').includes('1262'));
		const before = r.lines().findIndex((l) => l.startsWith('›'));
		r.session.run('spawn pid:412');
		await r.press('.');
		await r.waitFor((f) => f.includes('of 16'), 'new process counted');
		assert.equal(
			r.lines().findIndex((l) => l.startsWith('›')),
			before,
		);
		assert.match(lineWith(r.lines(), '›'), /1262/);
	});
});

describe('keys through the session', () => {
	test('signal menu: KILL asks for confirmation, then sends kill pid:N KILL', async () => {
		const r = start();
		await r.waitFor((f) => f.includes('systemd'));
		await r.press('/', 'n', 'g', 'i', 'n', 'x', '-', 'w', '\r', 's');
		await r.waitFor((f) => f.includes('Signal nginx-worker (pid 1262)'));
		await r.press('4');
		await r.waitFor((f) => f.includes('Send SIGKILL to nginx-worker (pid 1262)? [y/N]'));
		await r.press('y');
		await r.waitFor((f) => lineWith(f.split('\n'), '1262').includes('<defunct>'), 'worker became a zombie');
		assert.deepEqual(r.session.commands, ['kill pid:1262 KILL']);
	});

	test('n at the confirmation cancels', async () => {
		const r = start();
		await r.waitFor((f) => f.includes('systemd'));
		await r.press('D');
		await r.waitFor((f) => f.includes('not in a pod'));
		await r.press('/', '1', '2', '5', '0', '\r', 'D');
		await r.waitFor((f) => f.includes('Delete pod web? [y/N]'));
		await r.press('n');
		await r.waitFor((f) => f.includes('cancelled'));
		assert.deepEqual(r.session.commands, []);
	});

	test('P toggles shareProcessNamespace of the selected pod through run()', async () => {
		const r = start();
		await r.waitFor((f) => f.includes('systemd'));
		await r.press('/', '1', '2', '5', '0', '\r', 'P');
		await r.waitFor((f) => f.includes('shareProcessNamespace: on for pod web'));
		assert.deepEqual(r.session.commands, ['share web on']);
	});

	test('a wrong command shows one clear line and the playground goes on', async () => {
		const r = start();
		await r.waitFor((f) => f.includes('systemd'));
		await r.press(':', 'f', 'r', 'o', 'b', '\r');
		await r.waitFor((f) => f.includes('unknown command "frob"'));
		await r.press(':');
		await r.press(
			'k',
			'i',
			'l',
			'l',
			' ',
			'p',
			'i',
			'd',
			':',
			'1',
			'2',
			'6',
			'2',
			' ',
			'B',
			'O',
			'O',
			'M',
			'\r',
		);
		await r.waitFor((f) => f.includes('unknown signal "BOOM"'));
		await r.press('j');
		await r.waitFor((f) => lineWith(f.split('\n'), '›').includes('containerd'));
	});

	test('Tab completes a command; Up recalls the last one', async () => {
		const r = start();
		await r.waitFor((f) => f.includes('systemd'));
		await r.press(':', 's', 'h', '\t');
		await r.waitFor((f) => f.includes(':share '));
		await r.press('w', '\t');
		await r.waitFor((f) => f.includes(':share web '));
		await r.press('o', 'n', '\r');
		await r.waitFor((f) => f.includes('shareProcessNamespace: on'));
		await r.press(':', '\u001B[A');
		await r.waitFor((f) => f.includes(':share web on'));
	});

	test('Space plays and pauses; the status bar says so in words', async () => {
		const r = start();
		await r.waitFor((f) => f.includes('paused'));
		await r.press(' ');
		await r.waitFor((f) => f.includes('playing'));
		await r.waitFor((f) => !f.includes('t=0.0s'), 'time advances while playing');
		await r.press(' ');
		await r.waitFor((f) => f.includes('paused'));
		assert.equal(r.session.status().playing, false);
	});
});

describe('help', () => {
	test('lists every bound key from the key table, and pauses while open', async () => {
		const r = start({columns: 100, rows: 30});
		await r.waitFor((f) => f.includes('systemd'));
		await r.press(' ');
		await r.waitFor(() => r.session.status().playing);
		await r.press('?');
		await r.waitFor((f) => f.includes('Keys'));
		assert.equal(r.session.status().playing, false, 'help pauses');
		const frame = r.frame();
		for (const binding of keyTable)
			assert.ok(frame.includes(bindingLabel(binding)), `help shows ${bindingLabel(binding)}`);
		await r.press('?');
		await r.waitFor((f) => f.includes('systemd'));
		assert.equal(r.session.status().playing, true, 'closing help resumes');
	});
});

describe('screen size and style', () => {
	test('every frame fits the terminal: 80×24, 60×20, 120×40', async () => {
		for (const [columns, rows] of [
			[80, 24],
			[60, 20],
			[120, 40],
		]) {
			const r = start({columns, rows});
			await r.waitFor((f) => f.includes('systemd'));
			const lines = r.lines();
			assert.ok(lines.length <= rows, `${lines.length} lines at ${columns}×${rows}`);
			for (const line of lines)
				assert.ok([...line].length <= columns, `line too wide at ${columns}: ${line}`);
		}
	});

	test('wide terminals show pods, the story and why at once; Tab brings details, namespaces and queues', async () => {
		const r = start({columns: 130, rows: 40});
		await r.waitFor((f) => f.includes('systemd'));
		for (const text of ['Pods', '[Story]', 'Why', 'R-REAP-3'])
			assert.ok(r.frame().includes(text), `shows ${text}`);
		await r.press('\t');
		await r.waitFor(
			(f) => f.includes('[Details]') && /pids\s+7\/32/.test(f),
			'details of the selected process',
		);
		await r.press('\t');
		await r.waitFor((f) => f.includes('[Namespaces]') && f.includes('HOLDER'), 'namespaces');
		await r.press('\t');
		await r.waitFor((f) => f.includes('[Queues]') && f.includes('0x0000beef'), 'queues');
	});

	test('below 60×16 says so, and comes back on resize', async () => {
		const r = start({columns: 40, rows: 12});
		await r.waitFor((f) =>
			f.replace(/\s+/g, ' ').includes('terminal too small have 40×12, need 60×16 q quits'),
		);
		await r.resize(80, 24);
		await r.waitFor((f) => f.includes('systemd'));
	});

	test('ascii mode draws no box-drawing or tree glyphs', async () => {
		const r = start({ascii: true});
		await r.waitFor((f) => f.includes('systemd'));
		const f = r.frame();
		assert.ok(!/[\u2500-\u259f\u25b6-\u25c6\u203a\u2190-\u21ff\u276a]/.test(f), `non-ASCII glyph in:\n${f}`);
		assert.match(f, /\|-/);
	});

	test('color: false emits no colour codes, yet states stay readable as letters', async () => {
		const r = start({color: false});
		await r.waitFor((f) => f.includes('systemd'));
		assert.ok(!/\u001B\[(3|9)\d(;\d+)*m/.test(r.rawFrame()), 'no foreground colour');
		assert.match(lineWith(r.lines(), '1270'), / Z .*<defunct>/);
		const colored = start({color: true});
		await colored.waitFor((f) => f.includes('systemd'));
		assert.match(colored.rawFrame(), /\u001B\[31m/, 'zombies are red when colour is on');
	});
});

test('stripAnsi leaves plain text alone', () => {
	assert.equal(stripAnsi('\u001B[1mab\u001B[22m'), 'ab');
});

describe('frame cost follows the screen, not the process count', () => {
	test('a key press at 1,000 and at 50,000 processes reads about one screen of rows', async (t) => {
		for (const processes of [1000, 50_000]) {
			const session = makeFakeSession({processes});
			const r = start({session});
			await r.waitFor((f) => f.includes(`of ${session.processCount()}`), `${processes} processes counted`);
			await r.press('G');
			await r.waitFor(
				(f) => f.includes(`${session.processCount()} of ${session.processCount()}`),
				'at the bottom',
			);
			session.rowsRead = 0;
			const started = performance.now();
			await r.press('k');
			await r.waitFor(
				(f) => (f.split('\n').find((l) => l.startsWith('›')) ?? '').includes('worker-'),
				'moved up',
			);
			t.diagnostic(
				`${processes} processes: ${session.rowsRead} rows read, ${(performance.now() - started).toFixed(1)} ms`,
			);
			assert.ok(session.rowsRead <= 24 * 4, `${session.rowsRead} rows read for one frame`);
		}
	});
});
