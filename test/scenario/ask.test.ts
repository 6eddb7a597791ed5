// `ask:` steps: read with positions, judged at their reveal against what the simulation did, and
// printed by replay. A wrong answer key is a failing expectation at the `answer:` line.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {formatFailure} from '../../source/commands/check.js';
import {transcript} from '../../source/commands/transcript.js';
import {playerWorld, playUntil, scenarioEnd, startPlayer} from '../../source/engine/index.js';
import {parseScenario} from '../../source/scenario/index.js';
import {loaded, problems} from './helpers.js';

function scenario(answer: number, reveal = '1s', extra = ''): string {
	return `title: t
pods:
  - apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
      containers:
        - {name: app, image: example/app}
timeline:
  - at: 1s
    ask:
      question: SIGTERM to PID 1 without a handler?
      choices:
        - {text: It restarts, expect: [{container: web/app, restartCount: 1}]}
        - {text: Nothing, expect: [{container: web/app, restartCount: 0}]}
      answer: ${answer}
      explain: PID 1 drops it.
      reveal: ${reveal}${extra}
  - at: 1s
    kill: {target: web/app, signal: TERM}
  - at: 3s
    say: done
`;
}

const play = (text: string) => {
	const s = loaded(parseScenario(text, 's.yaml'));
	return playUntil(startPlayer(s, {freeze: false}), scenarioEnd(s), {grain: 60_000});
};

describe('ask: a question the simulation answers', () => {
	test('the loader adds its reveal `reveal` later, after the steps due by then', () => {
		const s = loaded(parseScenario(scenario(2), 's.yaml'));
		assert.deepEqual(
			s.timeline.map((step) => [step.at, step.action.type]),
			[
				[1000, 'ask'],
				[1000, 'kill'],
				[2000, 'reveal'],
				[3000, 'say'],
			],
		);
		assert.deepEqual(s.timeline[2]!.action, {type: 'reveal', ask: 0});
	});

	test('the right key passes; the reveal names the rules of the events since the question (R-SIG-2)', () => {
		const player = play(scenario(2));
		assert.deepEqual(player.failures, []);
		const lines = transcript(player, scenarioEnd(player.scenario));
		const ask = lines.find((l) => l.type === 'ask');
		const answer = lines.find((l) => l.type === 'answer');
		assert.deepEqual(ask, {
			type: 'ask',
			t: 1000,
			question: 'SIGTERM to PID 1 without a handler?',
			choices: ['It restarts', 'Nothing'],
		});
		assert.equal(answer?.type, 'answer');
		if (answer?.type === 'answer') {
			assert.equal(answer.t, 2000);
			assert.equal(answer.choice, 'Nothing');
			assert.ok(answer.rules.includes('R-SIG-2'), `rules: ${answer.rules.join(', ')}`);
		}
	});

	test('a wrong key is a failing expectation at the answer: line, naming the right choice', () => {
		const player = play(scenario(1));
		assert.equal(player.failures.length, 1);
		assert.equal(
			formatFailure('s.yaml', player.failures[0]!),
			's.yaml:16:15: ask: the answer is 2 ("Nothing"), not 1 (container web/app restartCount: expected 1, got 0)',
		);
	});

	test('two choices that both hold fail at the second one', () => {
		const both = scenario(2).replace(
			'{container: web/app, restartCount: 1}',
			'{container: web/app, state: running}',
		);
		const player = play(both);
		assert.equal(player.failures.length, 1);
		assert.match(
			formatFailure('s.yaml', player.failures[0]!),
			/^s\.yaml:14:40: ask: choice 1 \("It restarts"\) holds too/,
		);
	});

	test('an answer beyond the choices, or a bad choice, is refused at its place', () => {
		assert.deepEqual(problems(parseScenario(scenario(3), 's.yaml')), [
			's.yaml:16:15: answer 3 is not one of the 2 choices',
		]);
		const typo = scenario(2).replace(
			'{container: web/app, restartCount: 0}',
			'{container: web/ap, restartCount: 0}',
		);
		assert.match(
			problems(parseScenario(typo, 's.yaml'))[0]!,
			/^s\.yaml:15:48: pod "web" has no container "ap"/,
		);
	});

	test('the world carries the question, and the answer only once revealed', () => {
		const s = loaded(parseScenario(scenario(2), 's.yaml'));
		const asked = playUntil(startPlayer(s, {freeze: false}), 1500, {grain: 250});
		const world = playerWorld(asked);
		assert.deepEqual(world.narration.ask, {
			question: 'SIGTERM to PID 1 without a handler?',
			choices: ['It restarts', 'Nothing'],
		});
		const told = playUntil(asked, 2000, {grain: 250});
		const after = playerWorld(told);
		assert.equal(after.narration.ask?.answer, 2);
		assert.equal(after.narration.ask?.explain, 'PID 1 drops it.');
	});
});
