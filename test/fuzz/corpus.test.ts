// The crash and hang reproductions of issue 14 (test/fixtures/fuzz/), each played by the built CLI's
// check under a time bound: exit 0, 1 or 2, no stack trace, every problem one positioned line.
import {readdirSync} from 'node:fs';
import {before, describe, test} from 'node:test';
import {ensureBuilt} from '../helpers/cli.js';
import {assertClean, runCli} from './run-cli.js';

const dir = 'test/fixtures/fuzz';
const cases = readdirSync(new URL('../fixtures/fuzz/', import.meta.url)).filter((f) => f.endsWith('.yaml'));
/** Generous: a loaded 2-core machine plays the biggest case (a fork bomb at 600 processes) in ~20 s. */
const bound = 120_000;

before(ensureBuilt);

describe('fuzz corpus: each reproduction ends in bounded time, exit 0/1/2, no stack trace', () => {
	for (const file of cases)
		test(file, {timeout: bound + 10_000}, async () => {
			assertClean(await runCli(['check', `${dir}/${file}`], bound), file, bound);
		});
});
