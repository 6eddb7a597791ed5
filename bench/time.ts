// Issue 13: time at scale. Jumps (`goto` 10 h), 30 real minutes of play at top speed (memory and
// stepping back to any moment), 50,000 timeline steps, and `replay crashloop-backoff --until 1000h`
// as a user runs it (the built CLI, a child process).
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {branchLength, headlessPace, playUntil, startPlayer} from '../source/engine/index.js';
import {loadScenarioFile, parseScenario, type Scenario} from '../source/scenario/index.js';
import {type Core, startCore} from '../source/session/core.js';
import * as time from '../source/session/time.js';
import {childEnv} from './child-env.js';
import type {PlayResult} from './play.js';
import {fmt, printFigure, printSkip} from './report.js';
import {median, timeMs} from './stats.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const hour = 3_600_000;

async function bundled(name: string): Promise<Scenario> {
	const loaded = await loadScenarioFile(join(root, 'scenarios', `${name}.yaml`));
	if (!loaded.ok) throw new Error(`bench: cannot load ${name}`);
	return loaded.scenario;
}

/** `:goto 10h` from the start, as the playground does it (a fast-forward leaving coarse moments). */
function gotoFigure(s: Scenario, name: string, targetMs: number): void {
	const samples = Array.from({length: 3}, () => {
		const core = startCore(s);
		let after: Core = core;
		const ms = timeMs(() => {
			after = time.goto(core, 10 * hour);
		});
		return {ms, moments: branchLength(after.player.history)};
	});
	const ms = median(samples.map((x) => x.ms));
	printFigure({
		name: `goto 10 h, ${name}`,
		value: fmt.ms(ms),
		target: `≤ ${fmt.ms(targetMs)}`,
		ok: ms <= targetMs,
		note: `${samples[0]!.moments} moments kept`,
	});
}

/** `count` `say` steps one millisecond apart (built in memory: such a file is over the size limit). */
function manySteps(count: number): Scenario {
	const parsed = parseScenario('title: many steps\ntimeline:\n  - {at: 0, say: step}\n', 'bench-steps.yaml');
	if (!parsed.ok) throw new Error(`bench: ${parsed.problems[0]?.message}`);
	const [first] = parsed.scenario.timeline;
	const timeline = Array.from({length: count}, (_, i) => ({...first!, at: i}));
	return {...parsed.scenario, timeline};
}

function playSteps(count: number): number {
	const s = manySteps(count);
	return median(
		Array.from({length: 3}, () =>
			timeMs(() => playUntil(startPlayer(s, {freeze: false}), count, headlessPace)),
		),
	);
}

/** 50,000 `say` steps one millisecond apart, played headless; half as many to show it is linear. */
function timelineFigure(): void {
	const count = 50_000;
	const ms = playSteps(count);
	const halfMs = playSteps(count / 2);
	printFigure({
		name: `${fmt.count(count)} timeline steps, headless`,
		value: fmt.ms(ms),
		target: '< 1 s',
		ok: ms < 1000,
		note: `${fmt.count(count / 2)} steps: ${fmt.ms(halfMs)} (twice the steps: ×${(ms / halfMs).toFixed(1)} the time)`,
	});
}

function replayFigure(): void {
	const name = 'replay crashloop-backoff --until 1000h (built CLI)';
	const cli = join(root, 'dist', 'cli.js');
	if (!existsSync(cli)) {
		printSkip(name, 'dist/cli.js is missing: run npm run build');
		return;
	}
	const samples = Array.from({length: 3}, () => {
		const started = performance.now();
		const run = spawnSync(process.execPath, [cli, 'replay', 'crashloop-backoff', '--until', '1000h'], {
			env: childEnv(),
			maxBuffer: 1024 ** 3,
		});
		if (run.status !== 0) throw new Error(`bench: replay exited ${run.status}: ${run.stderr}`);
		return {ms: performance.now() - started, lines: run.stdout.toString().split('\n').length};
	});
	const ms = median(samples.map((x) => x.ms));
	printFigure({
		name,
		value: fmt.ms(ms),
		target: '< 1 s',
		ok: ms < 1000,
		note: `${fmt.count(samples[0]!.lines)} lines of transcript, process start included`,
	});
}

export async function benchJumps(): Promise<void> {
	gotoFigure(await bundled('default'), 'default scenario', 1000);
	gotoFigure(await bundled('crashloop-backoff'), 'crashloop-backoff', 2000);
	replayFigure();
	timelineFigure();
}

/**
 * Thirty real minutes of play, measured in a process of its own (bench/play.ts): resident memory is
 * a high-water mark, so in this process it would show what the figures before it left behind.
 */
export function benchPlay(): void {
	const name = '30 min of play at ×64 (36,000 frames), RSS';
	const run = spawnSync(
		process.execPath,
		['--expose-gc', '--import', 'tsx', join(root, 'bench', 'play.ts')],
		{
			env: childEnv(),
			maxBuffer: 1024 ** 2,
		},
	);
	if (run.status !== 0) throw new Error(`bench: play exited ${run.status}: ${run.stderr}`);
	const r = JSON.parse(run.stdout.toString()) as PlayResult;
	const peak = Math.max(...r.rss);
	printFigure({
		name,
		value: fmt.mb(r.rss.at(-1)!),
		target: '≤ 300 MB',
		ok: peak <= 300 * 1024 ** 2,
		note: `peak ${fmt.mb(peak)}; after 3 min ${fmt.mb(r.rss[1]!)}; heap in use ${fmt.mb(r.heap[1]!)} after 3 min, ${fmt.mb(r.heap.at(-1)!)} at the end; ${fmt.count(r.moments)} moments, ${r.hours} h virtual, played in ${fmt.ms(r.playedMs)}; a process of its own (tsx loaded)`,
	});
	printFigure({
		name: 'step back to any moment of that play',
		value: fmt.ms(r.stepMedianMs),
		target: '≤ 50 ms',
		ok: r.stepWorstMs <= 50,
		note: `median of 200 spread over ${fmt.count(r.moments)} moments; worst ${fmt.ms(r.stepWorstMs)}; ${r.keyframes} keyframes (a keyframe every ${r.spacing} moments at most), ${r.cached} worlds cached`,
	});
}
