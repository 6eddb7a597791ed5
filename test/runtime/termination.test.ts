import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {
	isKubectlStatus,
	podPhase,
	readyColumn,
	restartsColumn,
	statusColumn,
} from '../../source/runtime/index.js';
import {container, Node, podSpec} from '../helpers/world.js';

describe('termination (R-TERM)', () => {
	test('R-TERM-1: delete sets deletionTimestamp and kubectl shows Terminating', () => {
		const node = new Node();
		node.create(podSpec('p'));
		node.do({type: 'deletePod', pod: 'p'});
		assert.equal(statusColumn(node.pod('p')), 'Terminating');
	});

	test('R-TERM-2: preStop runs first on the grace clock, then the stop signal', () => {
		const node = new Node();
		node.create(podSpec('p', {containers: [container('app', {preStop: {kind: 'sleep', seconds: 5}})]}), {
			app: {program: 'app', handle: ['SIGTERM']},
		});
		node.do({type: 'deletePod', pod: 'p'});
		node.advance(4000);
		assert.equal(node.container('p', 'app').state, 'running');
		node.advance(1500);
		assert.equal(node.world.runtime.pods.p, undefined, 'SIGTERM after preStop ended it');
	});

	test('R-TERM-3: sidecars get the signal only after the main containers stopped, in reverse order', () => {
		const node = new Node();
		node.create(
			podSpec('p', {
				initContainers: [
					container('s1', {restartPolicy: 'Always'}),
					container('s2', {restartPolicy: 'Always'}),
				],
			}),
			{
				s1: {program: 'app', handle: ['SIGTERM']},
				s2: {program: 'app', handle: ['SIGTERM']},
				app: {program: 'app', handle: ['SIGTERM']},
			},
		);
		node.events = [];
		node.do({type: 'deletePod', pod: 'p'});
		const killing = node.events
			.filter((e) => e.kind === 'pod-event' && /Killing/.test(e.text))
			.map((e) => e.text.split(' ').at(-1));
		assert.deepEqual(killing, ['app', 's2', 's1']);
	});

	test('R-TERM-4: a handler-less PID 1 uses the whole grace period, then SIGKILL: exit 137, Error (K16)', () => {
		const node = new Node();
		node.create(podSpec('p', {restartPolicy: 'Never'}));
		node.do({type: 'deletePod', pod: 'p'});
		node.advance(29_000);
		assert.equal(node.container('p', 'app').state, 'running');
		assert.equal(statusColumn(node.pod('p')), 'Terminating');
		node.until(() => node.world.runtime.pods.p === undefined, 5000);
		assert.ok(node.now >= 30_000);
		const end = node.events.find(
			(e) => e.kind === 'container-exit' && /container app: main process/.test(e.text),
		);
		assert.match(end?.text ?? '', /killed by SIGKILL → Error, exit code 137/);
		assert.equal(end?.t, 30_000);
	});

	// The reproduction: grace 4 s, preStop sleeping 10 s, deleted at 2 s.
	function overrunPod(program: {program: string; handle?: ['SIGTERM']}): Node {
		const node = new Node();
		node.create(
			podSpec('p', {
				restartPolicy: 'Never',
				terminationGracePeriodSeconds: 4,
				containers: [container('app', {preStop: {kind: 'sleep', seconds: 10}})],
			}),
			{app: program},
		);
		node.advance(2000);
		node.events = [];
		node.do({type: 'deletePod', pod: 'p'});
		node.until(() => node.world.runtime.pods.p === undefined, 20_000, 100);
		return node;
	}

	function appExit(node: Node) {
		return node.events.find((e) => e.kind === 'container-exit' && /container app:/.test(e.text));
	}

	test('R-TERM-4: a preStop outlasting the grace period is abandoned; the stop signal still goes: a SIGTERM handler exits 0', () => {
		const node = overrunPod({program: 'app', handle: ['SIGTERM']});
		const end = appExit(node);
		assert.equal(end?.t, 6000, 'the hook is abandoned at the deadline (2 s + 4 s) and SIGTERM goes then');
		assert.match(end?.text ?? '', /exited with code 0 → Completed/);
		assert.ok(
			node.events.some((e) => e.rule === 'R-TERM-4' && /not completed in the grace period/.test(e.text)),
		);
	});

	test('R-TERM-4: after an abandoned preStop a handler-less PID 1 gets at least 2 s more, then SIGKILL (exit 137)', () => {
		const node = overrunPod({program: 'app'});
		const end = appExit(node);
		assert.equal(end?.t, 8000);
		assert.match(end?.text ?? '', /killed by SIGKILL → Error, exit code 137/);
	});

	test('R-TERM-4: a preStop that ends in time leaves the rest of the grace period (whole seconds) before SIGKILL', () => {
		const node = new Node();
		node.create(
			podSpec('p', {
				restartPolicy: 'Never',
				terminationGracePeriodSeconds: 10,
				containers: [container('app', {preStop: {kind: 'sleep', seconds: 3}})],
			}),
		);
		node.do({type: 'deletePod', pod: 'p'});
		node.until(() => node.world.runtime.pods.p === undefined, 20_000, 100);
		assert.equal(appExit(node)?.t, 10_000, 'SIGTERM at 3 s is dropped by PID 1, SIGKILL at 3 + 7 s');
	});

	test('R-TERM-4: preStop runs for a liveness kill too, never for a container that exits by itself', () => {
		const node = new Node();
		const probe = {
			check: {kind: 'tcpSocket' as const, port: 8080},
			initialDelaySeconds: 0,
			periodSeconds: 1,
			timeoutSeconds: 1,
			failureThreshold: 1,
			successThreshold: 1,
		};
		node.create(
			podSpec('p', {
				restartPolicy: 'Never',
				containers: [
					container('live', {livenessProbe: probe, preStop: {kind: 'sleep', seconds: 2}}),
					container('quits', {preStop: {kind: 'sleep', seconds: 2}}),
				],
			}),
			{live: {program: 'app', handle: ['SIGTERM']}, quits: {program: 'app', exitAfter: 500}},
		);
		node.advance(5000);
		const prestops = node.events.filter((e) => e.kind === 'prestop').map((e) => e.text);
		assert.equal(prestops.length, 1, prestops.join('\n'));
		assert.match(prestops[0], /p\/live finished after 2s/);
		assert.equal(node.container('p', 'live').exitCode, 0, 'the stop signal came after the hook');
	});
});

describe('status as kubectl shows it (R-STATUS)', () => {
	test('R-STATUS-1: phase follows the containers: Pending, Running, Succeeded, Failed', () => {
		const node = new Node();
		node.create(podSpec('ok', {restartPolicy: 'Never'}), {app: {program: 'app', exitAfter: 1000}});
		assert.equal(podPhase(node.pod('ok')), 'Running');
		node.advance(1000);
		assert.equal(podPhase(node.pod('ok')), 'Succeeded');
		node.create(podSpec('bad', {restartPolicy: 'Never'}), {
			app: {program: 'app', exitAfter: 1000, exitCode: 3},
		});
		node.advance(1000);
		assert.equal(podPhase(node.pod('bad')), 'Failed');
		assert.equal(statusColumn(node.pod('bad')), 'Error');
	});

	test('R-STATUS-2: terminated reasons Completed, Error, OOMKilled come from the runtime', () => {
		const node = new Node();
		node.create(
			podSpec('oom', {restartPolicy: 'Never', containers: [container('app', {memoryLimit: 100 * 2 ** 20})]}),
			{app: {program: 'app', memory: 200 * 2 ** 20}},
		);
		const c = node.container('oom', 'app');
		assert.equal(c.reason, 'OOMKilled');
		assert.equal(c.exitCode, 137);
		assert.equal(statusColumn(node.pod('oom')), 'OOMKilled');
	});

	test('R-STATUS-3: STATUS, READY and RESTARTS as kubectl prints them', () => {
		const node = new Node();
		node.create(podSpec('p', {containers: [container('a'), container('b')]}), {
			b: {program: 'app', exitAfter: 1000, exitCode: 1},
		});
		node.advance(1000);
		node.advance(500);
		const pod = node.pod('p');
		assert.equal(readyColumn(pod), '2/2');
		assert.equal(restartsColumn(pod, node.now), '1 (0s ago)');
		node.advance(1000);
		assert.equal(statusColumn(node.pod('p')), 'CrashLoopBackOff');
		assert.equal(readyColumn(node.pod('p')), '1/2');
		// Waiting in back-off, the run that just ended is the last termination: kubectl counts
		// "(Xs ago)" from its finishedAt, not from the exit before it.
		const b = node.container('p', 'b');
		assert.equal(b.lastState?.finishedAt, b.finishedAt);
		assert.equal(restartsColumn(node.pod('p'), b.finishedAt! + 500), '1 (0s ago)');
	});

	test('R-STATUS-4: over its memory limit a container is OOM-killed (exit 137, OOMKilled), the whole container', () => {
		const node = new Node();
		node.create(
			podSpec('p', {restartPolicy: 'Never', containers: [container('app', {memoryLimit: 2 ** 20})]}),
			{
				app: {program: 'app', children: [{program: 'sleep'}], exitAfter: 10},
			},
		);
		node.do({type: 'syscall', pid: node.main('p', 'app')!.hostPid, call: {call: 'alloc', bytes: 2 ** 21}});
		assert.ok(node.events.some((e) => e.rule === 'R-STATUS-4'));
		assert.equal(node.container('p', 'app').reason, 'OOMKilled');
		assert.equal(node.inContainer('p', 'app').length, 0, 'memory.oom.group: the child died too');
	});

	test('every STATUS podplay prints is one kubectl can print', () => {
		for (const text of [
			'Init:0/2',
			'PodInitializing',
			'ContainerCreating',
			'Running',
			'NotReady',
			'CrashLoopBackOff',
			'Completed',
			'Error',
			'OOMKilled',
			'Terminating',
			'Init:Error',
		]) {
			assert.ok(isKubectlStatus(text), text);
		}
		assert.ok(!isKubectlStatus('Crashing'));
	});
});
