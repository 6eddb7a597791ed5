import assert from 'node:assert/strict';
import {before, describe, test} from 'node:test';
import {check} from '../../source/commands/check.js';
import type {Output} from '../../source/commands/output.js';
import {ensureBuilt, podplay} from '../helpers/cli.js';

before(ensureBuilt);

function recorder(): Output & {lines: string[]} {
	const lines: string[] = [];
	return {color: false, ascii: true, lines, out: (l) => lines.push(l), err: (l) => lines.push(l)};
}

describe('podplay check over several files', () => {
	test('one file that podplay fails on does not hide the others: every file is reported, exit 70', async () => {
		const o = recorder();
		const files = [
			'test/fixtures/cli/passing.yaml',
			'test/fixtures/cli/failing.yaml',
			'test/fixtures/cli/passing.yaml',
		];
		let played = 0;
		const code = await check(files, undefined, o, () => {
			played += 1;
			if (played === 1) throw new TypeError('a bug');
			return [];
		});
		assert.equal(played, 3);
		assert.equal(code, 70);
		assert.match(
			o.lines[0],
			/^FAIL test\/fixtures\/cli\/passing\.yaml — podplay failed playing it \(internal error: a bug\)$/,
		);
		assert.match(o.lines[1], /^ok {3}test\/fixtures\/cli\/failing\.yaml/);
		assert.match(o.lines[2], /^ok {3}test\/fixtures\/cli\/passing\.yaml/);
		assert.equal(o.lines.at(-1), '2 passed, 1 failed');
	});

	test('a broken file and a good one: both reported, exit 2', async () => {
		const {code, stdout, stderr} = await podplay([
			'check',
			'test/fixtures/cli/broken.yaml',
			'test/fixtures/cli/passing.yaml',
		]);
		assert.equal(code, 2);
		assert.match(stderr, /broken\.yaml:7:7:/);
		assert.match(stdout, /passing\.yaml/);
		assert.match(stdout, /1 passed, 1 failed/);
	});

	test("R-PIDNS-8: exit of the node's init is refused at its position, like any impossible action; the node runs on", async () => {
		const {code, stdout} = await podplay(['check', 'test/fixtures/cli/exit-node-init.yaml']);
		assert.equal(code, 0, stdout);
		const replay = await podplay(['replay', 'test/fixtures/cli/exit-node-init.yaml']);
		assert.equal(replay.code, 0);
		assert.match(
			replay.stdout,
			/R-PIDNS-8 +test\/fixtures\/cli\/exit-node-init\.yaml:10:5: pid:1 is the node's init: its exit would panic the kernel, which podplay does not simulate\n/,
		);
	});
});
