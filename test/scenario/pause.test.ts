// `pause: true` steps (issue 12): play stops there and waits for the viewer — the playground, the
// presenter and a recording (held as long as the idle limit allows) — and replay prints where.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {transcript} from '../../source/commands/transcript.js';
import {playUntil, scenarioEnd, startPlayer} from '../../source/engine/index.js';
import {createPresenter} from '../../source/present/presenter.js';
import {film} from '../../source/record/film.js';
import {parseScenario} from '../../source/scenario/index.js';
import {createSession} from '../../source/session/index.js';
import {manualClock} from '../session/helpers.js';
import {loaded, problems} from './helpers.js';

const text = (pause = 'true') => `title: t
pods:
  - apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
      containers:
        - {name: app, image: example/app}
timeline:
  - at: 1s
    say: Watch PID 1.
  - at: 2s
    pause: ${pause}
  - at: 2s
    kill: {target: web/app, signal: KILL}
  - at: 4s
    say: It restarted.
`;

const scenario = () => loaded(parseScenario(text(), 's.yaml'));

describe('pause: true', () => {
	test('is a step of its own; anything but true is refused at its position', () => {
		assert.deepEqual(
			scenario().timeline.map((s) => s.action.type),
			['say', 'pause', 'kill', 'say'],
		);
		const refused = problems(parseScenario(text('false'), 's.yaml'));
		assert.equal(refused.length, 1);
		assert.match(refused[0]!, /^s\.yaml:13:12: pause: write `pause: true`/);
	});

	test('replay prints where the presenter and the playground wait', () => {
		const s = scenario();
		const player = playUntil(startPlayer(s, {freeze: false}), scenarioEnd(s), {grain: 60_000});
		const lines = transcript(player, scenarioEnd(s));
		assert.deepEqual(
			lines.filter((l) => l.type === 'pause'),
			[{type: 'pause', t: 2000}],
		);
		// The world is not changed by it: the kill right after still acts at 2 s.
		assert.ok(lines.some((l) => l.type === 'event' && l.t === 2000 && l.rule.startsWith('R-')));
	});

	test('the playground stops playing at the pause, says so, and plays on with space (play)', () => {
		const session = createSession(scenario(), {
			scenariosDir: '/nonexistent',
			clock: manualClock(),
			slowMotion: false,
		});
		session.play();
		for (let i = 0; i < 200 && session.status().playing; i++) session.tick();
		assert.equal(session.status().playing, false);
		assert.equal(session.status().time, 2000);
		assert.match(session.status().stopped ?? '', /pauses here/);
		assert.deepEqual(session.caption(), ['Watch PID 1.']);
		session.play();
		for (let i = 0; i < 200 && session.status().playing; i++) session.tick();
		assert.ok(session.status().time >= 4000, 'plays on to the end');
		assert.deepEqual(session.caption(), ['It restarted.']);
		session.dispose();
	});

	test('the presenter waits at the pause like at a say', () => {
		const p = createPresenter(scenario(), {scenariosDir: '/nonexistent'});
		const stops: number[] = [];
		while (!p.state().atEnd && stops.length < 10) {
			p.frame();
			if (p.state().waiting) {
				stops.push(p.session.status().time);
				p.next();
			}
		}
		assert.deepEqual(stops, [1000, 2000, 4000]);
		p.dispose();
	});

	test('a recording holds the pause as long as the idle limit allows', () => {
		const reel = film(scenario(), {
			columns: 100,
			rows: 30,
			speed: 1,
			fps: 10,
			keys: [],
			ascii: true,
			color: false,
			maxHoldMs: 5000,
			scenariosDir: '/nonexistent',
		});
		// The say at 1 s holds 1.5 s; the pause then stands still 5 s before the kill plays on.
		const killed = reel.frames.findIndex((f) => /Running 1 /.test(f.lines.join('\n')));
		assert.ok(killed > 0, 'the restart is recorded');
		assert.ok(reel.frames[killed]!.ms >= 1500 + 5000, `restart shown at ${reel.frames[killed]!.ms} ms`);
		reel.session.dispose();
	});
});
