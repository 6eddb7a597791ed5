// Issue 10: the logging docs' `counter` loop for one simulated hour (two short-lived processes a
// second, 7,200 `date` + 7,200 `sleep`), played headless as `replay` plays it; and what the shell
// model costs to load (it is imported with the programs, so it is on every launch path).
import {execFileSync} from 'node:child_process';
import {headlessPace, playerWorld, playUntil, startPlayer} from '../source/engine/index.js';
import {formatProblem, parseScenario, type Scenario} from '../source/scenario/index.js';
import {fmt, printFigure} from './report.js';
import {median, timeMs} from './stats.js';

const hour = 3_600_000;

function counter(): Scenario {
	const text = `apiVersion: v1
kind: Pod
metadata: {name: counter}
spec:
  containers:
  - name: count
    image: busybox:1.28
    args: [/bin/sh, -c, 'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done']
`;
	const loaded = parseScenario(text, 'counter.yaml');
	if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('; '));
	return loaded.scenario;
}

export function benchExec(): void {
	const s = counter();
	let forks = 0;
	const cpu: number[] = [];
	const wall = median(
		Array.from({length: 3}, () =>
			timeMs(() => {
				const before = process.cpuUsage();
				const p = playUntil(startPlayer(s, {freeze: false}), hour, headlessPace);
				const used = process.cpuUsage(before);
				cpu.push((used.user + used.system) / 1000);
				forks = playerWorld(p).kernel.counters.forks;
			}),
		),
	);
	printFigure({
		name: 'counter loop, 1 simulated hour, replay',
		value: fmt.ms(wall),
		target: '< 1 s',
		ok: wall < 1000,
		// CPU time beside wall time: on a shared machine the wall figure mostly measures the load.
		note: `${fmt.count(forks)} forks in all; CPU ${fmt.ms(median(cpu))}`,
	});
	// Load cost of the shell parser and interpreter on their own, in a fresh Node.
	const out = execFileSync(
		process.execPath,
		[
			'--import',
			'tsx',
			'-e',
			"const t=performance.now();await import('./source/programs/shell/machine.ts');console.log(performance.now()-t)",
		],
		{encoding: 'utf8'},
	);
	printFigure({
		name: 'shell model import (tsx, unbundled)',
		value: fmt.ms(Number(out.trim())),
		note: 'bundled into dist/cli.js with the programs; no WASM, no async init',
	});
}
