import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {SPEEDS} from '../../source/session/core.js';
import {makeSession, playFor} from './helpers.js';

describe('frame clock', () => {
	test('a timer runs only while playing (no CPU while paused)', () => {
		const {session, clock} = makeSession();
		assert.equal(clock.running, 0);
		session.play();
		assert.equal(clock.running, 1);
		session.pause();
		assert.equal(clock.running, 0);
		session.togglePlay();
		session.togglePlay();
		assert.equal(clock.running, 0);
	});

	test('each frame advances virtual time by frameMs × speed and notifies once', () => {
		const {session} = makeSession();
		let calls = 0;
		const off = session.subscribe(() => {
			calls += 1;
		});
		session.play();
		session.tick();
		assert.equal(session.status().time, 50);
		assert.equal(calls, 1);
		session.faster();
		session.faster();
		assert.equal(session.status().speed, 4);
		session.tick();
		assert.equal(session.status().time, 250);
		assert.equal(calls, 2);
		off();
		session.tick();
		assert.equal(calls, 2);
		session.dispose();
	});

	test('speeds step through the list and stop at both ends', () => {
		const {session} = makeSession();
		for (let i = 0; i < 20; i++) session.faster();
		assert.equal(session.status().speed, SPEEDS.at(-1));
		for (let i = 0; i < 20; i++) session.slower();
		assert.equal(session.status().speed, SPEEDS[0]);
	});

	test('play stops at the end of the scenario and reports it', () => {
		const {session, clock} = makeSession();
		playFor(session, 20_000);
		const status = session.status();
		assert.equal(status.time, 7000);
		assert.equal(status.playing, false);
		assert.equal(status.atEnd, true);
		assert.equal(clock.running, 0);
	});
});

describe('time travel', () => {
	test('step back rewinds to the previous moment with events; why follows the world shown', () => {
		const {session} = makeSession();
		playFor(session, 1500);
		session.pause();
		const lastWhy = session.why(1)[0]!;
		session.stepBack();
		assert.ok(session.status().time <= 1500);
		assert.notDeepEqual(session.why(1)[0], lastWhy);
		session.stepForward();
		assert.deepEqual(session.why(1)[0], lastWhy);
	});

	test('step forward at the end of the branch plays to the next event', () => {
		const {session} = makeSession();
		playFor(session, 600);
		session.pause();
		const before = session.status().time;
		session.stepForward();
		assert.ok(session.status().time > before);
		assert.ok(session.why(1)[0]!.t > before);
		assert.equal(session.status().playing, false);
	});

	test('acting on a rewound moment starts a branch; the old one is kept', () => {
		const {session} = makeSession();
		playFor(session, 3000);
		session.pause();
		session.goto(500);
		assert.equal(session.status().time, 500);
		const result = session.run('spawn web/app');
		assert.equal(result.ok, true);
		assert.deepEqual(session.branches(), ['main', 'branch-1']);
		assert.equal(session.status().branch, 'branch-1');
		session.switchBranch('main');
		assert.equal(session.status().branch, 'main');
		assert.equal(session.status().time, 3000);
	});

	test('playing from a rewound moment replays the recorded moments without a branch', () => {
		const {session} = makeSession();
		playFor(session, 2000);
		session.goto(1000);
		playFor(session, 500);
		assert.equal(session.status().time, 1500);
		assert.deepEqual(session.branches(), ['main']);
		playFor(session, 1000);
		assert.equal(session.status().time, 2500);
	});

	test('goto beyond the recorded end simulates up to that time', () => {
		const {session} = makeSession();
		session.goto(4500);
		assert.equal(session.status().time, 4500);
		assert.equal(session.status().chapter, 'Kill PID 1');
		// Moments are the instants at which something happened: goto shows the last one at or before the time.
		session.goto(1100);
		const shown = session.status().time;
		assert.ok(shown <= 1100, `${shown} at or before 1100`);
		session.goto(shown);
		assert.equal(session.status().time, shown);
	});

	test('chapters: next and previous jump to the timeline chapters with their narration', () => {
		const {session} = makeSession();
		session.nextChapter();
		assert.equal(session.status().time, 2000);
		assert.equal(session.status().chapter, 'Zombies');
		// A chapter and a `say` on one moment: both are the current narration, neither is lost.
		assert.deepEqual(session.caption(), ['Zombies', 'The sleeps exited; app never reaps them.']);
		session.nextChapter();
		assert.equal(session.status().chapter, 'Kill PID 1');
		session.prevChapter();
		assert.equal(session.status().chapter, 'Zombies');
		session.prevChapter();
		assert.equal(session.status().time, 0);
		assert.equal(session.status().chapter, 'Start');
		assert.deepEqual(session.caption(), ['Start: Two pods.']);
	});
});
