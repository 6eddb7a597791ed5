// The cluster in the world (R-SCHED): scenarios with nodes and a scheduler, their errors, their
// replay (--json nodes, each pod's node), and pods running on their own node's kernel.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, test} from 'node:test';
import {snapshot} from '../../source/commands/snapshot.js';
import {nodeWorld, playerEvents, playerWorld, playUntil, startPlayer} from '../../source/engine/index.js';
import {allProcesses} from '../../source/kernel/index.js';
import {parseScenario} from '../../source/scenario/index.js';
import {loaded, problems} from '../scenario/helpers.js';

const base = `title: t
nodes:
  - {name: node-a, memory: 1280Mi}
  - {name: node-b, memory: 2Gi}
pods:
  - apiVersion: v1
    kind: Pod
    metadata: {name: app}
    spec:
      containers:
        - {name: app, image: example/app:1.0, resources: {requests: {memory: 1Gi}}}
        - {name: log, image: example/app:1.0, resources: {limits: {memory: 512Mi}}}
`;

describe('scenario nodes: and scheduler: (R-SCHED)', () => {
	test("R-SCHED-K9 the bound Pod runs on its node's kernel, the other node has only its daemons", () => {
		const s = loaded(parseScenario(base, 'x.yaml'));
		const world = playerWorld(playUntil(startPlayer(s), 2000));
		const comms = (name: string) => allProcesses(nodeWorld(world, name).kernel).map((p) => p.comm);
		assert.deepEqual(comms('node-a'), ['systemd', 'containerd', 'kubelet']);
		assert.ok(comms('node-b').includes('pause') && comms('node-b').includes('log'));
		assert.equal(
			nodeWorld(world, 'node-b').runtime.pods.app?.events[0]?.message,
			'Successfully assigned default/app to node-b',
		);
	});

	test('R-SCHED-K3 a limit without a request is the request: the Pod asks 1536Mi', () => {
		const s = loaded(parseScenario(base, 'x.yaml'));
		const events = playerEvents(playUntil(startPlayer(s), 1000));
		assert.ok(
			events.some(
				(e) => e.text === 'app: PreFilter NodeResourcesFit: the Pod requests 1536Mi memory as one unit',
			),
		);
	});

	test("events on a node say which node; the snapshot lists nodes and each pod's node", () => {
		const s = loaded(parseScenario(base, 'x.yaml'));
		const player = playUntil(startPlayer(s), 2000);
		assert.ok(playerEvents(player).some((e) => e.data?.node === 'node-b' && e.rule === 'R-POD-1'));
		const snap = snapshot(playerWorld(player));
		assert.deepEqual(snap.nodes, [
			{name: 'node-a', allocatable: 1280 * 2 ** 20, allocated: 0, held: 0, pods: []},
			{name: 'node-b', allocatable: 2048 * 2 ** 20, allocated: 1536 * 2 ** 20, held: 0, pods: ['app']},
		]);
		assert.deepEqual(
			snap.pods.map((p) => [p.name, p.node]),
			[['app', 'node-b']],
		);
		assert.ok(snap.processes.every((p) => p.node === 'node-a' || p.node === 'node-b'));
	});

	test('a world with a cluster round-trips through JSON, and the same seed gives the same events', () => {
		const s = loaded(
			parseScenario(base.replace('pods:', 'scheduler: {name: swarm, strategy: random}\npods:'), 'x.yaml'),
		);
		const a = playUntil(startPlayer(s), 3000);
		const b = playUntil(startPlayer(s), 3000);
		assert.deepEqual(playerEvents(a), playerEvents(b));
		const world = playerWorld(a);
		assert.deepEqual(JSON.parse(JSON.stringify(world)), world);
	});

	test('without nodes: nothing changes: one node, no nodes in the snapshot', () => {
		const s = loaded(parseScenario(base.replace(/nodes:\n.*\n.*\n/, ''), 'x.yaml'));
		assert.equal(s.cluster, undefined);
		assert.equal(snapshot(playerWorld(playUntil(startPlayer(s), 1000))).nodes, undefined);
	});

	test('the bundled co-scheduling scenarios play the same at every frame when frozen (time travel)', () => {
		const file = 'scenarios/coscheduling-main-a-b.yaml';
		const s = loaded(parseScenario(readFileSync(file, 'utf8'), file));
		const frozen = playUntil(startPlayer(s, {freeze: true}), 17_000);
		assert.deepEqual(frozen.failures, []);
	});
});

describe('bad cluster input: one sentence at its place', () => {
	const cases: [string, string, string][] = [
		[
			'unknown spec.nodeName',
			base.replace('spec:\n', 'spec:\n      nodeName: node-c\n'),
			'x.yaml:10:17: unknown node "node-c" — did you mean "node-a"?',
		],
		[
			'a scheduler without nodes',
			'title: t\nscheduler: mesos\n',
			'x.yaml:2:1: a scheduler needs nodes: declare them under "nodes:"',
		],
		['an unknown scheduler', base.replace('pods:', 'scheduler: borg\npods:'), 'x.yaml:5:12:'],
		[
			'an unknown scheduler option',
			base.replace('pods:', 'scheduler: {name: swarm, stratgy: binpack}\npods:'),
			'unknown field "stratgy" — did you mean "strategy"?',
		],
		['a node twice', base.replace('node-b, memory', 'node-a, memory'), 'node "node-a" is declared twice'],
		[
			'an expectation on a cluster without nodes',
			'title: t\ntimeline:\n  - at: 1s\n    expect:\n      - {deadlock: true}\n',
			'x.yaml:5:10: "deadlock:" needs a cluster: declare "nodes:"',
		],
	];
	for (const [name, text, expected] of cases)
		test(name, () => {
			const found = problems(parseScenario(text, 'x.yaml'));
			assert.ok(
				found.some((p) => p.includes(expected)),
				`expected a problem with ${JSON.stringify(expected)}, got:\n${found.join('\n')}`,
			);
		});
});
