// Bad input and hostile environments: one sentence, a documented exit code, no stack trace, bounded time.
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {before, describe, test} from 'node:test';
import {cliPath, ensureBuilt, podplay, root} from '../helpers/cli.js';

before(ensureBuilt);

/** Runs a shell line (for redirections and pipes) with the built CLI as $PODPLAY. */
function shell(line: string): Promise<{code: number; stdout: string; stderr: string}> {
	return new Promise((resolve) => {
		execFile(
			'sh',
			['-c', line],
			{
				cwd: root,
				env: {...process.env, NO_COLOR: '1', PODPLAY: `${process.execPath} ${cliPath}`},
				timeout: 60_000,
			},
			(error, stdout, stderr) =>
				resolve({code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr}),
		);
	});
}

const noStack = (text: string) => assert.doesNotMatch(text, /\n\s+at |node:internal|Error:/, text);

describe('reads are bounded whatever stat() says (item 10)', () => {
	for (const device of ['/dev/zero', '/dev/urandom'])
		test(`replay ${device}: at most the limit is read, then one file:1:1 line, exit 2`, async () => {
			const {code, stdout, stderr} = await podplay(['replay', device]);
			assert.equal(code, 2);
			assert.equal(stdout, '');
			assert.equal(
				stderr,
				`${device}:1:1: file is bigger than 1 MiB; a scenario file may be at most 1 MiB\n`,
			);
		});

	test('an endless pipe on /dev/stdin: the same line, exit 2', async () => {
		const {code, stderr} = await shell('yes | $PODPLAY replay /dev/stdin');
		assert.equal(code, 2);
		assert.equal(stderr, '/dev/stdin:1:1: file is bigger than 1 MiB; a scenario file may be at most 1 MiB\n');
	});

	test('a file that is not YAML at all: a few short lines, none echoing the file', async () => {
		const {code, stderr} = await podplay(['replay', './README.md']);
		assert.equal(code, 2);
		const lines = stderr.trimEnd().split('\n');
		assert.ok(lines.length <= 6, stderr);
		for (const line of lines) assert.ok(line.length < 120, line);
		assert.match(lines.at(-1)!, /more syntax errors?: is this a YAML scenario\?$/);
	});
});

describe('write errors (item 11)', () => {
	for (const command of ['replay zombies', 'list', 'check scenarios/zombies.yaml', 'export zombies'])
		test(`${command} > /dev/full: one sentence, exit 74`, async () => {
			const {code, stderr} = await shell(`$PODPLAY ${command} > /dev/full`);
			assert.equal(code, 74);
			assert.equal(stderr, 'podplay: cannot write the output: no space left on device (ENOSPC).\n');
		});

	test('bad input with stderr on /dev/full still exits 2', async () => {
		const {code} = await shell('$PODPLAY replay no-such-scenario 2> /dev/full');
		assert.equal(code, 2);
	});
});

describe('command-line mistakes are one sentence, exit 2 (item 13)', () => {
	const cases: [string[], RegExp][] = [
		[['replay', 'zombies', '--until', '-1s'], /^podplay: --until: invalid duration "-1s"/],
		[['replay', 'zombies', '--until', '--json'], /^podplay: --until needs a value, e\.g\. --until 30s\./],
		[['replay', 'zombies', '--until'], /^podplay: --until needs a value/],
		[
			['zombies', 'extra'],
			/^podplay: one scenario at a time: podplay \[play\] FILE\|NAME, got "extra" too\./,
		],
		[['play', 'zombies', 'extra'], /^podplay: one scenario at a time/],
		[['--version', 'extra'], /^podplay: --version takes no argument, got "extra"\./],
		[
			['replay', 'zombies', '--seed', '0x10'],
			/^podplay: --seed must be a whole number from 0 to \d+, got "0x10"\./,
		],
		[['replay', 'zombies', '--seed', '1e300'], /^podplay: --seed must be a whole number/],
		[['rules', 'R-SIG-1', 'extra'], /^podplay: rules takes at most one rule id/],
	];
	for (const [args, expected] of cases)
		test(`podplay ${args.join(' ')}`, async () => {
			const {code, stdout, stderr} = await podplay(args);
			assert.equal(code, 2);
			assert.equal(stdout, '');
			assert.equal(stderr.split('\n').length, 2, `one line: ${stderr}`);
			assert.match(stderr, expected);
			noStack(stderr);
		});

	test('--until=2s and --seed 7 still work', async () => {
		const {code} = await podplay(['replay', 'zombies', '--until=2s', '--seed', '7']);
		assert.equal(code, 0);
	});
});
