import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {Sim} from '../helpers/sim.js';

describe('zombies and reaping (R-ZOMB)', () => {
	test('R-ZOMB-1: exit makes a zombie that keeps its PIDs and status until its parent reaps it', () => {
		const sim = new Sim();
		const parent = sim.fork(1, {comm: 'parent'});
		const child = sim.fork(parent, {program: 'sleep'});
		sim.call(child, {call: 'exit', code: 7});
		const zombie = sim.must(child);
		assert.equal(zombie.state, 'Z');
		assert.deepEqual(zombie.exit, {code: 7});
		sim.call(parent, {call: 'wait', pid: child, reply: 'w'});
		assert.equal(sim.proc(child), undefined);
	});

	test('R-ZOMB-2: SIGCHLD at SIG_DFL still leaves a zombie', () => {
		const sim = new Sim();
		const parent = sim.fork(1);
		const child = sim.fork(parent, {program: 'sleep'});
		sim.call(child, {call: 'exit', code: 0});
		assert.equal(sim.must(child).state, 'Z');
	});

	test('R-ZOMB-3: with SIGCHLD ignored or SA_NOCLDWAIT the child vanishes and wait gives ECHILD (K9)', () => {
		for (const setup of [{action: 'ignore' as const}, {action: 'default' as const, nocldwait: true}]) {
			const sim = new Sim();
			const parent = sim.fork(1);
			sim.call(parent, {call: 'sigaction', signal: 'SIGCHLD', ...setup});
			const child = sim.fork(parent, {program: 'sleep'});
			sim.call(child, {call: 'exit', code: 3});
			assert.equal(sim.proc(child), undefined);
			const events = sim.call(parent, {call: 'wait', pid: -1});
			assert.equal(events.find((e) => e.errno)?.errno, 'ECHILD');
		}
	});

	test('R-ZOMB-4: reaping frees the PID; a zombie’s PID is never handed out', () => {
		const sim = new Sim();
		const init = sim.fork(1, {flags: {pid: true}});
		const z = sim.fork(init, {program: 'sleep'});
		sim.call(z, {call: 'exit', code: 0});
		for (let i = 0; i < 5; i++) assert.notEqual(sim.must(sim.fork(init, {program: 'sleep'})).pids[1], 2);
		const events = sim.call(init, {call: 'wait', pid: 2});
		assert.ok(events.some((e) => e.rule === 'R-ZOMB-4' && e.kind === 'reap'));
	});

	test('R-ZOMB-5: under a non-reaping PID 1, orphans that die stay zombies with PPID 1 until the namespace dies (K7)', () => {
		const sim = new Sim();
		const init = sim.fork(1, {program: 'sleep', flags: {pid: true}});
		const sh = sim.fork(init, {comm: 'sh'});
		const orphan = sim.fork(sh, {program: 'sleep', params: {seconds: 0.2}});
		sim.call(sh, {call: 'exit', code: 0});
		sim.advance(1000);
		assert.equal(sim.must(orphan).state, 'Z');
		assert.equal(sim.must(orphan).parent, init);
		assert.equal(sim.must(sh).state, 'Z');
		sim.kill(init, 'SIGKILL');
		assert.equal(sim.proc(orphan), undefined);
		assert.equal(sim.proc(sh), undefined);
	});

	test('R-ZOMB-5: the same with a pause-like PID 1 leaves no zombie (K8)', () => {
		const sim = new Sim();
		const init = sim.fork(1, {program: 'pause', flags: {pid: true}});
		const sh = sim.fork(init, {comm: 'sh'});
		const orphan = sim.fork(sh, {program: 'sleep', params: {seconds: 0.2}});
		sim.call(sh, {call: 'exit', code: 0});
		sim.advance(1000);
		assert.equal(sim.proc(orphan), undefined);
		assert.equal(sim.proc(sh), undefined);
	});

	test('R-ZOMB-6: kill -9 on a zombie does nothing', () => {
		const sim = new Sim();
		const parent = sim.fork(1);
		const child = sim.fork(parent, {program: 'sleep'});
		sim.call(child, {call: 'exit', code: 0});
		const events = sim.kill(child, 'SIGKILL');
		assert.equal(events[0].rule, 'R-ZOMB-6');
		assert.equal(sim.must(child).state, 'Z');
	});

	test('R-ZOMB-7: a shell reaps any child while it waits for its foreground command, not after exec', () => {
		const sim = new Sim();
		const shell = sim.fork(1, {
			program: 'sh',
			flags: {pid: true},
			params: {
				service: {program: 'sleep', seconds: 2},
				children: [{program: 'sleep', seconds: 0.2}],
				execAfter: {program: 'app', comm: 'app'},
			},
		});
		sim.advance(500);
		assert.equal(sim.must(shell).children.length, 1, 'the background sleep was reaped while waiting');
		sim.advance(2000);
		assert.equal(sim.must(shell).comm, 'app', 'the shell exec’d the app');
		const worker = sim.fork(shell, {program: 'sleep'});
		sim.call(worker, {call: 'exit', code: 0});
		assert.equal(sim.must(worker).state, 'Z', 'the app never reaps');
	});

	test('R-ZOMB-8: pause, tini and dumb-init reap with a waitpid(-1, WNOHANG) loop on SIGCHLD', () => {
		for (const program of ['pause', 'tini', 'dumb-init']) {
			const sim = new Sim();
			const init = sim.fork(1, {program, flags: {pid: true}, params: {service: {program: 'app'}}});
			const a = sim.fork(init, {program: 'sleep'});
			const b = sim.fork(init, {program: 'sleep'});
			sim.call(a, {call: 'exit', code: 0});
			sim.call(b, {call: 'exit', code: 0});
			sim.advance(1500);
			assert.equal(sim.proc(a), undefined, `${program} reaped ${a}`);
			assert.equal(sim.proc(b), undefined, `${program} reaped ${b}`);
		}
	});
});
