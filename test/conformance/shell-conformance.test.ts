// The shell cases (R-EXEC-5, R-EXEC-7, R-EXEC-8): each runs with the machine's dash, busybox sh and
// bash as PID 1 of a new PID namespace and in podplay; the test fails when a real shell contradicts
// the rule or podplay contradicts the real shell. A missing shell or unshare skips with the reason.
import assert from 'node:assert/strict';
import {before, describe, test} from 'node:test';
import {flavours, shellCases} from './shell/cases.js';
import type {ShellOutcome} from './shell/observe.js';
import {judge, pairKey, runAllOnMachine, shellHeading} from './shell/verdict.js';

describe('conformance: shell cases on the machine’s shells and in podplay (R-EXEC-5, R-EXEC-7, R-EXEC-8)', () => {
	const pairs = shellCases.flatMap((kase) => flavours.map((flavour) => [kase, flavour] as const));
	let real = new Map<string, ShellOutcome>();
	before(async () => {
		real = await runAllOnMachine(pairs);
	});
	for (const [kase, flavour] of pairs) {
		test(shellHeading(kase, flavour), (t) => {
			const outcome = real.get(pairKey(kase, flavour));
			assert.ok(outcome, 'the machine run is missing');
			const verdict = judge(kase, flavour, outcome);
			if (verdict.status === 'skip') return t.skip(verdict.reason);
			if (verdict.status === 'fail') assert.fail(`\n${verdict.report}`);
			for (const note of verdict.notes) t.diagnostic(note);
		});
	}
});
