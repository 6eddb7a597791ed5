import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {
	act,
	currentMoment,
	diffWorlds,
	emptyWorld,
	playerEvents,
	playUntil,
	scenarioEnd,
	seek,
	seekTime,
	startHistory,
	startPlayer,
	switchBranch,
} from '../../source/engine/index.js';
import {allProcesses} from '../../source/kernel/index.js';
import {parseScenario} from '../../source/scenario/index.js';
import {podSpec} from '../helpers/world.js';

const booted = () => act(startHistory(emptyWorld({seed: 3})), {type: 'boot'});

describe('time travel (engine history)', () => {
	test('acting never changes an earlier world', () => {
		let h = booted();
		const before = currentMoment(h).world;
		const json = JSON.stringify(before);
		h = act(h, {type: 'createPod', pod: podSpec('web'), programs: {}});
		assert.equal(JSON.stringify(before), json);
		assert.notEqual(currentMoment(h).world, before);
	});

	test('rewinding and acting from there starts a branch; both branches are kept and revisitable', () => {
		let h = booted();
		h = act(h, {type: 'createPod', pod: podSpec('web'), programs: {}});
		h = act(h, {type: 'advance', ms: 1000});
		const app = allProcesses(currentMoment(h).world.kernel).find((p) => p.comm === 'app')!;
		h = act(h, {type: 'signal', pid: app.hostPid, signal: 'SIGKILL'});
		const killed = currentMoment(h).world;
		h = seek(h, 3);
		assert.equal(currentMoment(h).world.kernel.now, 1000);
		h = act(h, {type: 'signal', pid: app.hostPid, signal: 'SIGSTOP'});
		assert.equal(h.current, 'branch-1');
		assert.equal(
			allProcesses(currentMoment(h).world.kernel).find((p) => p.hostPid === app.hostPid)?.state,
			'T',
		);
		h = switchBranch(h, 'main');
		assert.equal(currentMoment(h).world, killed);
	});

	test('seekTime finds the first moment at or after a virtual time', () => {
		let h = booted();
		for (let i = 0; i < 5; i++) h = act(h, {type: 'advance', ms: 1000});
		assert.equal(currentMoment(seekTime(h, 2500)).world.kernel.now, 3000);
	});

	test('what changed between two moments: processes, pods, queues, one line each', () => {
		let h = booted();
		const before = currentMoment(h).world;
		h = act(h, {type: 'createPod', pod: podSpec('web'), programs: {}});
		const lines = diffWorlds(before, currentMoment(h).world);
		assert.ok(lines.some((l) => /^\+ \d+ \(pause\)$/.test(l)));
		assert.ok(lines.some((l) => l === '~ pod web: absent → Running'));
	});

	test('a world round-trips through JSON', () => {
		let h = booted();
		h = act(h, {
			type: 'createPod',
			pod: podSpec('web', {shareProcessNamespace: true}),
			programs: {app: {program: 'producer', key: 5}},
		});
		h = act(h, {type: 'advance', ms: 5000});
		const world = currentMoment(h).world;
		assert.deepEqual(JSON.parse(JSON.stringify(world)), world);
	});

	test('the same scenario and seed give the same events; another seed gives other random messages', () => {
		const text = `title: t
pods:
  - apiVersion: v1
    kind: Pod
    metadata: {name: q}
    spec:
      containers:
        - {name: producer, image: allingeek/ch6_ipc, args: ["-producer"]}
        - {name: consumer, image: allingeek/ch6_ipc, args: ["-consumer"]}
timeline:
  - at: 5s
    say: done
`;
		const loaded = parseScenario(text, 't.yaml');
		assert.ok(loaded.ok);
		const run = (seed?: number) =>
			JSON.stringify(
				playerEvents(playUntil(startPlayer(loaded.scenario, {seed}), scenarioEnd(loaded.scenario))),
			);
		assert.equal(run(), run());
		const logs = (seed: number) =>
			currentMoment(playUntil(startPlayer(loaded.scenario, {seed}), 6000).history).world.kernel.streams[
				'log:q/consumer/0'
			];
		assert.notDeepEqual(logs(1), logs(2));
	});
});
