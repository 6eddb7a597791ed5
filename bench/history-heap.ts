// Issue 2: heap retained by a history of 10,000 steps on a 50,000-process world (time travel keeps
// every moment). Each pair of steps stops then continues a different process, spread over the
// table, so the history holds many different copied chunks, not one chunk over and over.
import {act, currentMoment, type History, startHistory} from '../source/engine/index.js';
import {bigWorld} from './big-world.js';
import {fmt, printFigure, printSkip} from './report.js';
import {collect, hasGc, median} from './stats.js';

const size = 50_000;
const steps = 10_000;
const runs = 3;
const target = 64 * 1024 ** 2;

function grow(start: History, leaves: number[]): History {
	let history = start;
	for (let i = 0; i < steps; i++) {
		const pid = leaves[((i >> 1) * 7919) % leaves.length];
		history = act(history, {type: 'signal', pid, signal: i % 2 === 0 ? 'SIGSTOP' : 'SIGCONT'});
	}
	return history;
}

function retained(): {bytes: number; ms: number; moments: number} {
	const {world, leaves} = bigWorld(size);
	// The first frozen step freezes the whole tree once: part of the world, not of the history.
	const start = act(startHistory(world), {type: 'signal', pid: leaves[0], signal: 'SIGCONT'});
	collect();
	const before = process.memoryUsage().heapUsed;
	const started = performance.now();
	const history = grow(start, leaves);
	const ms = performance.now() - started;
	collect();
	const bytes = process.memoryUsage().heapUsed - before;
	// Keeps the history alive until after the second measurement.
	const moments = history.branches.main!.length - start.branches.main!.length;
	if (currentMoment(history).world.kernel.procCount !== world.kernel.procCount)
		throw new Error('lost a process');
	return {bytes, ms, moments};
}

export function benchHistoryHeap(): void {
	const name = `history of ${fmt.count(steps)} steps, ${size / 1000}k procs`;
	if (!hasGc()) {
		printSkip(name, 'needs node --expose-gc (npm run bench passes it)');
		return;
	}
	const samples = Array.from({length: runs}, retained);
	const bytes = median(samples.map((s) => s.bytes));
	const ms = median(samples.map((s) => s.ms));
	printFigure({
		name: `heap retained, ${name}`,
		value: fmt.mb(bytes),
		target: `≤ ${fmt.mb(target)}`,
		ok: bytes <= target,
		note: `${fmt.bytes(bytes / steps)} a step; ${fmt.count(samples[0].moments)} moments built in ${fmt.ms(ms)}`,
	});
}
