// Slow motion (issue 9): the events of one moment unfold one at a time, each showing the world
// after it; worlds after an event are derived by replaying the step, not stored.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {step, worldAfterEvents} from '../../source/engine/index.js';
import {getProcess} from '../../source/kernel/index.js';
import {lastIndex, momentAt} from '../../source/session/core.js';
import {makeSession, playFor, rowOf} from './helpers.js';

/** The session paused just before the kill of web/app's PID 1 (at 4 s). */
function beforeKill(slowMotion = true) {
	const made = makeSession({slowMotion});
	made.session.goto(3900);
	return made;
}

/** `.` until the kill's first event is shown (the chapter's moment comes first). */
function toKill(session: ReturnType<typeof makeSession>['session']) {
	for (let i = 0; i < 5 && !session.status().event; i++) session.stepForward();
	assert.equal(session.status().event?.shown, 1);
}

describe('slow motion', () => {
	test('a replay stopped after n events emits exactly the first n events the moment recorded (deterministic)', () => {
		const {session} = beforeKill();
		session.goto(4000);
		const core = session.core();
		const moments = Array.from({length: lastIndex(core) + 1}, (_, i) => momentAt(core, i));
		const i = moments.findIndex((m) => m.action?.type === 'signal');
		const moment = moments[i]!;
		assert.ok(moment.events.length > 5, 'the kill is a cascade');
		for (let n = 1; n < moment.events.length; n++) {
			const replay = step(moments[i - 1]!.world, moment.action!, {freeze: false, stopAfter: n});
			assert.deepEqual([...replay.events], moment.events.slice(0, n));
		}
		assert.equal(worldAfterEvents(moments[i - 1]!.world, moment, moment.events.length), moment.world);
	});

	test('`.` steps one event: R-PIDNS-7 kills the workers, each is a zombie then reaped, then PID 1 (R-ZOMB-1)', () => {
		const {session} = beforeKill();
		toKill(session);
		const seen: string[] = [];
		for (let press = 0; press < 40 && session.status().event; press++) {
			const why = session.why(1)[0]!;
			const sleep = rowOf(session, 'sleep');
			const app = rowOf(session, 'app');
			seen.push(`${why.rule} sleep:${sleep?.state ?? '-'} app:${app?.state ?? '-'}`);
			session.stepForward();
		}
		// The why pane ends with the event just shown; the tree is the world after it.
		assert.ok(
			seen.some((s) => s.startsWith('R-PIDNS-7') && s.includes('app:R')),
			`PID 1 exits first:\n${seen.join('\n')}`,
		);
		const appZombie = seen.findIndex((s) => s.includes('app:Z'));
		const appGone = seen.findIndex((s, i) => i > appZombie && s.includes('app:-'));
		assert.ok(appZombie > 0, `PID 1 shown as a zombie:\n${seen.join('\n')}`);
		assert.ok(appGone > appZombie, `then reaped:\n${seen.join('\n')}`);
	});

	test('`,` steps back one event; whole moments with ( and )', () => {
		const {session} = beforeKill();
		toKill(session);
		session.stepForward();
		assert.equal(session.status().event?.shown, 2);
		session.stepBack();
		assert.equal(session.status().event?.shown, 1);
		session.stepMoment();
		assert.equal(session.status().event, undefined, 'the moment whole');
		const t = session.status().time;
		session.stepMomentBack();
		assert.ok(session.status().time <= t);
		assert.equal(session.status().event, undefined);
	});

	test('playing holds each event of a cascade on screen for a while, then goes on', () => {
		const {session} = beforeKill();
		session.play();
		let frames = 0;
		while (!session.status().event && frames < 100) {
			session.tick();
			frames++;
		}
		const of = session.status().event?.of ?? 0;
		assert.ok(of > 5, 'play stopped on the cascade');
		let unfolding = 0;
		while (session.status().event && unfolding < 1000) {
			session.tick();
			unfolding++;
		}
		assert.ok(unfolding >= of - 1, `${unfolding} frames for ${of} events`);
		playFor(session, 1000);
		assert.ok(session.status().time > 4000, 'time goes on after the cascade');
	});

	test('a breakpoint stops on the event that trips it, the world as it was then (R-ZOMB-1)', () => {
		const {session} = beforeKill();
		session.setBreakpoint('pid1-exit', true);
		session.play();
		for (let i = 0; i < 100 && session.status().playing; i++) session.tick();
		const status = session.status();
		assert.equal(status.playing, false);
		assert.match(status.stopped ?? '', /pid1-exit/);
		assert.ok(status.event, 'stopped inside the moment');
		assert.equal(session.why(1)[0]?.rule, 'R-PIDNS-7');
		// The exit of PID 1 is the event shown: the app is still on screen, not yet a zombie.
		assert.notEqual(rowOf(session, 'app')?.state, 'Z');
	});

	test('acting while an event is shown acts on the whole moment', () => {
		const {session} = beforeKill();
		toKill(session);
		const result = session.run('spawn pid:1');
		assert.equal(result.ok, true);
		assert.equal(session.status().event, undefined);
		assert.ok(getProcess(momentAt(session.core(), lastIndex(session.core())).world.kernel, 1));
	});
});
