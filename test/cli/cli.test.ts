import assert from 'node:assert/strict';
import {before, describe, test} from 'node:test';
import {ensureBuilt, podplay} from '../helpers/cli.js';

before(ensureBuilt);

describe('podplay command line', () => {
	test('--help names every command and flag', async () => {
		const {code, stdout} = await podplay(['--help']);
		assert.equal(code, 0);
		for (const word of [
			'replay',
			'check',
			'list',
			'export',
			'--until',
			'--json',
			'--seed',
			'--no-color',
			'--ascii',
		])
			assert.match(stdout, new RegExp(word));
	});

	test('an unknown flag is one clear line and exit 2', async () => {
		const {code, stderr} = await podplay(['list', '--jsno']);
		assert.equal(code, 2);
		assert.match(stderr, /jsno/);
		assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
	});

	test('an unknown command gets a did-you-mean and exit 2', async () => {
		const {code, stderr} = await podplay(['replya', 'zombies']);
		assert.equal(code, 2);
		assert.match(stderr, /replay/);
	});

	test('a broken scenario: one file:line:column line per problem, with did-you-mean, exit 2', async () => {
		const {code, stderr, stdout} = await podplay(['replay', 'test/fixtures/cli/broken.yaml']);
		assert.equal(code, 2);
		assert.equal(stdout, '');
		const lines = stderr.trim().split('\n');
		assert.equal(lines.length, 2, stderr);
		for (const line of lines) assert.match(line, /^test\/fixtures\/cli\/broken\.yaml:\d+:\d+: /);
		assert.match(
			lines[0],
			/:7:7: unknown field "shareProcessNamspace" — did you mean "shareProcessNamespace"\?$/,
		);
		assert.match(lines[1], /:14:37: unknown signal "TREM" — did you mean "SIGTERM"\?$/);
		const target = await podplay(['check', 'test/fixtures/cli/broken-target.yaml']);
		assert.equal(target.code, 2);
		assert.match(
			target.stderr,
			/broken-target\.yaml:12:20: pod "web" has no container "ap" — did you mean "app"\?/,
		);
	});

	test('replay prints the narrated transcript, the pods and the process tree', async () => {
		const {code, stdout} = await podplay(['replay', 'test/fixtures/cli/passing.yaml']);
		assert.equal(code, 0);
		assert.match(stdout, /R-SIG-2 +SIGTERM from the node to \d+ \(app\) dropped/);
		assert.match(stdout, /SIGTERM from the node is dropped \(R-SIG-2\)\./);
		assert.match(stdout, /NAME +READY +STATUS +RESTARTS +AGE\nweb +1\/1 +Running +0 +3s/);
		assert.match(stdout, /pause +web\/POD/);
	});

	test('replay --json: NDJSON events, then one snapshot with the documented fields', async () => {
		const {code, stdout} = await podplay([
			'replay',
			'test/fixtures/cli/passing.yaml',
			'--json',
			'--until',
			'1500ms',
		]);
		assert.equal(code, 0);
		const objects = stdout
			.trim()
			.split('\n')
			.map((line) => JSON.parse(line));
		const snapshot = objects.at(-1);
		assert.equal(snapshot.type, 'snapshot');
		assert.equal(snapshot.t, 1500);
		const event = objects.find((o) => o.type === 'event');
		for (const key of ['t', 'rule', 'text']) assert.ok(key in event);
		const app = snapshot.processes.find((p: {comm: string}) => p.comm === 'app');
		assert.deepEqual(Object.keys(app).sort(), [
			'comm',
			'container',
			'hostPid',
			'pids',
			'pod',
			'ppid',
			'state',
			'threads',
		]);
		assert.equal(app.pids.at(-1), 1);
		assert.equal(snapshot.pods[0].status, 'Running');
		assert.deepEqual(Object.keys(snapshot.pods[0].containers[0]).sort(), [
			'exitCode',
			'name',
			'ready',
			'reason',
			'restartCount',
			'state',
		]);
		assert.ok(snapshot.namespaces.some((n: {type: string}) => n.type === 'ipc'));
		assert.deepEqual(snapshot.queues, []);
	});

	test('the same scenario and seed give the same bytes', async () => {
		const a = await podplay(['replay', 'test/fixtures/cli/passing.yaml', '--json']);
		const b = await podplay(['replay', 'test/fixtures/cli/passing.yaml', '--json']);
		assert.equal(a.stdout, b.stdout);
	});

	test('check: a summary line per file; exit 1 when an expectation fails, naming its position', async () => {
		const ok = await podplay(['check', 'test/fixtures/cli/passing.yaml']);
		assert.equal(ok.code, 0);
		const bad = await podplay(['check', 'test/fixtures/cli/failing.yaml', 'test/fixtures/cli/passing.yaml']);
		assert.equal(bad.code, 1);
		assert.match(bad.stdout, /failing\.yaml:12:9: container web\/app restartCount: expected 2, got 0/);
		assert.match(bad.stdout, /1 passed, 1 failed/);
	});

	test('list shows the bundled scenarios; export prints plain manifests', async () => {
		const listed = await podplay(['list']);
		assert.equal(listed.code, 0);
		assert.match(listed.stdout, /zombies +/);
		const exported = await podplay(['export', 'test/fixtures/cli/passing.yaml']);
		assert.equal(exported.code, 0);
		assert.match(exported.stdout, /apiVersion: v1\nkind: Pod/);
		assert.doesNotMatch(exported.stdout, /timeline|programs/);
	});

	test('without a terminal, podplay FILE replays instead of failing', async () => {
		const {code, stdout} = await podplay(['test/fixtures/cli/passing.yaml']);
		assert.equal(code, 0);
		assert.match(stdout, /NAME +READY +STATUS/);
	});
});
