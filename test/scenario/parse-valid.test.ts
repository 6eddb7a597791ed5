import assert from 'node:assert/strict';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import {exportManifests, loadScenarioFile, parseScenario} from '../../source/scenario/index.js';
import {fixtures, loaded} from './helpers.js';

describe('a valid scenario', async () => {
	const file = join(fixtures, 'valid.yaml');
	const scenario = loaded(await loadScenarioFile(file));

	test('keeps the top level and parses the node quantities', () => {
		assert.equal(scenario.file, file);
		assert.equal(scenario.title, 'Zombies under a sleeping PID 1');
		assert.equal(scenario.seed, 7);
		assert.deepEqual(scenario.node, {memory: 8 * 2 ** 30, podPidsLimit: 64});
	});

	test('applies Kubernetes defaults to the simulated pod fields (R-RESTART-3, R-TERM-1)', () => {
		const [pod] = scenario.pods;
		assert.equal(pod!.name, 'web');
		assert.equal(pod!.namespace, 'default');
		assert.equal(pod!.restartPolicy, 'OnFailure');
		assert.equal(pod!.terminationGracePeriodSeconds, 30);
		assert.equal(pod!.shareProcessNamespace, false);
		assert.deepEqual(pod!.volumes, [{name: 'logs', emptyDir: true}]);
		const app = pod!.containers[0]!;
		assert.equal(app.memoryLimit, 300 * 2 ** 20);
		assert.equal(app.stopSignal, 'SIGQUIT');
		assert.deepEqual(app.preStop, {kind: 'sleep', seconds: 5});
		assert.deepEqual(app.livenessProbe, {
			check: {kind: 'httpGet', port: 8080, path: '/healthz'},
			initialDelaySeconds: 0,
			periodSeconds: 5,
			timeoutSeconds: 1,
			failureThreshold: 3,
			successThreshold: 1,
		});
		const sidecar = pod!.initContainers[0]!;
		assert.equal(sidecar.restartPolicy, 'Always');
		assert.equal(sidecar.startupProbe?.periodSeconds, 10);
	});

	test('normalises programs: signals, durations, memory, child counts', () => {
		assert.deepEqual(scenario.programs['web/app'], {
			program: 'app',
			handle: ['SIGTERM'],
			ignore: ['SIGHUP'],
			children: [{program: 'sleep', count: 2, exitAfter: 1500}],
			memory: 100 * 2 ** 20,
		});
	});

	test('turns each step into a tagged action with its time in ms and its position', () => {
		const summary = scenario.timeline.map((step) => [step.at, step.action.type, step.position.line]);
		assert.deepEqual(summary, [
			[0, 'chapter', 52],
			[250, 'say', 54],
			[1000, 'spawn', 56],
			[90_000, 'kill', 58],
			[90_000, 'expect', 60],
			[120_000, 'set', 68],
			[120_000, 'supervise', 70],
			[180_000, 'exit', 72],
			[240_000, 'delete', 74],
		]);
		assert.deepEqual(scenario.timeline[3]!.action, {
			type: 'kill',
			target: {kind: 'ns-pid', pod: 'web', container: 'app', pid: 1},
			signal: 'SIGKILL',
		});
		assert.deepEqual(scenario.timeline[2]!.action, {
			type: 'spawn',
			parent: {kind: 'container', pod: 'web', container: 'app'},
			spec: {program: 'sh', execAfter: {program: 'sleep'}},
		});
		assert.deepEqual(scenario.timeline[7]!.action, {
			type: 'exit',
			target: {kind: 'comm', comm: 'sleep'},
			code: 3,
		});
	});

	test('keeps the position of every assertion for "file:line:col: expected X, got Y"', () => {
		const expect = scenario.timeline[4]!.action;
		assert.equal(expect.type, 'expect');
		if (expect.type !== 'expect') return;
		assert.deepEqual(
			expect.assertions.map((assertion) => [
				assertion.subject,
				assertion.position.line,
				assertion.position.column,
			]),
			[
				['process', 62, 9],
				['pod', 63, 9],
				['container', 64, 9],
				['queue', 65, 9],
				['queue', 66, 9],
				['logs', 67, 9],
			],
		);
		assert.deepEqual(expect.assertions[3], {
			subject: 'queue',
			ipc: {kind: 'pod', pod: 'web'},
			key: 0x42,
			exists: false,
			position: {line: 65, column: 9},
		});
		assert.deepEqual(expect.assertions[0], {
			subject: 'process',
			target: {kind: 'container', pod: 'web', container: 'app'},
			state: 'Z',
			parent: {kind: 'host-pid', pid: 1},
			position: {line: 62, column: 9},
		});
	});

	test('is plain data: a JSON round trip changes nothing', () => {
		assert.deepEqual(JSON.parse(JSON.stringify(scenario)), scenario);
	});

	test('round trip: the exported pods load again to the same simulated pods', () => {
		const again = loaded(parseScenario(exportManifests(scenario), 'exported.yaml'));
		assert.deepEqual(again.pods, scenario.pods);
		assert.deepEqual(again.manifests, scenario.manifests);
	});

	test('chapter may be a plain string', () => {
		const text = 'title: t\ntimeline:\n  - {at: 0, chapter: Intro}\n';
		assert.deepEqual(loaded(parseScenario(text, 't.yaml')).timeline[0]!.action, {
			type: 'chapter',
			title: 'Intro',
		});
	});
});
