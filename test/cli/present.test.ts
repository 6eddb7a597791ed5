import assert from 'node:assert/strict';
import {before, describe, test} from 'node:test';
import {ensureBuilt, podplay} from '../helpers/cli.js';

before(ensureBuilt);

describe('podplay present (CLI)', () => {
	test('--check rehearses the talk: stops counted, exit 0', async () => {
		const {code, stdout} = await podplay(['present', '--check', 'kill-pid-1']);
		assert.equal(code, 0);
		assert.match(stdout, /Killing PID 1 of a container: 3 chapters, 11 stops at 100x30/);
	});

	test('--check fails on a wrong answer key, at its line (exit 1)', async () => {
		const {code, stdout} = await podplay(['present', '--check', 'test/fixtures/ask/wrong-answer.yaml']);
		assert.equal(code, 1);
		assert.match(stdout, /wrong-answer\.yaml:16:15: ask: the answer is 2/);
	});

	test('without a terminal it says how to rehearse instead (exit 2)', async () => {
		const {code, stderr} = await podplay(['present', 'kill-pid-1']);
		assert.equal(code, 2);
		assert.match(stderr, /present needs a terminal; rehearse without one: podplay present --check NAME/);
	});
});
