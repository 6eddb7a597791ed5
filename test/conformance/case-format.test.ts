// The case loader and the comparison, without a kernel: positions in errors, label checks, diffs.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {checkExpectations, compareObservations} from './compare.js';
import {loadAllCases, parseCase} from './load-case.js';
import type {Observations} from './observations.js';

const header = 'id: K99\ntitle: t\nrules: [R-REAP-2]\nsteps:\n';

describe('case files', () => {
	test('every case in cases/ loads and names its K number and rules', () => {
		const cases = loadAllCases();
		assert.ok(cases.length >= 21);
		for (const kase of cases) assert.match(kase.file, new RegExp(`k${kase.id.slice(1).padStart(2, '0')}-`));
	});

	test('an unknown operation is reported with its position and a suggestion', () => {
		assert.throws(
			() => parseCase(`${header}  - forkk: {parent: host, as: a}\n`, 'x.yaml'),
			/^Error: x\.yaml:5:5: unknown operation "forkk" — did you mean "fork"\?$/,
		);
	});

	test('a bad field points at the field', () => {
		assert.throws(
			() => parseCase(`${header}  - fork: {parent: host, as: a, newpid: yes}\n`, 'x.yaml'),
			/^Error: x\.yaml:5:\d+: .*\(newpid\)$/,
		);
	});

	test('a label used before a fork makes it is refused', () => {
		assert.throws(
			() => parseCase(`${header}  - exit: {who: ghost}\n`, 'x.yaml'),
			/"ghost" is used before a fork makes it/,
		);
	});

	test('kill.from becomes who and signal names get their SIG prefix', () => {
		const kase = parseCase(
			`${header}  - fork: {parent: host, as: a}\n  - kill: {from: host, to: a, signal: TERM}\n`,
			'x.yaml',
		);
		assert.deepEqual(kase.steps[1], {op: 'kill', line: 6, who: 'host', to: 'a', signal: 'SIGTERM'});
	});
});

describe('comparison', () => {
	const kase = parseCase(
		`${header}  - fork: {parent: host, as: a, expect: ok}\n  - observe: {expect: {processes: {a: {state: zombie}}}}\n`,
		'x.yaml',
	);
	const run = (state: 'alive' | 'zombie', result = 'ok'): Observations => ({
		results: [{step: 0, op: 'fork', outcome: {result}}],
		snapshots: [{step: 1, processes: {a: {state, parent: 'host', nspid: []}}, queues: {}, pids: {}}],
	});

	test('identical runs have no differences', () => {
		assert.deepEqual(compareObservations(kase, run('alive'), run('alive')), []);
	});

	test('a different state and errno are both reported with the step and line', () => {
		const differences = compareObservations(kase, run('zombie'), run('alive', 'EAGAIN'));
		assert.deepEqual(
			differences.map((d) => [d.step, d.line, d.what, d.left, d.right]),
			[
				[0, 5, 'result', 'ok', 'EAGAIN'],
				[1, 6, 'a', 'zombie parent=host nspid=', 'alive parent=host nspid='],
			],
		);
	});

	test('expectations are partial: only the fields a case states are checked', () => {
		assert.deepEqual(checkExpectations(kase, run('zombie')), []);
		assert.equal(checkExpectations(kase, run('alive')).length, 1);
	});
});
