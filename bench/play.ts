// Issue 13: thirty real minutes of play at the top speed (×64, 20 frames a second) is 36,000
// frames of 3.2 s of virtual time, played headless frame by frame as the session plays them; then
// stepping back to moments spread over the whole history. Run by bench/time.ts in a process of its
// own, so that its resident memory is this play's alone; prints one JSON object.
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {branchLength, worldAt} from '../source/engine/index.js';
import {loadScenarioFile} from '../source/scenario/index.js';
import {type Core, nowOf, startCore, withIndex} from '../source/session/core.js';
import * as time from '../source/session/time.js';
import {collect, timeMs} from './stats.js';

export type PlayResult = {
	/** Resident memory and heap in use (after a full collection) at the start and every 3 minutes. */
	rss: number[];
	heap: number[];
	moments: number;
	hours: number;
	playedMs: number;
	stepMedianMs: number;
	stepWorstMs: number;
	keyframes: number;
	spacing: number;
	cached: number;
};

const frames = 36_000;
const frameMs = 50 * 64;
const everyThreeMinutes = 3600;

async function main(): Promise<PlayResult> {
	const root = fileURLToPath(new URL('..', import.meta.url));
	const loaded = await loadScenarioFile(join(root, 'scenarios', 'default.yaml'));
	if (!loaded.ok) throw new Error('bench: cannot load the default scenario');
	let core: Core = {...startCore(loaded.scenario), playing: true, speed: 64};
	const rss: number[] = [];
	const heap: number[] = [];
	const sample = () => {
		collect();
		const m = process.memoryUsage();
		rss.push(m.rss);
		heap.push(m.heapUsed);
	};
	const started = performance.now();
	for (let i = 0; i < frames; i++) {
		if (i % everyThreeMinutes === 0) sample();
		core = time.advance({...core, playing: true}, frameMs);
	}
	const playedMs = performance.now() - started;
	sample();
	const moments = branchLength(core.player.history);
	const picks = Array.from({length: 200}, (_, i) => Math.floor(((i * 7919) % 200) * (moments / 200)));
	const latencies = picks
		.map((index) =>
			timeMs(() => {
				const at = withIndex(core, index);
				worldAt(at.player.history, index);
			}),
		)
		.sort((a, b) => a - b);
	const h = core.player.history;
	const log = h.branches[h.current]!.log;
	return {
		rss,
		heap,
		moments,
		hours: Math.round(nowOf(core) / 3_600_000),
		playedMs,
		stepMedianMs: latencies[latencies.length >> 1]!,
		stepWorstMs: latencies.at(-1)!,
		keyframes: log.keyframes.length,
		spacing: log.spacing,
		cached: h.cache.worlds.size,
	};
}

main().then(
	(result) => process.stdout.write(`${JSON.stringify(result)}\n`),
	(error: unknown) => {
		process.stderr.write(`bench play: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exitCode = 1;
	},
);
