// Issue 14, item 4 (a fast-check counterexample): sidecars of a pod that has failed are stopped.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {type ProbeSpec, podPhase} from '../../source/runtime/index.js';
import {container, Node, podSpec} from '../helpers/world.js';

const startupProbe: ProbeSpec = {
	check: {kind: 'tcpSocket', port: 8080},
	initialDelaySeconds: 0,
	periodSeconds: 1,
	timeoutSeconds: 1,
	failureThreshold: 1,
	successThreshold: 1,
};

describe('sidecars of a finished pod (R-RESTART-5, R-TERM-3)', () => {
	test('R-RESTART-5, R-TERM-3: an app container that cannot start (StartError at pids.max, Never) fails the pod, and its sidecars are stopped', () => {
		// The shrunk counterexample: pod pids.max 6 leaves no PID for a0, so it never starts.
		const node = new Node({seed: 1, podPidsLimit: 6});
		node.create(
			podSpec('p', {
				restartPolicy: 'Never',
				terminationGracePeriodSeconds: 1,
				initContainers: [
					container('s0', {restartPolicy: 'Always'}),
					container('s1', {restartPolicy: 'Always', startupProbe}),
				],
				containers: [container('a0')],
			}),
			{
				s0: {
					program: 'app',
					port: 8080,
					children: [
						{program: 'app', exitAfter: 100, handle: ['SIGTERM']},
						{program: 'sleep', seconds: 1},
					],
				},
				s1: {program: 'tini', service: {program: 'app'}},
				a0: {program: 'app'},
			},
		);
		node.advance(80_000);
		const pod = node.pod('p');
		assert.equal(node.container('p', 'a0').reason, 'StartError');
		assert.equal(podPhase(pod), 'Failed');
		for (const c of pod.containers) assert.equal(c.state, 'terminated', `${c.name} is ${c.state}`);
		assert.deepEqual(
			node.processes((p) => p.labels.pod === 'p' && p.state !== 'Z'),
			[],
		);
	});

	for (const exitCode of [0, 1])
		test(`R-RESTART-5, R-TERM-3: Never, grace 1 s, app exits ${exitCode}: both sidecars are stopped, last declared first, and nothing of the pod runs at 80 s`, () => {
			const node = new Node();
			node.create(
				podSpec('p', {
					restartPolicy: 'Never',
					terminationGracePeriodSeconds: 1,
					initContainers: [
						container('s0', {restartPolicy: 'Always'}),
						container('s1', {restartPolicy: 'Always', startupProbe}),
					],
					containers: [container('a0')],
				}),
				{
					s0: {program: 'app', port: 8080, children: [{program: 'sleep'}, {program: 'app'}]},
					s1: {program: 'tini', service: {program: 'app'}},
					a0: {program: 'app', exitAfter: 3000, exitCode},
				},
			);
			node.advance(80_000);
			const pod = node.pod('p');
			assert.equal(podPhase(pod), exitCode === 0 ? 'Succeeded' : 'Failed');
			for (const c of pod.containers) assert.equal(c.state, 'terminated', `${c.name} is ${c.state}`);
			const stopped = node.events
				.filter((e) => e.kind === 'pod-event' && /Killing/.test(e.text))
				.map((e) => e.text.split(': ').at(-2)?.split(' ').at(-1));
			assert.deepEqual(stopped, ['s1', 's0'], 'R-TERM-3: in reverse order');
			assert.deepEqual(
				node.processes((p) => p.labels.pod === 'p' && p.state !== 'Z').map((p) => p.comm),
				[],
				'R-POD-9: the sandbox is stopped too',
			);
		});
});
