// The frame cost follows the screen, not the process count: 40 rows cost the same at 1,000 and
// 50,000 processes once the tree index of a world is built (one pass, reused while the process
// table is the same object).
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {emptyWorld, step, type World} from '../../source/engine/index.js';
import {processCount, processRows} from '../../source/session/reads.js';
import {buildTreeIndex, treeIndex} from '../../source/session/tree-index.js';

/** Host init forks `count / 250` apps, each starting 249 sleeps: a wide, shallow tree like a busy node. */
function bigWorld(count: number): World {
	let world = step(emptyWorld({pidMax: 4_194_304}), {type: 'boot'}, {freeze: false}).world;
	const perApp = 249;
	const children = [{program: 'sleep', count: perApp}];
	while (world.kernel.procCount < count) {
		const call = {call: 'fork', program: {name: 'app', params: {children}}, comm: 'app'} as const;
		world = step(world, {type: 'syscall', pid: 1, call}, {freeze: false}).world;
	}
	return world;
}

/** Moments where a process changes state but none forks or exits reuse the index of the last one. */
function reuse(world: World): string {
	let previous = treeIndex(world.kernel);
	const samples: number[] = [];
	for (let pid = 300; pid < 305; pid++) {
		world = step(world, {type: 'signal', pid, signal: 'SIGSTOP'}, {freeze: false}).world;
		const start = performance.now();
		const index = treeIndex(world.kernel);
		samples.push(performance.now() - start);
		assert.equal(index, previous);
		previous = index;
	}
	return `${median(samples).toFixed(3)} ms (median of ${samples.length}), index reused`;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

function time(fn: () => void, runs: number): number {
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		fn();
		samples.push(performance.now() - start);
	}
	return median(samples);
}

describe('windowed rows cost', () => {
	test('40 rows at 1,000 and 50,000 processes', (t) => {
		const results: Record<number, {rows: number; build: number}> = {};
		let world = bigWorld(1000);
		for (const size of [1000, 50_000]) {
			if (size !== 1000) world = bigWorld(size);
			const none = new Set<number>();
			const build = time(() => buildTreeIndex(world.kernel.procs), 5);
			const middle = Math.floor(processCount(world, none) / 2);
			// First read builds and caches the index; frames after it reuse it.
			processRows(world, none, middle, 40);
			const rows = time(() => processRows(world, none, middle, 40), 200);
			assert.equal(processRows(world, none, middle, 40).length, 40);
			results[size] = {rows, build};
			t.diagnostic(
				`${world.kernel.procCount} processes: processRows(40) ${rows.toFixed(3)} ms (median), tree index build ${build.toFixed(1)} ms`,
			);
		}
		t.diagnostic(`tree index of a new moment of the same shape (a process stopped): ${reuse(world)}`);
		// Generous bounds for slow CI machines: the point is that 50× the processes is not 50× the cost.
		assert.ok(results[50_000]!.rows < 5, `40 rows took ${results[50_000]!.rows} ms at 50k`);
		assert.ok(results[50_000]!.rows < results[1000]!.rows * 10 + 0.5);
	});
});
