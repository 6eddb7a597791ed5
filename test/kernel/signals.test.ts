import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {Sim} from '../helpers/sim.js';

const initSignals = ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGKILL', 'SIGSTOP'] as const;

describe('signals to a namespace init (R-SIG)', () => {
	test('R-SIG-1: from inside, a handler-less PID 1 drops every signal, KILL and STOP included; kill returns 0 (K11)', () => {
		const sim = new Sim();
		const init = sim.fork(1, {program: 'sleep', flags: {pid: true}});
		const shell = sim.fork(init, {comm: 'sh'});
		for (const signal of initSignals) {
			const events = sim.call(shell, {call: 'kill', pid: 1, signal});
			assert.ok(!events.some((e) => e.errno), `kill -${signal} 1 returns 0`);
			assert.equal(events[0].rule, 'R-SIG-1');
		}
		assert.equal(sim.must(init).state, 'S');
	});

	test('R-SIG-2: from the host, TERM/INT/HUP are dropped, STOP stops and KILL kills (K12)', () => {
		const sim = new Sim();
		const init = sim.fork(1, {program: 'sleep', flags: {pid: true}});
		for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
			assert.equal(sim.kill(init, signal)[0].rule, 'R-SIG-2');
			assert.equal(sim.must(init).state, 'S');
		}
		sim.kill(init, 'SIGSTOP');
		assert.equal(sim.must(init).state, 'T');
		sim.kill(init, 'SIGCONT');
		sim.kill(init, 'SIGKILL');
		assert.equal(sim.proc(init), undefined, 'killed and reaped by the host init');
	});

	test('R-SIG-2: a handler that runs for a signal from the host sees si_pid 0; a blocked signal from inside is queued with the sender’s PID (K14)', () => {
		const sim = new Sim();
		const init = sim.fork(1, {program: 'app', flags: {pid: true}, params: {block: ['SIGUSR1']}});
		sim.call(init, {call: 'sigaction', signal: 'SIGTERM', action: 'handle'});
		const sibling = sim.fork(init, {comm: 'sh'});
		sim.call(sibling, {call: 'kill', pid: 1, signal: 'SIGUSR1'});
		assert.deepEqual(sim.must(init).pending, [{signal: 'SIGUSR1', siPid: 2, fromKernel: false}]);
		const events = sim.kill(init, 'SIGTERM');
		const handled = events.find((e) => e.kind === 'signal-handled');
		assert.equal(handled?.data?.siPid, 0);
		assert.ok(
			sim.events.some((e) => e.kind === 'exit' && e.pid === init),
			'the handler exited',
		);
	});

	test('R-SIG-3: a kernel signal (the OOM killer) is never filtered and kills a namespace init', () => {
		const sim = new Sim();
		sim.step({type: 'cgroup', path: '/box', limits: {memoryMax: 1000}});
		const events = sim.call(1, {
			call: 'fork',
			program: {name: 'sleep'},
			comm: 'hog',
			flags: {pid: true},
			cgroup: '/box',
		});
		const init = events.find((e) => e.kind === 'fork')!.pid!;
		sim.call(init, {call: 'alloc', bytes: 2000});
		assert.ok(sim.events.some((e) => e.rule === 'R-STATUS-4'));
		const exit = sim.events.find((e) => e.kind === 'exit' && e.pid === init);
		assert.deepEqual(exit?.data?.status, {signal: 'SIGKILL', oom: true});
	});

	test('R-SIG-4: SIGCONT from inside resumes an init stopped from the host (K13)', () => {
		const sim = new Sim();
		const init = sim.fork(1, {program: 'sleep', flags: {pid: true}});
		const shell = sim.fork(init, {comm: 'sh'});
		sim.kill(init, 'SIGSTOP');
		assert.equal(sim.must(init).state, 'T');
		const events = sim.call(shell, {call: 'kill', pid: 1, signal: 'SIGCONT'});
		assert.ok(events.some((e) => e.rule === 'R-SIG-4'));
		assert.equal(sim.must(init).state, 'S');
	});

	test('R-SIG-5: exec resets caught signals to SIG_DFL and keeps ignored ones (K22)', () => {
		const sim = new Sim();
		const init = sim.fork(1, {
			program: 'sh',
			flags: {pid: true},
			params: {handle: ['SIGTERM'], ignore: ['SIGHUP']},
		});
		assert.equal(sim.must(init).actions.SIGTERM, 'handle');
		sim.call(init, {call: 'exec', program: {name: 'sleep'}, comm: 'app'});
		assert.equal(sim.must(init).actions.SIGTERM, undefined);
		assert.equal(sim.must(init).actions.SIGHUP, 'ignore');
		sim.kill(init, 'SIGTERM');
		assert.equal(sim.must(init).state, 'S', 'the exec’d app ignores the host’s SIGTERM');
	});

	test('R-SIG-6: other processes in the namespace get normal semantics (K15)', () => {
		const sim = new Sim();
		const init = sim.fork(1, {program: 'pause', flags: {pid: true}});
		const sleeper = sim.fork(init, {program: 'sleep'});
		const shell = sim.fork(init, {comm: 'sh'});
		sim.call(shell, {call: 'kill', pid: sim.must(sleeper).pids[1], signal: 'SIGTERM'});
		assert.equal(sim.proc(sleeper), undefined, 'killed, then reaped by pause');
	});

	test('R-SIG-7: kill(-1) reaches everyone in the namespace except init and the caller (K15)', () => {
		const sim = new Sim();
		const init = sim.fork(1, {program: 'pause', flags: {pid: true}});
		const sleepers = [
			sim.fork(init, {program: 'sleep'}),
			sim.fork(init, {program: 'sleep'}),
			sim.fork(init, {program: 'sleep'}),
		];
		const shell = sim.fork(init, {comm: 'sh'});
		const events = sim.call(shell, {call: 'kill', pid: -1, signal: 'SIGKILL'});
		assert.ok(!events.some((e) => e.errno), 'returns 0');
		for (const pid of sleepers) assert.equal(sim.proc(pid), undefined);
		assert.equal(sim.must(init).state, 'S');
		assert.equal(sim.must(shell).state, 'S');
	});

	test('R-SIG-8: a process killed by signal N is reported with exit code 128+N', () => {
		const sim = new Sim();
		const tini = sim.fork(1, {program: 'tini', flags: {pid: true}, params: {service: {program: 'sleep'}}});
		const app = sim.must(tini).children[0];
		sim.kill(app, 'SIGKILL');
		sim.advance(1000);
		const exit = sim.events.find((e) => e.kind === 'exit' && e.pid === tini);
		assert.deepEqual(exit?.data?.status, {code: 137});
	});

	test('R-SIG-9: a handler-less PID 1 drops the stop signal; only the forced SIGKILL ends it, exit 137 (K16)', () => {
		const sim = new Sim();
		const init = sim.fork(1, {program: 'app', flags: {pid: true}});
		sim.kill(init, 'SIGTERM');
		assert.equal(sim.must(init).state, 'S');
		sim.advance(10_000);
		sim.kill(init, 'SIGKILL');
		const exit = sim.events.find((e) => e.kind === 'exit' && e.pid === init);
		assert.deepEqual(exit?.data?.status, {signal: 'SIGKILL'});
	});
});

describe('process groups', () => {
	test('kill(-pgid) reaches the group even after its leader was reaped', () => {
		const sim = new Sim();
		const leader = sim.fork(1, {comm: 'leader'});
		sim.call(leader, {call: 'setsid'});
		const member = sim.fork(leader, {program: 'sleep'});
		sim.call(leader, {call: 'exit', code: 0});
		assert.equal(sim.proc(leader), undefined, 'the leader was reaped by the host init');
		const events = sim.call(1, {call: 'kill', pid: -leader, signal: 'SIGKILL'});
		assert.ok(!events.some((e) => e.errno), 'no ESRCH');
		assert.equal(sim.proc(member), undefined);
	});

	test('R-SUP-3: dumb-init sends SIGTERM to the rest of the group once its main child has exited', () => {
		const sim = new Sim();
		const init = sim.fork(1, {
			program: 'dumb-init',
			flags: {pid: true},
			params: {service: {program: 'app', children: [{program: 'sleep'}]}},
		});
		const child = sim.must(init).children[0];
		const grandchild = sim.must(child).children[0];
		sim.call(child, {call: 'exit', code: 3});
		assert.equal(sim.proc(grandchild)?.state ?? 'gone', 'gone', 'the group got SIGTERM');
		const exit = sim.events.find((e) => e.kind === 'exit' && e.pid === init);
		assert.deepEqual(exit?.data?.status, {code: 3});
	});
});

describe('tini as PID 1 (R-SUP-2)', () => {
	function tiniPod(params: Record<string, unknown> = {}) {
		const sim = new Sim();
		const tini = sim.fork(1, {
			program: 'tini',
			flags: {pid: true},
			params: {service: {program: 'app', children: [{program: 'sleep'}]}, ...params},
		});
		const app = sim.must(tini).children[0]!;
		const sleep = sim.must(app).children[0]!;
		return {sim, tini, app, sleep};
	}

	test('R-SUP-2: the node’s SIGTERM reaches tini though it has no handler: it is blocked, queued (narrated) and forwarded to the child', () => {
		const {sim, tini, app} = tiniPod();
		const events = sim.kill(tini, 'SIGTERM');
		const queued = events.find((e) => e.kind === 'signal-queued');
		assert.equal(queued?.rule, 'R-SIG-2');
		assert.equal(queued?.pid, tini);
		assert.match(queued?.text ?? '', /SIGTERM from the node to \d+ \(tini\) is blocked, so it is queued/);
		assert.ok(
			!events.some((e) => e.kind === 'signal-dropped' && e.pid === tini),
			'not dropped as R-SIG-2 would a handler-less PID 1',
		);
		assert.equal(sim.proc(app), undefined, 'the app got SIGTERM from tini and died');
		const exit = sim.events.find((e) => e.kind === 'exit' && e.pid === tini);
		assert.deepEqual(exit?.data?.status, {code: 143}, 'tini exits with 128 + 15, the child’s signal');
	});

	test('R-SUP-2: tini reaps every child, and exits with the main child’s code as soon as it is reaped', () => {
		const {sim, tini, app, sleep} = tiniPod();
		sim.call(app, {call: 'exit', code: 7});
		const exit = sim.events.find((e) => e.kind === 'exit' && e.pid === tini);
		assert.deepEqual(exit?.data?.status, {code: 7});
		assert.equal(
			sim.proc(sleep),
			undefined,
			'the orphan died with the namespace (R-PIDNS-7), no zombie left',
		);
	});

	test('R-SUP-2: an orphan that dies under tini is reaped, not left a zombie', () => {
		const sim = new Sim();
		const tini = sim.fork(1, {program: 'tini', flags: {pid: true}, params: {service: {program: 'app'}}});
		const app = sim.must(tini).children[0]!;
		const helper = sim.fork(app, {program: 'sleep'});
		const orphan = sim.fork(helper, {program: 'sleep'});
		sim.call(helper, {call: 'exit', code: 0});
		assert.equal(sim.must(orphan).parent, tini, 'the orphan went to tini, PID 1 (R-REAP-3)');
		sim.call(orphan, {call: 'exit', code: 0});
		assert.equal(sim.proc(orphan), undefined, 'tini reaped it');
		assert.ok(sim.proc(tini), 'tini runs on: its main child lives');
	});

	test('R-SUP-2: with -g the signal goes to the child’s whole process group', () => {
		const {sim, tini, sleep} = tiniPod({group: true});
		sim.kill(tini, 'SIGTERM');
		assert.equal(sim.proc(sleep), undefined, 'the grandchild in the child’s group got SIGTERM too');
	});
});
