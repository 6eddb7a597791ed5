// Each case of cases/ runs on the real kernel (fresh namespaces) and in the simulation; the test
// fails when the kernel contradicts the case file or the simulation contradicts the kernel.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {loadAllCases} from './load-case.js';
import {runCase} from './run-case.js';

describe('conformance: the same cases on Linux and in podplay (semantics.md section 10)', () => {
	for (const kase of loadAllCases()) {
		test(`${kase.id} ${kase.title} (${kase.rules.join(', ')})`, async (t) => {
			const verdict = await runCase(kase);
			if (verdict.status === 'skip') return t.skip(verdict.reason);
			if (verdict.status === 'fail') assert.fail(`\n${verdict.report}`);
			for (const note of verdict.notes) t.diagnostic(note);
		});
	}
});
