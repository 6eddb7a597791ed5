import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import fc from 'fast-check';
import {makeSession, playFor, rowOf, testScenario} from './helpers.js';

describe('run: the command line', () => {
	test('kill a container PID 1 as the K key writes it (R-SIG-2: SIGKILL from the host kills it)', () => {
		const {session} = makeSession();
		playFor(session, 500);
		const app = rowOf(session, 'app')!;
		const result = session.run('kill web/app:1 KILL');
		assert.equal(result.ok, true);
		assert.match(result.ok ? (result.message ?? '') : '', /SIGKILL/);
		assert.notEqual(rowOf(session, 'app')?.hostPid, app.hostPid);
	});

	test('kill by pid:N, bare host PID and comm:NAME; SIGTERM to a PID 1 without handler is dropped', () => {
		const {session} = makeSession();
		playFor(session, 500);
		const app = rowOf(session, 'app')!;
		const dropped = session.run(`kill pid:${app.hostPid} TERM`);
		assert.equal(dropped.ok, true);
		assert.equal(rowOf(session, 'app')?.hostPid, app.hostPid);
		assert.equal(session.run(`kill ${app.hostPid} 9`).ok, true);
		assert.equal(session.run('kill comm:producer STOP').ok, true);
		assert.equal(rowOf(session, 'producer')?.state, 'T');
	});

	test('wrong commands are one sentence with a did-you-mean', () => {
		const {session} = makeSession();
		const cases: [string, RegExp][] = [
			['kil web/app', /unknown command "kil" — did you mean "kill"\?/],
			['kill web/ap', /no container "ap" — did you mean "app"\?/],
			['kill wbe/app', /no pod "wbe" — did you mean "web"\?/],
			['kill web/app TREM', /unknown signal "TREM" — did you mean "SIGTERM"\?/],
			['kill pid:9999', /no process matches pid:9999/],
			['kill', /^usage: kill TARGET \[SIGNAL\]$/],
			['share web maybe', /^usage: share POD on\|off$/],
			['supervise web/app tinni', /did you mean "tini"\?/],
			['spawn web/app slep', /did you mean "sleep"\?/],
			['goto 12', /needs a unit/],
			['speed 3', /speed must be one of/],
			['break zombi on', /did you mean "zombie"\?/],
			['branch nope', /no branch "nope"/],
			['', /type a command/],
		];
		for (const [command, message] of cases) {
			const result = session.run(command);
			assert.equal(result.ok, false, command);
			assert.match(result.ok ? '' : result.message, message, command);
			assert.doesNotMatch(result.ok ? '' : result.message, /\n|at .*\.ts:/, command);
		}
	});

	test('run never throws, whatever is typed', () => {
		const {session} = makeSession();
		const words = fc.constantFrom(
			'kill',
			'share',
			'hostipc',
			'supervise',
			'spawn',
			'orphan',
			'delete',
			'goto',
			'speed',
			'break',
			'branch',
			'web',
			'web/app',
			'web/app:1',
			'web/POD#1',
			'pid:1',
			'comm:sleep',
			'on',
			'off',
			'KILL',
			'tini',
			'1',
			'-3',
			'constructor',
			'__proto__',
			'toString',
		);
		fc.assert(
			fc.property(fc.array(fc.oneof(words, fc.string()), {maxLength: 4}), (parts) => {
				const result = session.run(parts.join(' '));
				assert.equal(typeof result.ok, 'boolean');
				if (!result.ok) assert.ok(result.message.length > 0);
			}),
			{numRuns: 300},
		);
	});

	test('spawn takes no parameters: a zero interval or delay cannot be typed, programs start with their defaults', () => {
		const {session} = makeSession();
		playFor(session, 500);
		for (const line of [
			'spawn web/app producer interval=0',
			'spawn web/app fork-bomb delay 0',
			'spawn web/app log-writer 0',
		])
			assert.equal(session.run(line).ok, false, line);
	});

	test('spawn forks a child; orphan leaves a child adopted by the namespace init (R-REAP-3)', () => {
		const {session} = makeSession();
		playFor(session, 500);
		const app = rowOf(session, 'app')!;
		assert.equal(session.run(`spawn pid:${app.hostPid} sh`).ok, true);
		const sh = session.processRows(0, 100).find((r) => r.comm === 'sh' && r.ppid === app.hostPid);
		assert.ok(sh);
		const orphaned = session.run('orphan web/app');
		assert.equal(orphaned.ok, true);
		assert.match(orphaned.ok ? (orphaned.message ?? '') : '', /R-REAP-3/);
		const adopted = session.processRows(0, 100).filter((r) => r.adopted);
		assert.equal(adopted.length, 1);
		assert.equal(adopted[0]!.ppid, app.hostPid);
		assert.equal(adopted[0]!.comm, 'sleep');
		// The adopted mark fades after a few seconds of virtual time.
		playFor(session, 4000);
		assert.equal(
			session.processRows(0, 100).some((r) => r.adopted),
			false,
		);
	});

	test('share and hostipc re-create the pod (R-POD-4); a terminating pod refuses more', () => {
		const {session} = makeSession();
		playFor(session, 500);
		const shared = session.run('share web on');
		// R-POD-4: pods are immutable, so the pod is terminated and re-created with the new field.
		assert.match(shared.ok ? (shared.message ?? '') : '', /recreated/);
		assert.equal(session.pods().find((p) => p.name === 'web')?.status, 'Terminating');
		const again = session.run('share web off');
		assert.deepEqual(again, {ok: false, message: 'pod web is already terminating'});
		assert.equal(session.run('hostipc queue on').ok, true);
		assert.equal(session.pods().find((p) => p.name === 'queue')?.status, 'Terminating');
		assert.equal(session.run('supervise web/app tini').ok, false);
		assert.equal(session.run('delete queue').ok, false);
		// Once the old pod is gone, the new one runs with the field flipped.
		playFor(session, 2000);
		assert.equal(session.pods().find((p) => p.name === 'queue')?.hostIPC, true);
	});

	test('supervise and delete reach the runtime', () => {
		const {session} = makeSession();
		playFor(session, 500);
		const supervised = session.run('supervise web/app tini');
		assert.match(supervised.ok ? (supervised.message ?? '') : '', /tini/);
		assert.equal(session.run('delete queue').ok, true);
		assert.equal(session.pods().find((p) => p.name === 'queue')?.status, 'Terminating');
		assert.equal(session.run('supervise web/nope tini').ok, false);
	});

	test('goto, speed, play, pause and help', () => {
		const {session, clock} = makeSession();
		assert.equal(session.run('goto 2s').ok, true);
		assert.equal(session.status().time, 2000);
		assert.equal(session.run('speed 4x').ok, true);
		assert.equal(session.status().speed, 4);
		assert.equal(session.run('play').ok, true);
		assert.equal(clock.running, 1);
		assert.equal(session.run('pause').ok, true);
		assert.equal(clock.running, 0);
		const help = session.run('help');
		assert.match(help.ok ? (help.message ?? '') : '', /kill TARGET/);
	});

	test('load replaces the scenario (synchronous and asynchronous loaders), or says why not', async () => {
		const other = testScenario().title;
		const loaded: string[] = [];
		const {session} = makeSession({
			loadScenario: (name) => {
				loaded.push(name);
				if (name === 'missing') return Promise.resolve({ok: false, message: 'unknown scenario "missing"'});
				return name === 'later'
					? Promise.resolve({ok: true, scenario: testScenario()})
					: {ok: true, scenario: testScenario()};
			},
		});
		playFor(session, 1000);
		session.setBreakpoint('zombie', true);
		const now = session.run('load now');
		assert.equal(now.ok, true);
		assert.match(now.message ?? '', new RegExp(`loaded now: ${other}`));
		assert.equal(session.status().time, 0);
		assert.equal(session.breakpoints().zombie, false, 'breakpoints start off with the new scenario');
		let told = 0;
		session.subscribe(() => {
			told += 1;
		});
		// An asynchronous load answers twice: at once, then with its outcome (never a stale "loading…").
		const missing = session.run('load missing');
		assert.equal(missing.ok && missing.message, 'loading missing…');
		assert.deepEqual(await (missing.ok ? missing.later : undefined), {
			ok: false,
			message: 'unknown scenario "missing"',
		});
		assert.equal(told, 1);
		const later = session.run('load later');
		const answer = await (later.ok ? later.later : undefined);
		assert.match(answer?.message ?? '', new RegExp(`loaded later: ${other}`));
		assert.deepEqual(loaded, ['now', 'missing', 'later']);
	});
});

describe('complete', () => {
	test('command names, pods, targets, signals, programs', () => {
		const {session} = makeSession();
		playFor(session, 500);
		assert.deepEqual(session.complete('s'), ['share', 'supervise', 'spawn', 'speed']);
		assert.deepEqual(session.complete('share w'), ['share web']);
		assert.deepEqual(session.complete('share web o'), ['share web on', 'share web off']);
		assert.ok(session.complete('kill web/').includes('kill web/app'));
		assert.ok(session.complete('kill web/').includes('kill web/POD'));
		assert.deepEqual(session.complete('kill web/app KI'), ['kill web/app KILL']);
		assert.ok(session.complete('kill pid:').includes('kill pid:1'));
		assert.ok(session.complete('kill comm:sl').includes('kill comm:sleep'));
		assert.deepEqual(session.complete('spawn web/app sle'), ['spawn web/app sleep']);
		assert.deepEqual(session.complete('supervise web/app t'), ['supervise web/app tini']);
		assert.deepEqual(session.complete('break q'), ['break queue-gone']);
		assert.deepEqual(session.complete('goto '), ['goto 0', 'goto 2s', 'goto 4s']);
		assert.deepEqual(session.complete('nonsense x'), []);
		for (const name of session.commandNames()) assert.ok(session.complete(name).includes(name));
	});
});
