// The built CLI under a time bound, for the fuzz tests: a crash or a hang is a failure, not a wait.

import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {cliPath, root} from '../helpers/cli.js';

export type Outcome = {code: number | string; stdout: string; stderr: string; timedOut: boolean};

export function runCli(args: string[], timeoutMs: number): Promise<Outcome> {
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			[cliPath, ...args],
			{
				cwd: root,
				env: {...process.env, NO_COLOR: '1'},
				timeout: timeoutMs,
				killSignal: 'SIGKILL',
				maxBuffer: 64 << 20,
			},
			(error, stdout, stderr) => {
				const timedOut = Boolean(error && (error as {killed?: boolean}).killed);
				const code = error ? ((error as {code?: number | string}).code ?? 'signal') : 0;
				resolve({code, stdout, stderr, timedOut});
			},
		);
	});
}

/** Exit 0, 1 or 2, in time, and every line on stderr one positioned sentence or a podplay: line. */
export function assertClean(outcome: Outcome, what: string, timeoutMs: number): void {
	assert.ok(!outcome.timedOut, `${what}: still running after ${timeoutMs / 1000} s`);
	assert.ok([0, 1, 2].includes(outcome.code as number), `${what}: exit ${outcome.code}\n${outcome.stderr}`);
	assert.doesNotMatch(outcome.stderr, /\n\s+at |internal error|node:internal/, `${what}: a stack trace`);
	for (const line of outcome.stderr.split('\n').filter(Boolean))
		assert.match(line, /^(\S[^:]*:\d+:\d+: |podplay: )/, `${what}: stderr line ${JSON.stringify(line)}`);
}
