// Event-driven time changes nothing that can be observed: every bundled scenario played in fixed
// 250 ms ticks (how time used to pass), event by event (a moment per instant something happens),
// and as replay plays it (one fast-forward step on a private copy between timeline steps) gives the
// same transcript, the same expectation results and the same world at the end.
import assert from 'node:assert/strict';
import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {
	branchLength,
	headlessPace,
	type Pace,
	playerEvents,
	playerWorld,
	playUntil,
	scenarioEnd,
	startPlayer,
} from '../../source/engine/index.js';
import {loadScenarioFile, parseDuration, type Scenario} from '../../source/scenario/index.js';

const dir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const names = readdirSync(dir)
	.filter((file) => file.endsWith('.yaml'))
	.sort();

async function load(name: string): Promise<Scenario> {
	const loaded = await loadScenarioFile(join(dir, name));
	assert.ok(loaded.ok, `${name} loads`);
	return loaded.scenario;
}

function play(s: Scenario, until: number, pace: Pace, freeze = false) {
	const player = playUntil(startPlayer(s, {freeze}), until, pace);
	return {
		events: playerEvents(player),
		failures: player.failures,
		world: playerWorld(player),
		moments: branchLength(player.history),
	};
}

describe('event-driven time', () => {
	for (const name of names) {
		test(`${name}: ticked, event-driven and fast-forwarded play give the same transcript and world`, async () => {
			const s = await load(name);
			// A while past the end, so that timers long after the last step fire too.
			const until = scenarioEnd(s) + 30_000;
			const ticked = play(s, until, {tick: 250});
			const driven = play(s, until, {});
			const fast = play(s, until, headlessPace);
			for (const [how, run] of [
				['event-driven', driven],
				['fast-forward', fast],
			] as const) {
				assert.deepEqual(run.events, ticked.events, `${name}: ${how} transcript`);
				assert.deepEqual(run.failures, ticked.failures, `${name}: ${how} expectations`);
				assert.deepEqual(run.world, ticked.world, `${name}: ${how} world at the end`);
			}
			// A fast-forward keeps one moment from each timeline step to the next.
			assert.ok(fast.moments <= driven.moments, `${name}: fast-forward keeps no more moments`);
		});
	}

	test('frozen and unfrozen worlds agree, event by event (default scenario)', async () => {
		const s = await load('default.yaml');
		const frozen = play(s, 20_000, {}, true);
		const loose = play(s, 20_000, {});
		assert.deepEqual(loose.events, frozen.events);
		assert.deepEqual(loose.world, frozen.world);
	});

	test('hours of idle time are a handful of moments, not one per tick', async () => {
		const s = await load('crashloop-backoff.yaml');
		const run = play(s, 3_600_000, {});
		// Back-off caps at 5 minutes: about 12 restarts an hour for each of two containers.
		assert.ok(run.moments < 2000, `${run.moments} moments for an hour`);
		assert.equal(run.world.kernel.now, 3_600_000);
	});

	test('durations have a maximum, refused with one sentence', () => {
		const refused = parseDuration('1001h');
		assert.equal(refused.ok, false);
		assert.match(!refused.ok ? refused.message : '', /^duration 1001h is longer than the maximum, 1000h$/);
		assert.equal(parseDuration('1000h').ok, true);
	});
});
