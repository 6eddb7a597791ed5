import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {Sim} from '../helpers/sim.js';

describe('cgroups', () => {
	test('R-ZOMB-5: zombies count against pids.max; the 4th fork fails with EAGAIN; reaping frees the slots (K21)', () => {
		const sim = new Sim();
		sim.step({type: 'cgroup', path: '/zdemo', limits: {pidsMax: 4}});
		const events = sim.call(1, {call: 'fork', program: {name: 'app'}, comm: 'python3', cgroup: '/zdemo'});
		const parent = events.find((e) => e.kind === 'fork')!.pid!;
		const kids: number[] = [];
		for (let i = 0; i < 3; i++) {
			const kid = sim.fork(parent, {program: 'sleep'});
			sim.call(kid, {call: 'exit', code: 0});
			kids.push(kid);
		}
		const failed = sim.call(parent, {call: 'fork', program: {name: 'sleep'}});
		assert.equal(failed.find((e) => e.errno)?.errno, 'EAGAIN');
		assert.equal(sim.kernel.cgroups['/zdemo'].pidsCurrent, 4);
		for (const kid of kids) sim.call(parent, {call: 'wait', pid: kid});
		assert.equal(sim.kernel.cgroups['/zdemo'].pidsCurrent, 1);
	});

	test('R-STATUS-4: over memory.max the OOM killer SIGKILLs the biggest task, or the whole group with memory.oom.group', () => {
		const sim = new Sim();
		sim.step({type: 'cgroup', path: '/one', limits: {memoryMax: 1000}});
		const forkInto = (path: string, bytes: number) =>
			sim
				.call(1, {call: 'fork', program: {name: 'app', params: {memory: bytes}}, comm: 'app', cgroup: path})
				.find((e) => e.kind === 'fork')!.pid!;
		const small = forkInto('/one', 100);
		const big = forkInto('/one', 950);
		assert.ok(sim.events.some((e) => e.rule === 'R-STATUS-4'));
		assert.equal(sim.proc(big), undefined, 'the biggest task was killed (and reaped)');
		assert.equal(sim.must(small).state, 'S');
		sim.step({type: 'cgroup', path: '/group', limits: {memoryMax: 1000, oomGroup: true}});
		const a = forkInto('/group', 100);
		const b = forkInto('/group', 950);
		assert.equal(sim.proc(a), undefined);
		assert.equal(sim.proc(b), undefined);
	});

	test('threads take PIDs and count in pids.current (the Helloworld program has four threads)', () => {
		const sim = new Sim();
		const hello = sim.fork(1, {program: 'helloworld', flags: {pid: true}});
		const p = sim.must(hello);
		assert.deepEqual(
			p.threads.map((t) => t.name),
			['main', 'api', 'log', 'compute'],
		);
		assert.deepEqual(
			p.threads.map((t) => t.tids[1]),
			[1, 2, 3, 4],
		);
		assert.equal(sim.kernel.cgroups['/'].pidsCurrent, 5);
	});
});
