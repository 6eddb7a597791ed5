import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {type IpcNamespace, ppidInNs} from '../../source/kernel/index.js';
import {statusColumn} from '../../source/runtime/index.js';
import {container, Node, podSpec} from '../helpers/world.js';

function queues(node: Node, ipcNs: number) {
	const ns = node.world.kernel.namespaces[ipcNs] as IpcNamespace | undefined;
	return ns ? Object.values(ns.queues) : [];
}

describe('sandbox and namespaces (R-POD)', () => {
	test('R-POD-1: containers join pause’s net, IPC and UTS; each has its own PID and mount namespace', () => {
		const node = new Node();
		node.create(podSpec('p', {containers: [container('a'), container('b')]}));
		const pause = node.processes((p) => p.comm === 'pause')[0];
		const a = node.main('p', 'a')!;
		const b = node.main('p', 'b')!;
		for (const c of [a, b]) {
			assert.equal(c.ns.net, pause.ns.net);
			assert.equal(c.ns.ipc, pause.ns.ipc);
			assert.equal(c.ns.uts, pause.ns.uts);
			assert.equal(c.pids.at(-1), 1);
		}
		assert.notEqual(a.ns.pid, b.ns.pid);
		assert.notEqual(a.ns.mnt, b.ns.mnt);
	});

	test('R-POD-1: one network namespace per pod: a second container binding the same port fails with EADDRINUSE', () => {
		const node = new Node();
		node.create(
			podSpec('p', {
				containers: [
					container('a', {ports: [{containerPort: 80}]}),
					container('b', {ports: [{containerPort: 80}]}),
				],
			}),
		);
		assert.ok(node.events.some((e) => e.errno === 'EADDRINUSE'));
	});

	test('R-POD-2: hostIPC, hostPID and hostNetwork use the node’s namespaces; hostPID with shareProcessNamespace is rejected', () => {
		const node = new Node();
		node.create(podSpec('h', {hostIPC: true, hostPID: true, hostNetwork: true}));
		const app = node.main('h', 'app')!;
		const root = node.world.kernel.root;
		assert.equal(app.ns.ipc, root.ipc);
		assert.equal(app.ns.pid, root.pid);
		assert.equal(app.ns.net, root.net);
		assert.equal(app.ns.uts, root.uts);
		const events = node.do({
			type: 'createPod',
			pod: podSpec('bad', {hostPID: true, shareProcessNamespace: true}),
			programs: {},
		});
		assert.match(events[0].text, /ShareProcessNamespace and HostPID cannot both be enabled/);
		assert.equal(node.world.runtime.pods.bad, undefined);
	});

	test('R-POD-3: pause exits 0 on SIGTERM (unlike a handler-less app) and reaps', () => {
		const node = new Node();
		node.create(podSpec('p', {shareProcessNamespace: true}));
		const pause = node.processes((p) => p.comm === 'pause')[0];
		const events = node.do({type: 'signal', pid: pause.hostPid, signal: 'SIGTERM'});
		const exit = events.find((e) => e.kind === 'exit' && e.pid === pause.hostPid);
		assert.deepEqual(exit?.data?.status, {code: 0});
	});

	test('R-POD-4: with shareProcessNamespace pause is PID 1, the app gets an ordinary PID with PPID 0 and no PID-1 protection', () => {
		const node = new Node();
		node.create(podSpec('s', {shareProcessNamespace: true}));
		const pause = node.processes((p) => p.comm === 'pause')[0];
		const app = node.main('s', 'app')!;
		assert.equal(pause.pids.at(-1), 1);
		assert.equal(app.ns.pid, pause.ns.pid);
		assert.notEqual(app.pids.at(-1), 1);
		assert.equal(ppidInNs(node.world.kernel, app), 0);
		node.do({type: 'signal', pid: app.hostPid, signal: 'SIGTERM'});
		assert.equal(
			node.container('s', 'app').state !== 'running' || node.container('s', 'app').restartCount > 0,
			true,
			'SIGTERM killed the app',
		);
	});

	test('R-POD-5: a container ends when its main process exits; with a shared namespace the shim kills the rest', () => {
		const node = new Node();
		node.create(podSpec('s', {shareProcessNamespace: true, restartPolicy: 'Never'}), {
			app: {program: 'app', children: [{program: 'sleep'}]},
		});
		const app = node.main('s', 'app')!;
		assert.equal(node.inContainer('s', 'app').length, 2);
		node.do({type: 'syscall', pid: app.hostPid, call: {call: 'exit', code: 0}});
		assert.equal(node.container('s', 'app').state, 'terminated');
		assert.equal(node.inContainer('s', 'app').filter((p) => p.state !== 'Z').length, 0);
	});

	test('R-POD-6: containerd-shim is a subreaper and adopts container inits, never orphans from inside', () => {
		const node = new Node();
		node.create(podSpec('p'), {
			app: {program: 'app', children: [{program: 'sh', children: [{program: 'sleep'}]}]},
		});
		const shim = node.processes((p) => p.comm === 'containerd-shim')[0];
		assert.equal(shim.subreaper, true);
		const sh = node.inContainer('p', 'app').find((p) => p.comm === 'sh')!;
		const sleeper = node.inContainer('p', 'app').find((p) => p.comm === 'sleep')!;
		node.do({type: 'syscall', pid: sh.hostPid, call: {call: 'exit', code: 0}});
		const after = node.processes((p) => p.hostPid === sleeper.hostPid)[0];
		assert.equal(
			after.parent,
			node.main('p', 'app')!.hostPid,
			'the orphan went to the container init, not the shim',
		);
	});

	test('R-POD-8: pause dies → SandboxChanged, new IPC namespace (queue gone), init containers re-run, restarts +1 (K23)', () => {
		const node = new Node();
		node.create(
			podSpec('q', {
				shareProcessNamespace: true,
				initContainers: [container('setup')],
				containers: [container('producer'), container('consumer')],
			}),
			{
				setup: {program: 'app', exitAfter: 100},
				producer: {program: 'producer', key: 1, messages: 1000, interval: 500},
				consumer: {program: 'sleep'},
			},
		);
		node.advance(3000);
		const oldIpc = node.pod('q').sandbox!.ipcNs;
		assert.equal(queues(node, oldIpc).length, 1);
		const pause = node.processes((p) => p.comm === 'pause')[0];
		node.do({type: 'signal', pid: pause.hostPid, signal: 'SIGKILL'});
		assert.ok(node.pod('q').events.some((e) => e.reason === 'SandboxChanged'));
		node.until(
			() => node.pod('q').sandbox?.ready === true && node.container('q', 'producer').state === 'running',
		);
		const pod = node.pod('q');
		assert.notEqual(pod.sandbox!.ipcNs, oldIpc);
		assert.equal(
			node.world.kernel.namespaces[oldIpc],
			undefined,
			'the old IPC namespace is gone with its queue',
		);
		assert.equal(node.container('q', 'producer').restartCount, 1);
		assert.ok(
			node.events.filter((e) => e.kind === 'pod-event' && /Started container setup/.test(e.text)).length >= 2,
			'init re-ran',
		);
	});

	test('R-IPC-9: a restarted container rejoins the same IPC namespace: the queue survives', () => {
		const node = new Node();
		node.create(podSpec('q', {containers: [container('producer')]}), {
			producer: {program: 'producer', key: 1, messages: 3, interval: 100},
		});
		const ipc = node.pod('q').sandbox!.ipcNs;
		node.until(() => node.container('q', 'producer').restartCount >= 1, 10_000, 10);
		assert.equal(queues(node, ipc)[0].messages.length, 4, 'three messages and "done" from the first run');
		assert.equal(node.pod('q').sandbox!.ipcNs, ipc);
		node.advance(1000);
		assert.ok(queues(node, ipc)[0].messages.length > 4, 'the restarted producer adds to the same queue');
	});

	test('changing shareProcessNamespace recreates the pod, and the event says so', () => {
		const node = new Node();
		node.create(podSpec('p'));
		const events = node.do({type: 'setPodField', pod: 'p', field: 'shareProcessNamespace', value: true});
		assert.ok(events.some((e) => e.rule === 'R-POD-4' && /recreated/.test(e.text)));
		node.until(
			() =>
				node.world.runtime.pods.p?.spec.shareProcessNamespace === true &&
				statusColumn(node.pod('p')) === 'Running',
			120_000,
		);
		const pause = node.processes((p) => p.comm === 'pause')[0];
		assert.equal(node.main('p', 'app')!.ns.pid, pause.ns.pid);
	});
});

describe('hostIPC (R-IPC-8)', () => {
	test('R-IPC-8: a hostIPC pod sees the node’s queues, and its own queues outlive the pod', () => {
		const node = new Node();
		node.do({type: 'syscall', pid: 1, call: {call: 'msgget', key: 0x99, create: true}});
		node.create(podSpec('h', {hostIPC: true, containers: [container('producer')]}), {
			producer: {program: 'producer', key: 0x42, messages: 2, interval: 100},
		});
		const root = node.world.kernel.root.ipc;
		assert.equal(node.pod('h').sandbox!.ipcNs, root);
		node.advance(1000);
		assert.deepEqual(
			queues(node, root)
				.map((q) => q.key)
				.sort((a, b) => a - b),
			[0x42, 0x99],
		);
		node.do({type: 'deletePod', pod: 'h'});
		node.until(() => node.world.runtime.pods.h === undefined, 60_000);
		assert.ok(queues(node, root).some((q) => q.key === 0x42 && q.messages.length >= 3));
	});
});
