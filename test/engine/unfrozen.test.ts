// Headless runs (replay, check, the playground) step with immer's auto-freeze off. A value read from
// the draft and stored in a new place (a fork bomb's params handed to a child that lands in a fresh
// table chunk) must be plain data there, or it is a revoked proxy once the step returns.
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import {describe, test} from 'node:test';
import {playerWorld, playUntil, startPlayer} from '../../source/engine/index.js';
import {parseScenario} from '../../source/scenario/index.js';
import {loaded} from '../scenario/helpers.js';

async function forkBomb(podPidsLimit: number) {
	const text = await readFile(new URL('../../scenarios/fork-bomb.yaml', import.meta.url), 'utf8');
	return loaded(
		parseScenario(text.replace(/podPidsLimit: \d+/, `podPidsLimit: ${podPidsLimit}`), 'fork-bomb.yaml'),
	);
}

describe('stepping with freezing off (headless)', () => {
	for (const freeze of [true, false]) {
		test(`R-ZOMB-5: a fork bomb at podPidsLimit 600 runs to EAGAIN and every world is plain data (freezing ${freeze ? 'on' : 'off'})`, async () => {
			const s = await forkBomb(600);
			const player = playUntil(startPlayer(s, {freeze}), 4000, {grain: 60_000});
			const world = playerWorld(player);
			// Reading every value throws on a revoked proxy.
			assert.doesNotThrow(() => JSON.stringify(world));
		});
	}
});
