// kill from a scenario: one process, a process group, kill(-1), from the node or from a process
// (R-SIG-1, R-SIG-2, R-SIG-6, R-SIG-7, R-PIDNS-5).
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {playerEvents, playerWorld, playUntil, scenarioEnd, startPlayer} from '../../source/engine/index.js';
import {allProcesses} from '../../source/kernel/index.js';
import {parseScenario} from '../../source/scenario/index.js';
import {loaded, problems} from './helpers.js';

function play(timeline: string) {
	const text = `title: kill
pods:
  - apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
      containers: [{name: app, image: example/app}]
  - apiVersion: v1
    kind: Pod
    metadata: {name: other}
    spec:
      containers: [{name: app, image: example/app}]
programs:
  web/app: {program: app, children: [{program: sleep, count: 2}]}
timeline:
${timeline}`;
	const scenario = loaded(parseScenario(text, 'k.yaml'));
	const player = playUntil(startPlayer(scenario), scenarioEnd(scenario));
	const world = playerWorld(player);
	const live = (comm: string) =>
		allProcesses(world.kernel).filter((p) => p.labels.pod === 'web' && p.comm === comm && p.state !== 'Z');
	return {events: playerEvents(player), live};
}

describe('kill variants in a scenario (R-SIG-7)', () => {
	test('R-SIG-7: kill -PGID from the node reaches the whole group; its PID 1 member drops SIGTERM (R-SIG-2), the others die (R-SIG-6)', () => {
		const {events, live} = play('  - at: 1s\n    kill: {group: web/app, signal: TERM}\n');
		assert.ok(events.some((e) => e.kind === 'kill-group' && e.rule === 'R-SIG-7'));
		assert.equal(live('sleep').length, 0);
		assert.equal(live('app').length, 1);
		assert.ok(events.some((e) => e.rule === 'R-SIG-2' && e.kind === 'signal-dropped'));
	});

	test('R-SIG-7: kill(-1) inside a namespace reaches all but its init and the caller', () => {
		const {events, live} = play('  - at: 1s\n    kill: {all: true, from: "web/app#2", signal: KILL}\n');
		assert.ok(events.some((e) => e.kind === 'kill-all'));
		assert.equal(live('sleep').length, 1, 'the caller (PID 2) lives, the other sleep died');
		assert.equal(live('app').length, 1, 'PID 1 is spared');
	});

	test('R-SIG-1: a signal from a process inside the namespace to its handler-less PID 1 is dropped, SIGKILL included', () => {
		const {events, live} = play('  - at: 1s\n    kill: {target: web/app, from: "web/app#3", signal: KILL}\n');
		assert.ok(events.some((e) => e.rule === 'R-SIG-1' && e.kind === 'signal-dropped'));
		assert.equal(live('app').length, 1);
	});

	test('R-PIDNS-5: a process cannot name one outside its PID namespace: ESRCH, said at the step', () => {
		const {events, live} = play('  - at: 1s\n    kill: {target: other/app, from: web/app, signal: KILL}\n');
		assert.ok(events.some((e) => e.errno === 'ESRCH' && /outside its PID namespace/.test(e.text)));
		assert.equal(live('app').length, 1);
	});

	test('kill needs exactly one of target, group, all; kill(-1) needs a sender', () => {
		const base = loadedText('    kill: {signal: TERM}');
		assert.match(base.join('\n'), /give one of target, group .* or all: true/);
		assert.match(loadedText('    kill: {all: true}').join('\n'), /all \(kill\(-1\)\) needs from: TARGET/);
	});
});

function loadedText(step: string): string[] {
	const text = `title: t\npods: []\ntimeline:\n  - at: 1s\n${step}\n`;
	return problems(parseScenario(text, 'k.yaml'));
}
