import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {ppidInNs} from '../../source/kernel/index.js';
import {Sim} from '../helpers/sim.js';

describe('PID namespaces (R-PIDNS)', () => {
	test('R-PIDNS-1: one PID per level, outermost first (NSpid)', () => {
		const sim = new Sim();
		const outer = sim.fork(1, {comm: 'unshare', flags: {pid: true}});
		const inner = sim.fork(outer, {program: 'sleep', flags: {pid: true}});
		assert.deepEqual(sim.must(outer).pids, [outer, 1]);
		assert.deepEqual(sim.must(inner).pids, [inner, 2, 1]);
	});

	test('R-PIDNS-2: unshare leaves the caller outside; its next child is PID 1 of the new namespace', () => {
		const sim = new Sim();
		const caller = sim.fork(1, {comm: 'unshare'});
		sim.call(caller, {call: 'unshare', flags: {pid: true}});
		assert.deepEqual(sim.must(caller).pids, [caller], 'the caller does not move');
		const child = sim.fork(caller, {program: 'sleep'});
		assert.deepEqual(sim.must(child).pids, [child, 1]);
		const second = sim.fork(caller, {program: 'sleep'});
		assert.deepEqual(sim.must(second).pids, [second, 2]);
	});

	test('R-PIDNS-3: PID 1 of a namespace sees its parent as PPID 0', () => {
		const sim = new Sim();
		const init = sim.fork(1, {flags: {pid: true}});
		const child = sim.fork(init, {program: 'sleep'});
		assert.equal(ppidInNs(sim.kernel, sim.must(init)), 0);
		assert.equal(ppidInNs(sim.kernel, sim.must(child)), 1);
	});

	test('R-PIDNS-4: PIDs go in sequence and a zombie keeps its PID until reaped (K10)', () => {
		const sim = new Sim();
		const init = sim.fork(1, {program: 'app', flags: {pid: true}});
		const z = sim.fork(init, {program: 'sleep'});
		sim.call(z, {call: 'exit', code: 0});
		assert.equal(sim.must(z).state, 'Z');
		const next = sim.fork(init, {program: 'sleep'});
		assert.equal(sim.must(next).pids[1], 3, 'not the zombie’s PID 2');
		sim.call(init, {call: 'wait', pid: 2});
		const after = sim.fork(init, {program: 'sleep'});
		assert.equal(sim.must(after).pids[1], 4, 'not the lowest free PID 2 either');
	});

	test('R-PIDNS-4: allocation wraps at pid_max to 300', () => {
		const sim = new Sim({pidMax: 305});
		const pids: number[] = [];
		for (let i = 0; i < 303; i++) pids.push(sim.fork(1, {program: 'sleep'}));
		assert.equal(pids.at(-1), 304);
		sim.call(pids[298], {call: 'exit', code: 0}); // PID 300 becomes a zombie, then is reaped by init
		const wrapped = sim.fork(1, {program: 'sleep'});
		assert.equal(wrapped, 300);
	});

	test('R-PIDNS-5: a process sees and signals only its own and nested namespaces', () => {
		const sim = new Sim();
		const init = sim.fork(1, {flags: {pid: true}});
		const events = sim.call(init, {call: 'kill', pid: 1000, signal: 'SIGTERM'});
		assert.equal(events.find((e) => e.errno)?.errno, 'ESRCH');
		assert.equal(sim.inNs(init, 1), init);
	});

	test('R-PIDNS-6: the host sees every container process, zombies included, with a host PID', () => {
		const sim = new Sim();
		const init = sim.fork(1, {program: 'sleep', flags: {pid: true}});
		const child = sim.fork(init, {program: 'sleep'});
		sim.call(child, {call: 'exit', code: 0});
		const zombie = sim.must(child);
		assert.equal(zombie.state, 'Z');
		assert.equal(zombie.pids[0], child);
		assert.equal(zombie.parent, init);
	});

	test('R-PIDNS-7: when init exits every other process dies first and its parent sees it last (K2)', () => {
		const sim = new Sim();
		const init = sim.fork(1, {program: 'app', comm: 'sh', flags: {pid: true}});
		const stubborn = sim.fork(init, {
			program: 'app',
			comm: 'stubborn',
			params: {ignore: ['SIGTERM', 'SIGHUP', 'SIGINT']},
		});
		const plain = sim.fork(init, {program: 'sleep'});
		const nested = sim.fork(init, {program: 'app', comm: 'nested-init', flags: {pid: true}});
		const deep = sim.fork(nested, {program: 'sleep'});
		sim.events = [];
		sim.call(init, {call: 'exit', code: 0});
		for (const pid of [stubborn, plain, nested, deep, init])
			assert.equal(sim.proc(pid), undefined, `${pid} is gone`);
		const exits = sim.events.filter((e) => e.kind === 'exit').map((e) => e.pid);
		assert.equal(exits.at(-1), init, 'init becomes a zombie last');
		assert.equal(sim.events[0].rule, 'R-PIDNS-7');
	});

	test('R-PIDNS-7: after the init exits, forking into the namespace fails with ENOMEM (K3)', () => {
		const sim = new Sim();
		const caller = sim.fork(1, {comm: 'python3'});
		sim.call(caller, {call: 'unshare', flags: {pid: true}});
		const first = sim.fork(caller, {program: 'sleep'});
		sim.call(first, {call: 'exit', code: 0});
		sim.call(caller, {call: 'wait', pid: first});
		const events = sim.call(caller, {call: 'fork', program: {name: 'sleep'}});
		const failure = events.find((e) => e.errno);
		assert.equal(failure?.errno, 'ENOMEM');
		assert.equal(failure?.rule, 'R-PIDNS-7');
	});

	test("R-PIDNS-8: the node's init does not exit (a panic is not simulated): the call is refused, nothing else changes", () => {
		const sim = new Sim();
		const child = sim.fork(1, {program: 'sleep'});
		const events = sim.call(1, {call: 'exit', code: 0});
		assert.deepEqual(
			events.map((e) => e.rule),
			['R-PIDNS-8'],
		);
		assert.match(events[0].text, /panic/);
		assert.equal(sim.must(1).state, 'S');
		assert.equal(sim.must(child).state, 'S');
	});
});
