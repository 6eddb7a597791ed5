import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {makeSession, playFor} from './helpers.js';

describe('why rows carry their place in the story (the why pane scrolls by it)', () => {
	test('seq counts every event up to the moment shown, oldest first, consecutive', () => {
		const {session} = makeSession();
		playFor(session, 1500);
		session.pause();
		const all = session.why(100_000);
		assert.deepEqual(
			all.map((r) => r.seq),
			all.map((_, i) => i),
		);
		const latest = session.why(5);
		assert.deepEqual(
			latest.map((r) => r.seq),
			all.slice(-5).map((r) => r.seq),
		);
	});

	test('after a rewind and a branch, seq follows the path to the moment shown', () => {
		const {session} = makeSession();
		playFor(session, 1500);
		session.pause();
		const before = session.why(1)[0]!.seq!;
		session.stepBack();
		const rewound = session.why(1)[0]!.seq!;
		assert.ok(rewound < before);
		const result = session.run('spawn pid:1');
		assert.equal(result.ok, true, result.ok ? '' : result.message);
		const branched = session.why(100_000);
		assert.deepEqual(
			branched.map((r) => r.seq),
			branched.map((_, i) => i),
		);
		assert.ok(branched.at(-1)!.seq! > rewound);
	});
});
