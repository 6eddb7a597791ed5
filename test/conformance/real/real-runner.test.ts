// The real runner's own guarantees: a case that overruns its time limit is stopped, reported in
// one sentence, and leaves no process behind.
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {test} from 'node:test';
import {parseCase} from '../load-case.js';
import {checkMachine} from './machine.js';
import {runCaseOnKernel} from './real-runner.js';

const slow = parseCase(
	[
		'id: K98',
		'title: overruns its time limit',
		'rules: [R-PIDNS-7]',
		'steps:',
		'  - fork: {parent: host, as: init, newpid: true}',
		'  - fork: {parent: init, as: child}',
		...Array.from({length: 6}, () => '  - sleep: {ms: 500}'),
	].join('\n'),
	'slow.yaml',
);

function driverProcesses(): number {
	let count = 0;
	for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
		try {
			if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--case /tmp/podplay-conformance-')) count++;
		} catch {
			// the process ended while we looked
		}
	}
	return count;
}

test('a case over its time limit is killed with its whole namespace (no process left)', async (t) => {
	const machine = checkMachine();
	if (!machine.ok) return t.skip(machine.missing);
	const before = driverProcesses();
	const outcome = await runCaseOnKernel(slow, 700);
	assert.deepEqual(outcome, {kind: 'failed', reason: 'the kernel run did not finish within 0.7 s'});
	assert.ok(driverProcesses() <= before, 'a driver process survived its case');
});
