// A long jump in the built CLI, in a real pseudo-terminal: `:goto` far ahead shows its progress in
// the status bar, keys typed meanwhile are dropped (not played blindly afterwards), Esc stops it at
// the moment reached, and the playground keeps working.
import assert from 'node:assert/strict';
import {afterEach, before, describe, test} from 'node:test';
import {ensureBuilt, type Term} from '../helpers/term.js';
import {command, open} from './screen.js';

let term: Term | undefined;
afterEach(() => {
	term?.kill();
	term = undefined;
});

/** The status bar's time, in seconds (`t=12.4s` or `t=3m05.2s`). */
function shownSeconds(text: string): number {
	const match = /t=(?:(\d+)m)?(\d+(?:\.\d)?)s/.exec(text.split('\n')[0] ?? '');
	assert.ok(match, `a time in the status bar:\n${text}`);
	return Number(match[1] ?? 0) * 60 + Number(match[2]);
}

describe('long jumps (built CLI) in a real terminal', {timeout: 90_000}, () => {
	before(() => ensureBuilt());

	test(':goto far ahead shows progress, drops keys typed meanwhile, Esc stops it and the playground keeps working', async () => {
		const t = await open([], {at: '2s'});
		term = t;
		// 1000 hours of the default node: minutes of simulation, so it is still under way below.
		await command(t, 'goto 1000h');
		await t.waitFor((s) => /jumping to t=\S+ \d+% \(Esc stops\)/.test(s.split('\n')[0] ?? ''), 'progress');
		// Typed during the jump: q would quit and j would move the selection. Both must be dropped.
		t.write('j');
		t.write('q');
		await t.waitFor((s) => /jumping to .* [1-9]\d*%/.test(s.split('\n')[0] ?? ''), 'progress moves on');
		t.write('\u001B');
		await t.waitFor((s) => /jump to t=1000h stopped at t=\S+/.test(s), 'stopped, saying where');
		const text = t.text();
		assert.doesNotMatch(text.split('\n')[0] ?? '', /jumping/);
		const reached = shownSeconds(text);
		assert.ok(reached > 2, `the session is at the moment reached (${reached}s), not back at 2s`);
		assert.match(text.split('\n').find((l) => /^[›>]\s*\d/.test(l)) ?? '', /systemd/, 'j was dropped');
		// Still working: rewinding and keys answer.
		await command(t, 'goto 1s');
		await t.waitFor((s) => s.includes('t=1.0s'), 'rewound to 1s');
		t.write('j');
		await t.waitFor(
			(s) => /containerd/.test(s.split('\n').find((l) => /^[›>]\s*\d/.test(l)) ?? ''),
			'j answers',
		);
	});
});
