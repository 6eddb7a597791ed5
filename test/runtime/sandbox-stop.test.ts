// A finished pod's sandbox is stopped (R-POD-9); a dead shim is cleaned up after (R-POD-10).
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {IpcNamespace} from '../../source/kernel/index.js';
import {podPhase, statusColumn} from '../../source/runtime/index.js';
import {container, Node, podSpec} from '../helpers/world.js';

function queueKeys(node: Node, ipcNs: number): number[] {
	const ns = node.world.kernel.namespaces[ipcNs] as IpcNamespace | undefined;
	return ns ? Object.values(ns.queues).map((q) => q.key) : [];
}

function live(node: Node, pod: string, comm: string) {
	return node.processes((p) => p.labels.pod === pod && p.comm === comm && p.state !== 'Z');
}

describe('a finished pod’s sandbox is stopped (R-POD-9)', () => {
	test('R-POD-9: Never, every app container ended: pause SIGKILLed, IPC/UTS/PID namespaces and the pinned netns gone, queue gone', () => {
		const node = new Node();
		node.create(podSpec('mq', {restartPolicy: 'Never', containers: [container('producer')]}), {
			producer: {program: 'producer', key: 1, messages: 2, interval: 100},
		});
		const sandbox = node.pod('mq').sandbox!;
		const pause = sandbox.pause!;
		node.advance(150);
		assert.deepEqual(queueKeys(node, sandbox.ipcNs), [1]);
		node.until(() => node.container('mq', 'producer').state === 'terminated', 10_000, 10);
		node.advance(10);
		assert.equal(podPhase(node.pod('mq')), 'Succeeded', 'the phase stays Succeeded');
		assert.equal(statusColumn(node.pod('mq')), 'Completed');
		assert.deepEqual(live(node, 'mq', 'pause'), [], 'pause is gone');
		assert.deepEqual(live(node, 'mq', 'containerd-shim'), [], 'the shim, with no task left, exits');
		const k = node.world.kernel;
		for (const ns of [sandbox.ipcNs, sandbox.utsNs, sandbox.netNs])
			assert.equal(k.namespaces[ns], undefined, `namespace ${ns} is gone`);
		assert.ok(
			node.events.some((e) => e.rule === 'R-POD-9' && e.pid === pause && /SIGKILLs pause/.test(e.text)),
		);
		assert.ok(node.events.some((e) => e.kind === 'queue-gone'));
		assert.equal(node.pod('mq').sandbox?.ready, false, 'the sandbox object stays, NotReady');
		node.do({type: 'deletePod', pod: 'mq'});
		node.until(() => node.world.runtime.pods.mq === undefined, 5000);
	});

	test('R-POD-9: OnFailure with every container exited 0 stops the sandbox; a failure restarts instead', () => {
		const node = new Node();
		node.create(podSpec('ok', {restartPolicy: 'OnFailure'}), {app: {program: 'app', exitAfter: 500}});
		node.create(podSpec('bad', {restartPolicy: 'OnFailure'}), {
			app: {program: 'app', exitAfter: 500, exitCode: 1},
		});
		node.advance(1000);
		assert.deepEqual(live(node, 'ok', 'pause'), []);
		assert.equal(live(node, 'bad', 'pause').length, 1, 'a restart is coming: the sandbox stays');
	});

	test('R-POD-9: a failed init container under Never stops the sandbox; sidecars stop first', () => {
		const node = new Node();
		node.create(
			podSpec('p', {
				restartPolicy: 'Never',
				initContainers: [container('side', {restartPolicy: 'Always'}), container('setup')],
			}),
			{side: {program: 'app', handle: ['SIGTERM']}, setup: {program: 'app', exitAfter: 300, exitCode: 1}},
		);
		node.advance(1000);
		assert.equal(podPhase(node.pod('p')), 'Failed');
		assert.equal(node.container('p', 'side').state, 'terminated');
		assert.deepEqual(live(node, 'p', 'pause'), []);
		const order = node.events
			.filter((e) => e.rule === 'R-POD-9' || (e.kind === 'container-exit' && /side/.test(e.text)))
			.map((e) => e.rule);
		assert.deepEqual(order, ['R-POD-5', 'R-POD-9'], 'the sidecar is stopped before the sandbox');
	});

	test('R-POD-9: with hostIPC the queues live in the node’s namespace and stay', () => {
		const node = new Node();
		node.create(podSpec('h', {restartPolicy: 'Never', hostIPC: true, containers: [container('producer')]}), {
			producer: {program: 'producer', key: 0x42, messages: 1, interval: 100},
		});
		node.advance(2000);
		assert.deepEqual(live(node, 'h', 'pause'), []);
		assert.deepEqual(queueKeys(node, node.world.kernel.root.ipc), [0x42]);
	});

	test('R-POD-9: under Always the sandbox is never stopped for an exit', () => {
		const node = new Node();
		node.create(podSpec('p'), {app: {program: 'app', exitAfter: 500}});
		node.advance(2000);
		assert.equal(live(node, 'p', 'pause').length, 1);
	});
});

describe('a dead shim (R-POD-10)', () => {
	test('R-POD-10: containerd cleans up after a dead shim; no second pause lives on beside the new sandbox', () => {
		const node = new Node();
		node.create(podSpec('web'), {app: {program: 'app', children: [{program: 'sleep'}]}});
		const shim = node.pod('web').sandbox!.shim;
		node.do({type: 'signal', pid: shim, signal: 'SIGKILL'});
		node.advance(120_000);
		assert.equal(live(node, 'web', 'pause').length, 1, 'one pause for the pod');
		assert.equal(live(node, 'web', 'sleep').length, 1, 'the old container’s child is gone too');
		assert.equal(node.pod('web').sandbox?.ready, true);
		assert.ok(node.events.some((e) => e.rule === 'R-POD-10'));
		assert.ok(node.pod('web').events.some((e) => e.reason === 'SandboxChanged'));
		const orphans = node.processes((p) => p.labels.pod === 'web' && p.parent === 1 && p.state !== 'Z');
		assert.deepEqual(
			orphans.map((p) => p.comm),
			['containerd-shim'],
			'nothing of the pod is left under the node’s init but the new shim',
		);
	});
});
