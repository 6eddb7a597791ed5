import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {ppidInNs} from '../../source/kernel/index.js';
import {Sim} from '../helpers/sim.js';

describe('orphans and reparenting (R-REAP)', () => {
	test('R-REAP-1: a thread’s child stays with the process, yet its PDEATHSIG fires when the thread exits', () => {
		const sim = new Sim();
		const parent = sim.fork(1, {comm: 'python3'});
		sim.call(parent, {call: 'thread', name: 'worker'});
		const events = sim.call(parent, {
			call: 'fork',
			program: {name: 'sleep'},
			comm: 'sleep',
			thread: 'worker',
		});
		const child = events.find((e) => e.kind === 'fork')!.pid!;
		sim.call(child, {call: 'prctl', option: 'PR_SET_PDEATHSIG', signal: 'SIGTERM'});
		sim.call(parent, {call: 'threadExit', name: 'worker'});
		assert.ok(sim.last.some((e) => e.rule === 'R-REAP-1'));
		const after = sim.must(child);
		assert.equal(after.parent, parent, 'PPID unchanged');
		assert.equal(after.state, 'Z', 'killed by its parent-death signal');
		assert.deepEqual(after.exit, {signal: 'SIGTERM'});
	});

	test('R-REAP-2: an orphan goes to the nearest live subreaper among its ancestors', () => {
		const sim = new Sim();
		const s1 = sim.fork(1, {comm: 's1', params: {subreaper: true}});
		const a = sim.fork(s1, {comm: 'a'});
		const b = sim.fork(a, {program: 'sleep'});
		sim.call(a, {call: 'exit', code: 0});
		assert.equal(sim.must(b).parent, s1);
		assert.ok(sim.last.some((e) => e.rule === 'R-REAP-2' && e.pid === b));
	});

	test('R-REAP-3: without a subreaper, an orphan goes to PID 1 of the father’s namespace (K4)', () => {
		const sim = new Sim();
		const init = sim.fork(1, {comm: 'sh', flags: {pid: true}});
		const shell = sim.fork(init, {comm: 'sh'});
		const sleeper = sim.fork(shell, {program: 'sleep'});
		sim.call(shell, {call: 'exit', code: 0});
		assert.equal(sim.must(sleeper).parent, init);
		assert.equal(ppidInNs(sim.kernel, sim.must(sleeper)), 1);
	});

	test('R-REAP-4: a setns-injected process whose outside parent dies is adopted outside, PPID 0 inside (K6)', () => {
		const sim = new Sim();
		const subreaper = sim.fork(1, {comm: 'sr', params: {subreaper: true}});
		const init = sim.fork(subreaper, {program: 'sleep', flags: {pid: true}});
		const nsenter = sim.fork(subreaper, {comm: 'nsenter'});
		sim.call(nsenter, {call: 'setns', target: init as never, types: ['pid']});
		const injected = sim.fork(nsenter, {program: 'sleep'});
		assert.equal(sim.must(injected).pids[1], 2);
		const orphanMaker = sim.fork(init, {comm: 'sh'});
		const orphan = sim.fork(orphanMaker, {program: 'sleep'});
		sim.call(orphanMaker, {call: 'exit', code: 0});
		sim.kill(nsenter, 'SIGKILL');
		assert.equal(sim.must(orphan).parent, init, 'orphan made inside → the namespace init');
		assert.equal(sim.must(injected).parent, subreaper, 'injected → the outside subreaper');
		assert.equal(ppidInNs(sim.kernel, sim.must(injected)), 0);
	});

	test('R-REAP-5: when the father is the namespace init, no child survives to be adopted', () => {
		const sim = new Sim();
		const init = sim.fork(1, {flags: {pid: true}});
		const child = sim.fork(init, {program: 'sleep'});
		sim.call(init, {call: 'exit', code: 0});
		assert.equal(sim.proc(child), undefined);
		assert.ok(!sim.last.some((e) => e.kind === 'reparent' && e.pid === child));
	});

	test('R-REAP-6: the subreaper attribute is not inherited by fork and survives exec', () => {
		const sim = new Sim();
		const s = sim.fork(1, {params: {subreaper: true}});
		const child = sim.fork(s);
		assert.equal(sim.must(child).subreaper, false);
		sim.call(s, {call: 'exec', program: {name: 'sleep'}, comm: 'sleep'});
		assert.equal(sim.must(s).subreaper, true);
	});

	test('R-REAP-6: a subreaper outside a container never receives orphans from inside it', () => {
		const sim = new Sim();
		const shim = sim.fork(1, {comm: 'shim', params: {subreaper: true}});
		const init = sim.fork(shim, {comm: 'app', flags: {pid: true}});
		const mid = sim.fork(init, {comm: 'worker'});
		const leaf = sim.fork(mid, {program: 'sleep'});
		sim.call(mid, {call: 'exit', code: 0});
		assert.equal(sim.must(leaf).parent, init);
	});

	test('R-REAP-7: when a subreaper dies its adopted children move to the next subreaper, then to PID 1 (K5)', () => {
		const sim = new Sim();
		const init = sim.fork(1, {comm: 'python3', flags: {pid: true}});
		const s1 = sim.fork(init, {comm: 's1', params: {subreaper: true}});
		const s2 = sim.fork(s1, {comm: 's2', params: {subreaper: true}});
		const a = sim.fork(s2, {comm: 'a'});
		const b = sim.fork(a, {program: 'sleep'});
		sim.call(a, {call: 'exit', code: 0});
		assert.equal(sim.must(b).parent, s2);
		sim.kill(s2, 'SIGKILL');
		assert.equal(sim.must(b).parent, s1);
		sim.kill(s1, 'SIGKILL');
		assert.equal(sim.must(b).parent, init);
	});

	test('R-REAP-8: an adopted zombie sends SIGCHLD to its new parent, which reaps it at once', () => {
		const sim = new Sim();
		const reaper = sim.fork(1, {program: 'pause', flags: {pid: true}});
		const parent = sim.fork(reaper, {comm: 'lazy'});
		const child = sim.fork(parent, {program: 'sleep'});
		sim.call(child, {call: 'exit', code: 3});
		assert.equal(sim.must(child).state, 'Z', 'the lazy parent does not reap');
		sim.call(parent, {call: 'exit', code: 0});
		assert.ok(sim.last.some((e) => e.rule === 'R-REAP-8'));
		assert.equal(sim.proc(child), undefined, 'pause reaped the adopted zombie');
	});

	test('R-REAP-8: a new parent ignoring SIGCHLD frees an adopted zombie immediately', () => {
		const sim = new Sim();
		const reaper = sim.fork(1, {comm: 'ignorer', params: {ignore: ['SIGCHLD'], subreaper: true}});
		const parent = sim.fork(reaper, {comm: 'lazy'});
		const child = sim.fork(parent, {program: 'sleep'});
		sim.call(child, {call: 'exit', code: 0});
		sim.call(parent, {call: 'exit', code: 0});
		assert.equal(sim.proc(child), undefined);
	});
});
