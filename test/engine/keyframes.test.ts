// Bounded history: worlds not kept resident are rebuilt from keyframes by replaying the recorded
// actions, and must equal the worlds that were played (deep-equal), on every branch, in both the
// frozen and the unfrozen mode. A failure prints fast-check's seed; rerun one case with
// FC_SEED=<seed> FC_PATH=<path> node_modules/.bin/node --import tsx --test test/engine/keyframes.test.ts
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import fc from 'fast-check';
import {
	type Action,
	act,
	branchLength,
	emptyWorld,
	type History,
	playUntil,
	seek,
	startHistory,
	startPlayer,
	switchBranch,
	type World,
	worldAt,
} from '../../source/engine/index.js';
import {loadScenarioFile} from '../../source/scenario/index.js';
import {createAction, play, scenario} from '../runtime/arbitraries.js';

const numRuns = Number(process.env.FC_RUNS ?? 25);
const replaying =
	process.env.FC_SEED === undefined ? {} : {seed: Number(process.env.FC_SEED), path: process.env.FC_PATH};

/**
 * Keyframes every 3 moments, at most 4 of them (then thinned, spacing doubled), and a cache of 2
 * worlds: nearly every moment must be rebuilt, some from far back.
 */
const sparse = {keyframeEvery: 3, keyframeCost: 1_000_000, cacheSize: 2, maxKeyframes: 4};

/** The same history with nothing cached: every world not a keyframe is rebuilt. */
const cold = (h: History): History => ({...h, cache: {worlds: new Map(), size: h.cache.size}});

function record(actions: readonly Action[], freeze: boolean, first: World): {h: History; worlds: World[]} {
	let h = startHistory(first, {freeze}, sparse);
	const worlds = [first];
	for (const action of actions) {
		h = act(h, action);
		worlds.push(worldAt(h, h.index));
	}
	return {h, worlds};
}

describe('bounded history (keyframes and replay)', () => {
	for (const freeze of [true, false]) {
		test(`every moment rebuilt from keyframes equals the world played (random pods and actions, freeze ${freeze ? 'on' : 'off'})`, () => {
			fc.assert(
				fc.property(scenario(20), fc.array(fc.nat(), {minLength: 1, maxLength: 8}), (s, picks) => {
					const run = play(s);
					const {h, worlds} = record([{type: 'boot'}, ...run.actions], freeze, emptyWorld(s.node));
					assert.equal(branchLength(h), worlds.length);
					// Thinned as it grew: never more keyframes than allowed.
					assert.ok(h.branches.main!.log.keyframes.length <= sparse.maxKeyframes);
					// Played worlds agree with the helper's run (same engine, same actions).
					assert.deepEqual(worlds.at(-1), run.worlds.at(-1));
					const coldly = cold(h);
					for (const pick of picks) {
						const index = pick % worlds.length;
						assert.deepEqual(worldAt(coldly, index), worlds[index], `moment ${index}`);
					}
					// Walking backwards from the end (a rewind) rebuilds each moment once more.
					const walk = cold(h);
					for (let i = worlds.length - 1; i >= 0; i--) assert.deepEqual(worldAt(walk, i), worlds[i]);
				}),
				{numRuns, ...replaying},
			);
		});
	}

	test('a branch shares its parent’s moments up to where it left, and its own moments rebuild too', () => {
		fc.assert(
			fc.property(scenario(12), fc.nat(), (s, at) => {
				const run = play(s);
				const {h, worlds} = record([{type: 'boot'}, ...run.actions], false, emptyWorld(s.node));
				const from = at % worlds.length;
				let b = seek(h, from);
				const branchWorlds = [worlds[from]!];
				const plan = s.pods[0]!;
				for (const extra of [
					{type: 'advance', ms: 1500},
					createAction(plan),
					{type: 'advance', ms: 4000},
				] as Action[]) {
					const action =
						extra.type === 'createPod' && worldAt(b, b.index).runtime.pods[plan.spec.name]
							? undefined
							: extra;
					if (!action) continue;
					b = act(b, action);
					branchWorlds.push(worldAt(b, b.index));
				}
				// Acting at the end of main continues main: its moments are numbered from there.
				const offset = b.current === 'main' ? from : 0;
				const coldly = cold(b);
				for (let i = 0; i < branchWorlds.length; i++)
					assert.deepEqual(worldAt(coldly, offset + i), branchWorlds[i]);
				// The parent branch is untouched by the branch's moments.
				const main = cold(switchBranch(b, 'main'));
				for (let i = 0; i < worlds.length; i++) assert.deepEqual(worldAt(main, i), worlds[i]);
				// Acting again at the branch's end continues it (no third branch).
				if (b.current !== 'main') {
					const again = act(b, {type: 'advance', ms: 250});
					assert.equal(again.current, b.current);
					assert.deepEqual(Object.keys(again.branches), Object.keys(b.branches));
				}
			}),
			{numRuns: Math.ceil(numRuns / 2), ...replaying},
		);
	});

	test('a long play keeps a bounded number of worlds resident, and every moment rebuilds to the world played', async () => {
		const loaded = await loadScenarioFile(
			fileURLToPath(new URL('../../scenarios/default.yaml', import.meta.url)),
		);
		assert.ok(loaded.ok);
		// Every world resident: the worlds as played.
		const every = {keyframeEvery: 1, keyframeCost: 1, cacheSize: 1, maxKeyframes: Number.POSITIVE_INFINITY};
		const tight = {keyframeEvery: 4, keyframeCost: 1_000_000, cacheSize: 8, maxKeyframes: 6};
		const played = playUntil(startPlayer(loaded.scenario, {freeze: false, tuning: every}), 300_000);
		const bounded = playUntil(startPlayer(loaded.scenario, {freeze: false, tuning: tight}), 300_000);
		const moments = branchLength(bounded.history);
		assert.equal(moments, branchLength(played.history));
		assert.ok(moments > 4 * 6 * 4, `${moments} moments: enough to thin the keyframes several times`);
		const log = bounded.history.branches.main!.log;
		// Resident worlds: at most maxKeyframes keyframes and cacheSize cached, however long the play.
		assert.ok(log.keyframes.length <= tight.maxKeyframes, `${log.keyframes.length} keyframes`);
		assert.equal(log.worlds.size, log.keyframes.length);
		assert.ok(bounded.history.cache.worlds.size <= tight.cacheSize);
		assert.ok(log.spacing >= moments / tight.maxKeyframes, `spacing ${log.spacing}`);
		// Far from a keyframe (replayed on a private copy) and near one (stepped), both exact.
		for (let i = 0; i < moments; i += 1 + (i % 13))
			assert.deepEqual(worldAt(cold(bounded.history), i), worldAt(played.history, i), `moment ${i}`);
		const walk = cold(bounded.history);
		for (let i = moments - 1; i >= moments - 40; i--)
			assert.deepEqual(worldAt(walk, i), worldAt(played.history, i), `moment ${i} walking back`);
		assert.ok(walk.cache.worlds.size <= tight.cacheSize);
	});

	test('an older version of a history that acts again does not change the newer one', () => {
		let h = startHistory(emptyWorld({seed: 5}), {freeze: false}, sparse);
		h = act(h, {type: 'boot'});
		const old = h;
		const newer = act(act(h, {type: 'advance', ms: 1000}), {type: 'advance', ms: 1000});
		const seen = worldAt(cold(newer), 3);
		const other = act(old, {type: 'signal', pid: 1, signal: 'SIGSTOP'});
		assert.equal(worldAt(cold(other), 2).kernel.now, 0);
		assert.deepEqual(worldAt(cold(newer), 3), seen);
		assert.equal(worldAt(cold(newer), 2).kernel.now, 1000);
	});
});
