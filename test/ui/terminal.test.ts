// The playground over the fake session in a real pseudo-terminal (the built CLI: test/e2e/).
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {startFakeApp, type Term, waitForKeys} from '../helpers/term.js';

let term: Term | undefined;
afterEach(() => {
	term?.kill();
	term = undefined;
});

const selectedLine = (text: string) => text.split('\n').find((l) => l.startsWith('›')) ?? '';

const ready = (t: Term) => waitForKeys(t, (s) => s.includes('systemd'));

describe('playground in a real terminal', {timeout: 600_000}, () => {
	test('starts on the tree in the alternate screen; j/k select', async () => {
		term = startFakeApp();
		await ready(term);
		assert.ok(term.isAlternate(), 'alternate screen');
		assert.match(selectedLine(term.text()), /\b1\s+- S .*systemd/);
		term.write('j');
		await term.waitFor((s) => selectedLine(s).includes('containerd'), 'j selects containerd');
		term.write('k');
		await term.waitFor((s) => selectedLine(s).includes('systemd'), 'k selects systemd again');
	});

	test('kill via the signal menu, with confirmation', async () => {
		term = startFakeApp();
		await ready(term);
		term.write('1262\r');
		await term.waitFor((s) => selectedLine(s).includes('nginx-worker'), 'jumped to 1262');
		term.write('s');
		await term.waitFor((s) => s.includes('Signal nginx-worker (pid 1262)'), 'signal menu');
		term.write('4');
		await term.waitFor((s) => s.includes('Send SIGKILL to nginx-worker (pid 1262)? [y/N]'), 'confirmation');
		term.write('y');
		await term.waitFor((s) => selectedLine(s).includes('<defunct>'), 'worker is a zombie');
	});

	test('resizes to 60×20, then 40×12 says too small', async () => {
		term = startFakeApp();
		await ready(term);
		term.resize(60, 20);
		await term.waitFor((s) => s.includes('systemd') && s.split('\n')[0].length <= 60, 'redrawn at 60×20');
		term.resize(40, 12);
		await term.waitFor(
			(s) => s.replace(/\s+/g, ' ').includes('terminal too small have 40×12, need 60×16 q quits'),
			'too small',
		);
		term.resize(80, 24);
		await term.waitFor((s) => s.includes('systemd'), 'back at 80×24');
	});

	test('q restores the terminal: alternate screen left, cursor shown, process exits 0', async () => {
		term = startFakeApp();
		await ready(term);
		term.write('q');
		assert.equal(await term.exited, 0);
		await term.waitFor((s) => s.includes('podplay: bye'), 'primary screen back');
		assert.equal(term.isAlternate(), false);
		const output = term.output();
		assert.ok(output.lastIndexOf('\u001B[?25h') > output.lastIndexOf('\u001B[?25l'), 'cursor shown last');
	});

	test('Ctrl-C quits too', async () => {
		term = startFakeApp();
		await ready(term);
		term.write('\u0003');
		assert.equal(await term.exited, 0);
	});
});
