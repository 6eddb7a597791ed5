import assert from 'node:assert/strict';
import {before, describe, test} from 'node:test';
import {ensureBuilt, podplay} from '../helpers/cli.js';

before(ensureBuilt);

describe('ask: in check and replay', () => {
	test('check: a wrong answer key fails at its line, exit 1', async () => {
		const {code, stdout} = await podplay(['check', 'test/fixtures/ask/wrong-answer.yaml']);
		assert.equal(code, 1);
		assert.match(stdout, /wrong-answer\.yaml:16:15: ask: the answer is 2 \("Nothing"\), not 1/);
	});

	test('replay prints each question with its choices, then the answer, why and the rules', async () => {
		const {code, stdout} = await podplay(['replay', 'kill-pid-1']);
		assert.equal(code, 0);
		assert.match(stdout, /2\.000s {2}\? The node sends SIGTERM to the app/);
		assert.match(stdout, /\n {13}2\. Nothing\. The app and its workers run on\.\n/);
		assert.match(
			stdout,
			/3\.000s {2}✔ answer 2: Nothing\. The app and its workers run on\. — PID 1 of a PID namespace .*\(R-SIG-2\)/,
		);
	});

	test('replay --json: an "ask" line, then an "answer" line with the rules', async () => {
		const {stdout} = await podplay(['replay', 'kill-pid-1', '--json']);
		const lines = stdout
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l));
		const ask = lines.find((l) => l.type === 'ask');
		const answer = lines.find((l) => l.type === 'answer');
		assert.equal(ask.t, 2000);
		assert.equal(ask.choices.length, 3);
		assert.equal(answer.t, 3000);
		assert.equal(answer.answer, 2);
		assert.deepEqual(answer.rules, ['R-SIG-2']);
	});
});
