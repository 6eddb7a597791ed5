// What `expect:` can say: bounds, a sandbox's IPC namespace, events, exits of any process, a pod with
// nothing left, and a pod's own pause — each failing with its position when it does not hold.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {formatFailure} from '../../source/commands/check.js';
import {playUntil, scenarioEnd, startPlayer} from '../../source/engine/index.js';
import {parseScenario} from '../../source/scenario/index.js';
import {loaded, problems} from './helpers.js';

const pods = `pods:
  - apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
      containers:
        - {name: producer, image: example/p}
  - apiVersion: v1
    kind: Pod
    metadata: {name: job}
    spec:
      restartPolicy: Never
      containers:
        - {name: app, image: example/a}
programs:
  web/producer: {program: producer, key: 0x42, messages: 1000, interval: 100ms, comm: producer}
  job/app: {program: app, exitAfter: 500ms, children: [{program: sleep}]}
`;

/** Failure lines of a scenario with these timeline steps. */
function failures(timeline: string): string[] {
	const scenario = loaded(parseScenario(`title: t\n${pods}timeline:\n${timeline}`, 'e.yaml'));
	const player = playUntil(startPlayer(scenario), scenarioEnd(scenario));
	return player.failures.map((f) => formatFailure('e.yaml', f));
}

const killPause = `  - at: 2s
    kill: {target: web/POD, signal: KILL}
`;

describe('expectations', () => {
	test('gte/lte bounds on counts, with a readable failure', () => {
		assert.deepEqual(
			failures(`  - at: 1s
    expect:
      - {queue: {pod: web}, key: 0x42, messages: {gte: 5}}
      - {queue: {pod: web}, key: 0x42, messages: {lte: 20, gte: 2}}
      - {container: web/producer, restartCount: {lte: 0}}
      - {queue: {pod: web}, key: 0x42, messages: {gte: 50}}
`),
			['e.yaml:25:9: queue 0x42 messages: expected "at least 50", got 10'],
		);
	});

	test('a field a running container does not have yet reads "nothing", never a crash', () => {
		assert.deepEqual(
			failures(`  - at: 1s
    expect:
      - {container: web/producer, exitCode: 0}
`),
			['e.yaml:22:9: container web/producer exitCode: expected 0, got nothing'],
		);
	});

	test('R-POD-8: a queue in a given sandbox’s IPC namespace: sandbox 1 is gone after pause died, sandbox 2 is new', () => {
		assert.deepEqual(
			failures(`  - at: 1s
    expect:
      - {queue: {pod: web, sandbox: 1}, key: 0x42, exists: true}
${killPause}  - at: 40s
    expect:
      - {queue: {pod: web, sandbox: 1}, key: 0x42, exists: false}
      - {queue: {pod: web, sandbox: 2}, key: 0x42, exists: true}
      - {queue: {pod: web}, key: 0x42, messages: {gte: 1}}
`),
			[],
		);
	});

	test('an event happened (rule and kubectl reason), or did not (count: 0)', () => {
		assert.deepEqual(
			failures(`${killPause}  - at: 3s
    expect:
      - {event: {rule: R-POD-8, reason: SandboxChanged}}
      - {event: {rule: R-POD-10}, count: 0}
      - {event: {reason: SandboxChanged, pod: job}}
`),
			['e.yaml:26:9: events {"reason":"SandboxChanged","pod":"job"} count: expected "at least 1", got 0'],
		);
	});

	test('the exit code of a process that is not a container’s main process', () => {
		assert.deepEqual(
			failures(`  - at: 2s
    expect:
      - {event: {kind: exit, comm: sleep, exitCode: 137}, count: 1}
      - {event: {kind: exit, comm: app, exitCode: 0}}
`),
			[],
		);
	});

	test('R-POD-9: nothing of a finished pod is left: {pod, processes: 0}', () => {
		assert.deepEqual(
			failures(`  - at: 100ms
    expect:
      - {pod: job, processes: 4}
  - at: 2s
    expect:
      - {pod: job, processes: 0}
      - {pod: web, processes: 0}
`),
			['e.yaml:26:9: pod web processes: expected 0, got 3'],
		);
	});

	test('pod/POD names the pod’s pause, with or without a shared PID namespace', () => {
		assert.deepEqual(
			failures(`  - at: 1s
    expect:
      - {target: web/POD, comm: pause, state: S}
      - {target: "web/POD#1", comm: pause}
`),
			[],
		);
	});

	test('new expectation fields are checked at load: did-you-mean and positions', () => {
		const text = `title: t\n${pods}timeline:\n  - at: 1s\n    expect:\n      - {event: {rul: R-POD-8}}\n      - {event: {rule: R-POD-88}}\n      - {queue: {sandbox: 1}, key: 1}\n      - {pod: web, processes: {gt: 1}}\n`;
		assert.deepEqual(problems(parseScenario(text, 'e.yaml')), [
			'e.yaml:22:18: unknown field "rul" — did you mean "rule"?',
			'e.yaml:23:24: unknown rule "R-POD-88" — did you mean "R-POD-8"?; `podplay rules` lists them',
			'e.yaml:24:17: queue: write {pod: NAME}, {pod: NAME, sandbox: N} or {ipc: host}',
			'e.yaml:25:32: unknown field "gt" — did you mean "gte"?',
		]);
		const unknownPod = `title: t\n${pods}timeline:\n  - at: 1s\n    expect:\n      - {pod: webb, processes: 0}\n`;
		assert.deepEqual(problems(parseScenario(unknownPod, 'e.yaml')), [
			'e.yaml:22:15: unknown pod "webb" — did you mean "web"?',
		]);
	});
});
