// Profiling aid (not part of `npm run bench`): steps a world so that
// `node --cpu-prof --import tsx bench/profile-step.ts MODE N` shows where a step's CPU goes.
// MODE: `signal` (STOP/CONT to one process of a big world of N processes, as bench/kernel-steps.ts),
// `freeze` (the same, frozen), `kernel` and `kernel-freeze` (the same through kernelStep alone),
// `play` (the default scenario for N virtual minutes, event by event), `jump` (the same as one
// fast-forward on a copy), `bomb` and `bomb-tini` (a fork bomb to EAGAIN at pids.max N, as
// bench/fork-bomb.ts), `reap` and `reap-copy` (N children reaped at once, as bench/reap.ts). Prints the wall and
// CPU time.
import './production.js';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {headlessPace, playUntil, startPlayer, step, type World} from '../source/engine/index.js';
import {type Kernel, kernelStep} from '../source/kernel/index.js';
import {programs} from '../source/programs/index.js';
import {loadScenarioFile} from '../source/scenario/index.js';
import {bigWorld, middleLeaf} from './big-world.js';
import {run as forkBomb} from './fork-bomb.js';
import {parentOfMany, reapAll} from './reap.js';

const mode = process.argv[2] ?? 'signal';
const n = Number(process.argv[3] ?? 50_000);
const started = performance.now();
const cpu = process.cpuUsage();

if (mode === 'signal' || mode === 'freeze') {
	const {world, leaves} = bigWorld(n);
	const pid = middleLeaf(leaves);
	const freeze = mode === 'freeze';
	let w: World = step(world, {type: 'signal', pid, signal: 'SIGCONT'}, {freeze}).world;
	for (let i = 0; i < 20_000; i++)
		w = step(w, {type: 'signal', pid, signal: i % 2 === 0 ? 'SIGSTOP' : 'SIGCONT'}, {freeze}).world;
} else if (mode === 'kernel' || mode === 'kernel-freeze') {
	const {world, leaves} = bigWorld(n);
	const pid = middleLeaf(leaves);
	const freeze = mode === 'kernel-freeze';
	let k: Kernel = step(world, {type: 'signal', pid, signal: 'SIGCONT'}, {freeze}).world.kernel;
	for (let i = 0; i < 100_000; i++) {
		const signal = i % 2 === 0 ? 'SIGSTOP' : 'SIGCONT';
		k = kernelStep(k, {type: 'signal', pid, signal}, programs, undefined, {freeze}).kernel;
	}
} else if (mode === 'bomb' || mode === 'bomb-tini') {
	forkBomb({init: mode === 'bomb' ? 'sleep' : 'tini', pidsMax: n}, {freeze: false});
} else if (mode === 'reap' || mode === 'reap-copy') {
	const {ms} = reapAll(parentOfMany(n), {freeze: false, copy: mode === 'reap-copy'});
	process.stdout.write(`the reaping step: ${Math.round(ms)} ms\n`);
} else {
	const root = fileURLToPath(new URL('..', import.meta.url));
	const loaded = await loadScenarioFile(join(root, 'scenarios', 'default.yaml'));
	if (!loaded.ok) throw new Error('cannot load the default scenario');
	const player = startPlayer(loaded.scenario, {freeze: false});
	playUntil(player, n * 60_000, mode === 'jump' ? headlessPace : {});
}
const used = process.cpuUsage(cpu);
process.stdout.write(
	`${mode} ${n}: ${Math.round(performance.now() - started)} ms wall, ${Math.round((used.user + used.system) / 1000)} ms CPU\n`,
);
