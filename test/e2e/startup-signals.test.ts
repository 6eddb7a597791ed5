// A signal while the playground starts (the first frame is drawn before Ink has loaded and installed
// its own handlers) must leave the terminal as it was: primary screen, cursor shown.
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {startCli, type Term} from '../helpers/term.js';

const slowInk = fileURLToPath(new URL('../fixtures/e2e/slow-ink.mjs', import.meta.url));

let term: Term | undefined;
afterEach(() => {
	term?.kill();
	term = undefined;
});

const exitCodes = {SIGTERM: 143, SIGINT: 130, SIGHUP: 129} as const;

describe('a signal during start-up restores the terminal', {timeout: 120_000}, () => {
	for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
		test(`${signal} right after the first frame: primary screen, cursor shown`, async () => {
			// Ink's chunk is held back 3 s, so the signal surely comes before Ink is up.
			const t = startCli([], {env: {NODE_OPTIONS: `--import=${slowInk}`}});
			term = t;
			// The first frame's first bytes switch to the alternate screen; the signal follows at once,
			// well before Ink (loaded after the frame) can have installed anything.
			t.onceWritten('\u001B[?1049h', () => t.signal(signal));
			const code = await t.exited;
			await t.waitFor(() => !t.isAlternate(), 'the primary screen back');
			const out = t.output();
			assert.ok(
				out.lastIndexOf('\u001B[?25h') > out.lastIndexOf('\u001B[?25l'),
				`the cursor is shown again: ${JSON.stringify(out.slice(-60))}`,
			);
			// Exit 128+N from the start-up guard; 0 when the signal was only handled once Ink was up (on
			// Node 24 the delaying hook blocks the main thread, so the signal waits for it). Either way
			// the terminal is back; without the guard the signal kills at once and leaves it broken.
			assert.ok([exitCodes[signal], 0].includes(code), `exit ${code}`);
		});
	}
});
