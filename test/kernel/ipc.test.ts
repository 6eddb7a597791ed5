import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {IpcNamespace, Message} from '../../source/kernel/index.js';
import {Sim} from '../helpers/sim.js';

function queues(sim: Sim, pid: number) {
	const ns = sim.kernel.namespaces[sim.must(pid).ns.ipc] as IpcNamespace;
	return Object.values(ns.queues);
}

function returned(sim: Sim, pid: number, call: Parameters<Sim['call']>[1]) {
	const events = sim.call(pid, call);
	return events.find((e) => e.errno)?.errno;
}

describe('System V message queues (R-IPC)', () => {
	test('R-IPC-1: keys are per IPC namespace; msgget on a missing key fails with ENOENT; IPC_PRIVATE always creates', () => {
		const sim = new Sim();
		const a = sim.fork(1, {flags: {ipc: true}});
		const b = sim.fork(1, {flags: {ipc: true}});
		sim.call(a, {call: 'msgget', key: 0x1234, create: true});
		assert.equal(queues(sim, a).length, 1);
		assert.equal(returned(sim, b, {call: 'msgget', key: 0x1234}), 'ENOENT');
		sim.call(a, {call: 'msgget', key: 0, create: true});
		sim.call(a, {call: 'msgget', key: 0, create: true});
		assert.equal(queues(sim, a).length, 3);
	});

	test('R-IPC-2: the namespace owns the queue: it outlives its producer (K17)', () => {
		const sim = new Sim();
		const pause = sim.fork(1, {program: 'pause', flags: {ipc: true, pid: true}});
		const producer = sim.fork(pause, {comm: 'producer'});
		sim.call(producer, {call: 'msgget', key: 0x42, create: true});
		sim.call(producer, {call: 'msgsnd', msqid: 0, mtype: 1, size: 100});
		sim.call(producer, {call: 'exit', code: 0});
		assert.equal(sim.proc(producer), undefined);
		assert.deepEqual(
			queues(sim, pause).map((q) => [q.messages.length, q.bytes]),
			[[1, 100]],
		);
		const consumer = sim.fork(pause, {comm: 'consumer'});
		const events = sim.call(consumer, {call: 'msgrcv', msqid: 0, reply: 'm'});
		assert.ok(!events.some((e) => e.errno));
		assert.equal(queues(sim, pause)[0].messages.length, 0);
	});

	test('R-IPC-3: a namespace pinned by a bind mount keeps its queue with no process; unpinned it dies (K18)', () => {
		const sim = new Sim();
		const maker = sim.fork(1, {flags: {ipc: true}});
		const ns = sim.must(maker).ns.ipc;
		sim.step({type: 'pin', ns, pin: 'bind mount ./ipcns'});
		sim.call(maker, {call: 'msgget', key: 0x1234, create: true});
		sim.call(maker, {call: 'msgsnd', msqid: 0, mtype: 1, size: 100});
		sim.call(maker, {call: 'exit', code: 0});
		const pinned = sim.kernel.namespaces[ns] as IpcNamespace;
		assert.equal(pinned.refs, 0);
		assert.equal(Object.values(pinned.queues)[0].bytes, 100);
		sim.step({type: 'unpin', ns, pin: 'bind mount ./ipcns'});
		assert.equal(sim.kernel.namespaces[ns], undefined);
		const fresh = sim.fork(1, {flags: {ipc: true}});
		assert.equal(returned(sim, fresh, {call: 'msgget', key: 0x1234}), 'ENOENT');
	});

	test('R-IPC-4: a new IPC namespace starts at the default limits (msgmax 8192, msgmnb 16384, msgmni 32000)', () => {
		const sim = new Sim();
		const a = sim.fork(1, {flags: {ipc: true}});
		const ns = sim.kernel.namespaces[sim.must(a).ns.ipc] as IpcNamespace;
		assert.deepEqual([ns.msgmax, ns.msgmnb, ns.msgmni], [8192, 16384, 32000]);
	});

	test('R-IPC-5 and R-IPC-6: limits, EAGAIN, ENOMSG and blocking (K19)', () => {
		const sim = new Sim();
		const p = sim.fork(1, {flags: {ipc: true}});
		sim.call(p, {call: 'msgget', key: 7, create: true});
		assert.equal(returned(sim, p, {call: 'msgsnd', msqid: 0, mtype: 1, size: 8193, nowait: true}), 'EINVAL');
		assert.equal(returned(sim, p, {call: 'msgsnd', msqid: 0, mtype: 1, size: 8192}), undefined);
		assert.equal(returned(sim, p, {call: 'msgsnd', msqid: 0, mtype: 1, size: 8192}), undefined);
		assert.equal(returned(sim, p, {call: 'msgsnd', msqid: 0, mtype: 1, size: 1, nowait: true}), 'EAGAIN');
		assert.equal(returned(sim, p, {call: 'msgsnd', msqid: 0, mtype: 0, size: 1, nowait: true}), 'EINVAL');
		assert.equal(returned(sim, p, {call: 'msgrcv', msqid: 0, nowait: true}), undefined);
		assert.equal(returned(sim, p, {call: 'msgrcv', msqid: 0, nowait: true}), undefined);
		assert.equal(returned(sim, p, {call: 'msgrcv', msqid: 0, nowait: true}), 'ENOMSG');
		const sender = sim.fork(p, {comm: 'sender'});
		sim.call(sender, {call: 'msgsnd', msqid: 0, mtype: 1, size: 8192});
		sim.call(sender, {call: 'msgsnd', msqid: 0, mtype: 1, size: 8192});
		sim.call(sender, {call: 'msgsnd', msqid: 0, mtype: 1, size: 5});
		assert.equal(sim.must(sender).sleepingIn?.call, 'msgsnd', 'a full queue blocks the sender');
		sim.call(p, {call: 'msgrcv', msqid: 0});
		assert.equal(sim.must(sender).sleepingIn, undefined, 'a receive freed room and woke it');
		assert.equal(queues(sim, p)[0].bytes, 8192 + 5);
	});

	test('R-IPC-5: msgmnb also caps the number of messages: 16384 empty messages, then EAGAIN', () => {
		const sim = new Sim();
		const p = sim.fork(1, {flags: {ipc: true}});
		sim.call(p, {call: 'msgget', key: 0, create: true});
		const calls = Array.from(
			{length: 16385},
			() => ({call: 'msgsnd', msqid: 0, mtype: 1, size: 0, nowait: true}) as const,
		);
		sim.step({type: 'syscall', pid: p, call: calls[0]});
		const k = sim.kernel;
		const ns = k.namespaces[sim.must(p).ns.ipc] as IpcNamespace;
		assert.equal(Object.values(ns.queues)[0].messages.length, 1);
		let errno: string | undefined;
		for (let i = 1; i < calls.length && !errno; i++) errno = returned(sim, p, calls[i]);
		assert.equal(errno, 'EAGAIN');
		assert.equal(queues(sim, p)[0].messages.length, 16384);
	});

	test('R-IPC-6: msgtyp selects; a bigger message gives E2BIG; a signal interrupts a blocked receive with EINTR', () => {
		const sim = new Sim();
		const p = sim.fork(1, {flags: {ipc: true}, params: {handle: ['SIGUSR1']}});
		sim.call(p, {call: 'msgget', key: 0, create: true});
		for (const mtype of [3, 1, 2])
			sim.call(p, {call: 'msgsnd', msqid: 0, mtype, size: 10, text: `t${mtype}`});
		const got: Message[] = [];
		const reader = {
			take(msgtyp: number) {
				const before = queues(sim, p)[0].messages.map((m) => m.mtype);
				sim.call(p, {call: 'msgrcv', msqid: 0, msgtyp, nowait: true});
				const after = queues(sim, p)[0].messages.map((m) => m.mtype);
				got.push({mtype: before.find((t, i) => after[i] !== t) ?? before.at(-1)!, size: 10});
			},
		};
		reader.take(2);
		reader.take(-3);
		assert.deepEqual(
			got.map((m) => m.mtype),
			[2, 1],
		);
		sim.call(p, {call: 'msgsnd', msqid: 0, mtype: 1, size: 100});
		assert.equal(returned(sim, p, {call: 'msgrcv', msqid: 0, msgtyp: 1, maxSize: 10, nowait: true}), 'E2BIG');
		const child = sim.fork(p, {comm: 'reader', params: {handle: ['SIGUSR1']}});
		sim.call(child, {call: 'msgrcv', msqid: 0, msgtyp: 9});
		assert.equal(sim.must(child).sleepingIn?.call, 'msgrcv');
		const events = sim.kill(child, 'SIGUSR1');
		assert.ok(events.some((e) => e.rule === 'R-IPC-6' && e.errno === 'EINTR'));
	});

	test('R-IPC-7: IPC_RMID removes the queue; a blocked consumer wakes with EIDRM (K20)', () => {
		const sim = new Sim();
		const p = sim.fork(1, {flags: {ipc: true}});
		sim.call(p, {call: 'msgget', key: 9, create: true});
		const consumer = sim.fork(p, {program: 'consumer', params: {key: 9}});
		assert.equal(sim.must(consumer).sleepingIn?.call, 'msgrcv');
		const events = sim.call(p, {call: 'msgctl', msqid: 0, cmd: 'IPC_RMID'});
		assert.ok(events.some((e) => e.rule === 'R-IPC-7' && e.errno === 'EIDRM' && e.pid === consumer));
		assert.equal(queues(sim, p).length, 0);
	});

	test('R-IPC-9: a queue lives in the namespace pause holds; a new namespace is empty', () => {
		const sim = new Sim();
		const pause = sim.fork(1, {program: 'pause', flags: {ipc: true}});
		const producer = sim.fork(pause, {program: 'producer', params: {key: 5, messages: 3, interval: 100}});
		sim.advance(1000);
		assert.equal(sim.proc(producer), undefined, 'the producer finished and was reaped');
		assert.equal(queues(sim, pause)[0].messages.length, 4, 'three messages and "done" wait in the queue');
		sim.kill(pause, 'SIGTERM');
		const fresh = sim.fork(1, {program: 'pause', flags: {ipc: true}});
		assert.equal(queues(sim, fresh).length, 0);
	});
});
