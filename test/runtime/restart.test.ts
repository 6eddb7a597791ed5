import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {statusColumn} from '../../source/runtime/index.js';
import {container, Node, podSpec} from '../helpers/world.js';

/** Virtual times at which the container was (re)started. */
function startTimes(node: Node, pod: string, name: string): number[] {
	return node.events
		.filter((e) => e.kind === 'pod-event' && e.text.startsWith(`${pod}: Started: Started container ${name} `))
		.map((e) => e.t);
}

/** A tcpSocket probe on 8080 with Kubernetes' defaults (R-RESTART-3). */
const probe = {
	check: {kind: 'tcpSocket' as const, port: 8080},
	initialDelaySeconds: 0,
	periodSeconds: 10,
	timeoutSeconds: 1,
	failureThreshold: 3,
	successThreshold: 1,
};

describe('restarts (R-RESTART)', () => {
	test('R-RESTART-1: Always restarts after any exit, even 0; OnFailure only after non-zero; Never not at all', () => {
		for (const [policy, code, restarts] of [
			['Always', 0, true],
			['OnFailure', 0, false],
			['OnFailure', 1, true],
			['Never', 1, false],
		] as const) {
			const node = new Node();
			node.create(podSpec('p', {restartPolicy: policy}), {
				app: {program: 'app', exitAfter: 1000, exitCode: code},
			});
			node.advance(5000);
			assert.equal(node.container('p', 'app').restartCount > 0, restarts, `${policy} after exit ${code}`);
		}
	});

	test('R-RESTART-2: back-off: at once, then 10, 20, 40, 80, 160, 300, 300 s, CrashLoopBackOff meanwhile (K24)', () => {
		const node = new Node();
		node.create(podSpec('crash'), {app: {program: 'app', exitAfter: 0, exitCode: 1}});
		node.advance(1200_000);
		const starts = startTimes(node, 'crash', 'app');
		const gaps = starts.slice(1, 9).map((t, i) => Math.round((t - starts[i]) / 1000));
		assert.deepEqual(gaps, [0, 10, 20, 40, 80, 160, 300, 300]);
		node.advance(1000);
		const c = node.container('crash', 'app');
		if (c.state === 'waiting') {
			assert.equal(c.reason, 'CrashLoopBackOff');
			assert.match(c.message ?? '', /^back-off (300|160)s restarting failed container=app pod=crash_default/);
			assert.equal(statusColumn(node.pod('crash')), 'CrashLoopBackOff');
		}
	});

	test('R-RESTART-2: the back-off resets to 10 s once the container ran more than 10 minutes', () => {
		const node = new Node();
		node.create(podSpec('p'), {app: {program: 'app', exitAfter: 0, exitCode: 1}});
		node.advance(200_000);
		assert.ok(node.container('p', 'app').backoff >= 80_000);
		node.do({type: 'supervise', pod: 'p', container: 'app', with: 'systemd'});
		const slow = new Node();
		slow.create(podSpec('s'), {app: {program: 'app', exitAfter: 700_000, exitCode: 1}});
		slow.advance(2_200_000);
		const starts = startTimes(slow, 's', 'app');
		const gaps = starts.slice(1).map((t, i) => Math.round((t - starts[i]) / 1000));
		assert.deepEqual(
			gaps.slice(0, 2),
			[700, 710],
			'at once after the first exit, then 10 s again after running > 10 min',
		);
	});

	test('R-RESTART-3: a failing liveness probe kills the container after failureThreshold periods; readiness only unreadies', () => {
		const node = new Node();
		node.create(podSpec('p', {containers: [container('app', {livenessProbe: probe})]}), {
			app: {program: 'app'},
		});
		node.advance(25_000);
		assert.ok(node.pod('p').events.some((e) => e.reason === 'Unhealthy'));
		assert.ok(
			node.pod('p').events.some((e) => e.reason === 'Killing' && /failed liveness probe/.test(e.message)),
		);
		// The stop signal is dropped by the handler-less PID 1 (R-SIG-2): only the SIGKILL at the end of
		// the grace period ends it.
		assert.equal(node.container('p', 'app').restartCount, 0);
		node.advance(35_000);
		assert.equal(node.container('p', 'app').restartCount, 1);
		const ready = new Node();
		ready.create(podSpec('r', {containers: [container('app', {readinessProbe: probe})]}), {
			app: {program: 'app'},
		});
		ready.advance(60_000);
		assert.equal(ready.container('r', 'app').ready, false);
		assert.equal(ready.container('r', 'app').restartCount, 0);
		assert.equal(statusColumn(ready.pod('r')), 'Running');
	});

	test('R-RESTART-3: a passing tcpSocket probe follows the port the app really listens on', () => {
		const node = new Node();
		node.create(
			podSpec('p', {containers: [container('app', {readinessProbe: probe, ports: [{containerPort: 8080}]})]}),
			{},
		);
		node.advance(2000);
		assert.equal(node.container('p', 'app').ready, true);
	});

	test('R-RESTART-4: init containers run one at a time; Pending with Init:i/N meanwhile; under Never a failure fails the pod', () => {
		const node = new Node();
		node.create(podSpec('p', {initContainers: [container('one'), container('two')]}), {
			one: {program: 'app', exitAfter: 1000},
			two: {program: 'app', exitAfter: 1000},
		});
		assert.equal(statusColumn(node.pod('p')), 'Init:0/2');
		assert.equal(node.container('p', 'two').state, 'waiting');
		node.advance(1000);
		assert.equal(statusColumn(node.pod('p')), 'Init:1/2');
		node.advance(1000);
		assert.equal(statusColumn(node.pod('p')), 'Running');
		const failing = new Node();
		failing.create(podSpec('f', {restartPolicy: 'Never', initContainers: [container('one')]}), {
			one: {program: 'app', exitAfter: 100, exitCode: 2},
		});
		failing.advance(1000);
		assert.equal(statusColumn(failing.pod('f')), 'Init:Error');
		assert.equal(failing.container('f', 'app').state, 'waiting');
	});

	test('R-RESTART-5: a native sidecar starts in its slot, the next init waits for it; it is stopped after the app; Succeeded (K25)', () => {
		const node = new Node();
		const startup = {
			check: {kind: 'exec' as const, command: ['true']},
			initialDelaySeconds: 0,
			periodSeconds: 1,
			timeoutSeconds: 1,
			failureThreshold: 3,
			successThreshold: 1,
		};
		node.create(
			podSpec('k25', {
				restartPolicy: 'Never',
				initContainers: [
					container('a'),
					container('sidecar', {restartPolicy: 'Always', startupProbe: startup}),
				],
			}),
			{
				a: {program: 'app', exitAfter: 500},
				sidecar: {program: 'log-collector', handle: ['SIGTERM']},
				app: {program: 'app', exitAfter: 5000},
			},
		);
		node.advance(400);
		assert.equal(node.container('k25', 'sidecar').state, 'waiting');
		node.advance(600);
		assert.equal(node.container('k25', 'sidecar').state, 'running');
		assert.equal(
			node.container('k25', 'app').state,
			'waiting',
			'the app waits for the sidecar’s startup probe',
		);
		node.advance(1500);
		assert.equal(node.container('k25', 'app').state, 'running');
		node.advance(6000);
		assert.equal(
			node.container('k25', 'sidecar').state,
			'terminated',
			'the sidecar got SIGTERM after the app finished',
		);
		assert.equal(node.pod('k25').containers.find((c) => c.name === 'app')!.exitCode, 0);
		assert.equal(statusColumn(node.pod('k25')), 'Completed');
	});
});
