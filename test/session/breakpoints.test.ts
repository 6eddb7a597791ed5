import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {makeSession, playFor, rowOf} from './helpers.js';

describe('breakpoints', () => {
	test('off by default: play runs to the end', () => {
		const {session} = makeSession();
		assert.deepEqual(session.breakpoints(), {zombie: false, 'pid1-exit': false, 'queue-gone': false});
		playFor(session, 10_000);
		assert.equal(session.status().time, 7000);
	});

	test('zombie (R-ZOMB-1): play pauses at the moment a zombie appears', () => {
		const {session, clock} = makeSession();
		session.setBreakpoint('zombie', true);
		playFor(session, 10_000);
		const status = session.status();
		assert.equal(status.playing, false);
		assert.equal(status.time, 1000);
		assert.equal(clock.running, 0);
		assert.equal(rowOf(session, 'sleep')?.zombie, true);
		assert.match(session.status().stopped ?? '', /^breakpoint zombie: .*zombie/);
	});

	test('pid1-exit (R-PIDNS-7): pauses when a namespace init exits', () => {
		const {session} = makeSession();
		session.run('break pid1-exit on');
		playFor(session, 10_000);
		assert.equal(session.status().time, 4000);
		assert.match(
			session
				.why(50)
				.map((w) => w.text)
				.join('\n'),
			/PID 1 of PID namespace/,
		);
	});

	test('queue-gone (R-IPC-2): pauses when a queue disappears, and play goes on from there', () => {
		const {session} = makeSession();
		session.setBreakpoint('queue-gone', true);
		playFor(session, 10_000);
		// Deleted at 4.5 s with a grace period of 1 s: the kubelet still allows 2 s (R-TERM-4).
		assert.equal(session.status().time, 6500);
		assert.match(
			session
				.why(50)
				.map((w) => w.rule)
				.join(' '),
			/R-IPC-2/,
		);
		playFor(session, 10_000);
		assert.equal(session.status().time, 7000);
	});

	test('replaying recorded moments stops at breakpoints too', () => {
		const {session} = makeSession();
		playFor(session, 3000);
		session.goto(0);
		session.setBreakpoint('zombie', true);
		playFor(session, 3000);
		assert.equal(session.status().time, 1000);
		assert.deepEqual(session.branches(), ['main']);
	});
});
