// Property tests: random pods (init containers, sidecars, probes, supervisors, namespace fields) and
// random things done to them, with the runtime's invariants checked after every settled step. A
// failure prints fast-check's seed and path, and the engine actions that reproduce it; rerun one case
// with FC_SEED=<seed> FC_PATH=<path> node_modules/.bin/node --import tsx --test test/runtime/properties.test.ts
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import fc from 'fast-check';
import {type Action, step, type World} from '../../source/engine/index.js';
import {allProcesses, tableGet} from '../../source/kernel/index.js';
import {
	type ContainerStatus,
	isKubectlStatus,
	type PodState,
	podPhase,
	readyColumn,
	statusColumn,
} from '../../source/runtime/index.js';
import {everyWorld, play, type Run, reproducing, type Scenario, scenario} from './arbitraries.js';

const numRuns = Number(process.env.FC_RUNS ?? 80);
/** One seed for every property, so that they see the same scenarios and share their runs. */
const seed = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 2 ** 31));

function check(predicate: (s: Scenario) => void): void {
	const path = process.env.FC_PATH;
	fc.assert(fc.property(scenario(), predicate), {numRuns, seed, ...(path === undefined ? {} : {path})});
}

/** Runs by scenario: each scenario is played once for all the per-step invariants. */
const runs = new Map<string, Run>();

function recorded(s: Scenario): Run {
	const key = JSON.stringify(s);
	let run = runs.get(key);
	if (!run) {
		run = play(s);
		runs.set(key, run);
	}
	return run;
}

function everyStep(invariant: (after: World, before: World) => void): (s: Scenario) => void {
	return (s) => everyWorld(s, recorded(s), invariant);
}

function pods(world: World): PodState[] {
	return world.runtime.order.map((name) => world.runtime.pods[name]).filter((p) => p !== undefined);
}

function regular(pod: PodState): ContainerStatus[] {
	return pod.containers.filter((c) => c.kind === 'app');
}

/** R-RESTART-1: the policy would restart this regular container after its exit. */
function restartComing(pod: PodState, c: ContainerStatus): boolean {
	if (c.state === 'waiting') return c.reason === 'CrashLoopBackOff' || c.restartCount > 0;
	if (c.state !== 'terminated') return false;
	return pod.spec.restartPolicy === 'Always' || (pod.spec.restartPolicy === 'OnFailure' && c.exitCode !== 0);
}

function initsDone(pod: PodState): boolean {
	return pod.initIndex >= pod.spec.initContainers.length;
}

const where = (pod: PodState) =>
	`pod ${pod.name}: ${JSON.stringify(pod.containers.map((c) => [c.name, c.kind, c.state, c.reason, c.exitCode, c.restartCount]))}`;

// Invariant 1 (R-STATUS-1): the phase agrees with the container states.
function phaseAgrees(world: World): void {
	for (const pod of pods(world)) {
		const phase = podPhase(pod);
		const apps = regular(pod);
		const at = `${phase}, ${where(pod)}`;
		switch (phase) {
			case 'Succeeded':
				assert.notEqual(pod.spec.restartPolicy, 'Always', `Succeeded under Always: ${at}`);
				for (const c of apps) {
					assert.equal(c.state, 'terminated', `Succeeded with ${c.name} not terminated: ${at}`);
					assert.equal(c.exitCode, 0, `Succeeded with ${c.name} exit ${c.exitCode}: ${at}`);
				}
				break;
			case 'Failed': {
				assert.equal(pod.spec.restartPolicy, 'Never', `Failed though a restart is coming: ${at}`);
				const initFailed = pod.containers.some(
					(c) => c.kind === 'init' && c.state === 'terminated' && c.exitCode !== 0,
				);
				const appsFailed = apps.every((c) => c.state === 'terminated') && apps.some((c) => c.exitCode !== 0);
				assert.ok(initFailed || appsFailed, `Failed with nothing failed: ${at}`);
				break;
			}
			case 'Running':
				assert.ok(initsDone(pod), `Running before the init containers are done: ${at}`);
				assert.ok(
					apps.some((c) => c.state === 'running' || restartComing(pod, c)),
					`Running with no regular container running or restarting: ${at}`,
				);
				break;
			case 'Pending':
				assert.ok(
					!initsDone(pod) ||
						apps.every(
							(c) => c.state === 'waiting' && c.restartCount === 0 && c.reason !== 'CrashLoopBackOff',
						),
					`Pending though the init containers are done and a container has started: ${at}`,
				);
				break;
			default:
				assert.fail(`unexpected phase ${phase}: ${at}`);
		}
	}
}

// Invariant 2 (R-RESTART-2): restart counts never go down while the pod keeps its uid.
function restartsMonotonic(after: World, before: World): void {
	for (const pod of pods(after)) {
		const old = before.runtime.pods[pod.name];
		if (!old || old.uid !== pod.uid) continue;
		for (const c of pod.containers) {
			const was = old.containers.find((x) => x.name === c.name)!;
			assert.ok(
				c.restartCount >= was.restartCount,
				`${pod.name}/${c.name}: restartCount ${was.restartCount} → ${c.restartCount}`,
			);
		}
	}
}

// Invariant 3 (R-POD-5, R-PIDNS-7): no container process outlives its container. A zombie may wait
// for its reaper; nothing else labelled with a container that is not running (or a pod that is gone)
// may be alive once the step has settled.
function noSurvivors(world: World): void {
	for (const p of allProcesses(world.kernel)) {
		const {pod: podName, container} = p.labels;
		if (podName === undefined || container === undefined || container === 'POD' || p.state === 'Z') continue;
		const pod = world.runtime.pods[podName];
		const what = `process ${p.hostPid} (${p.comm}, state ${p.state}${p.exiting ? ', exiting' : ''}) of ${podName}/${container}`;
		assert.ok(pod, `${what} is alive though the pod is gone`);
		const c = pod.containers.find((x) => x.name === container);
		assert.ok(c, `${what} is alive though the pod has no such container`);
		assert.equal(c.state, 'running', `${what} is alive though the container is ${c.state}: ${where(pod)}`);
	}
}

// Invariant 4 (R-POD-1, R-IPC-3): while any container of a pod runs, the sandbox's namespaces exist
// and the container's main process is alive in them.
function namespacesHeld(world: World): void {
	const k = world.kernel;
	for (const pod of pods(world)) {
		const running = pod.containers.filter((c) => c.state === 'running');
		if (running.length === 0) continue;
		const sandbox = pod.sandbox;
		assert.ok(sandbox, `pod ${pod.name} has running containers but no sandbox`);
		for (const [type, id] of [
			['ipc', sandbox.ipcNs],
			['net', sandbox.netNs],
			['uts', sandbox.utsNs],
		] as const) {
			assert.ok(k.namespaces[id], `${type} namespace ${id} of pod ${pod.name} is gone while it runs`);
			for (const c of running) {
				const main = c.pid === undefined ? undefined : tableGet(k.procs, c.pid);
				assert.ok(main && main.state !== 'Z', `${pod.name}/${c.name} is running without a live main process`);
				assert.equal(main.ns[type], id, `${pod.name}/${c.name} is not in the sandbox's ${type} namespace`);
			}
		}
	}
}

// Invariant 5 (R-STATUS-3): STATUS is a string kubectl prints; READY is n/m with n ≤ m.
function columnsPrintable(world: World): void {
	for (const pod of pods(world)) {
		const status = statusColumn(pod);
		assert.ok(isKubectlStatus(status), `STATUS ${JSON.stringify(status)}: ${where(pod)}`);
		const ready = /^(\d+)\/(\d+)$/.exec(readyColumn(pod));
		assert.ok(ready, `READY ${readyColumn(pod)}`);
		const [n, m] = [Number(ready[1]), Number(ready[2])];
		assert.ok(n <= m, `READY ${n}/${m}`);
		assert.equal(m, pod.containers.filter((c) => c.kind !== 'init').length, 'READY counts apps and sidecars');
	}
}

/** The worlds `ms` after the scenario's last action, then `ms` after that, …, with nothing else done. */
function later(s: Scenario, waits: readonly number[], check: (...worlds: World[]) => void): void {
	const run = recorded(s);
	const advances = waits.map((ms): Action => ({type: 'advance', ms}));
	const worlds: World[] = [];
	for (const advance of advances)
		worlds.push(step(worlds.at(-1) ?? run.worlds.at(-1)!, advance, {freeze: s.freeze}).world);
	reproducing(s, [...run.actions, ...advances], () => check(...worlds));
}

/** R-TERM-4 plus R-TERM-2's preStop: the longest a pod here may take to go (grace ≤ 5 s, preStop ≤ 3 s). */
const endingBoundMs = 40_000;

// Invariant 7 (R-TERM-1, R-TERM-4): a deleted (or recreated) pod is gone once its grace period is
// over: SIGKILL at the deadline leaves nothing that could hold it, stopped processes included.
function endingsFinish(s: Scenario): void {
	later(s, [endingBoundMs], (world) => {
		for (const pod of pods(world))
			assert.equal(
				pod.ending,
				undefined,
				`pod ${pod.name} still ending (${pod.ending?.kind}): ${where(pod)}`,
			);
	});
}

/** More than the 300 s back-off cap (R-RESTART-2), so every restart due has happened. */
const backoffCapMs = 310_000;

// Invariant 8 (R-RESTART-1, R-RESTART-2): under restartPolicy Always a regular container is never
// left behind: once the init containers are done, each is running or waiting out its back-off.
function alwaysComesBack(s: Scenario): void {
	later(s, [backoffCapMs], (world) => {
		for (const pod of pods(world)) {
			if (pod.spec.restartPolicy !== 'Always' || pod.ending || !pod.sandbox?.ready || !initsDone(pod))
				continue;
			for (const c of regular(pod)) {
				assert.ok(
					c.state === 'running' || (c.state === 'waiting' && c.reason === 'CrashLoopBackOff'),
					`${pod.name}/${c.name} is left ${c.state} ${c.reason ?? ''}: ${where(pod)}`,
				);
			}
		}
	});
}

// Invariant 9 (R-RESTART-5, R-STATUS-1): sidecars do not keep a pod alive: once it is Succeeded or
// Failed, nothing of it runs after the sidecars' grace periods. The pod may turn terminal in the idle
// time itself, and the sidecars' stop (preStop, grace, R-TERM-2, R-TERM-4) only starts then; so the
// pods terminal after one idle bound are checked one bound later.
function terminalPodsStop(s: Scenario): void {
	later(s, [endingBoundMs, endingBoundMs], (first, second) => {
		for (const was of pods(first)) {
			const phase = podPhase(was);
			const pod = second.runtime.pods[was.name];
			if ((phase !== 'Succeeded' && phase !== 'Failed') || pod?.uid !== was.uid) continue;
			for (const c of pod.containers)
				assert.notEqual(
					c.state,
					'running',
					`${pod.name}/${c.name} still runs in a pod ${phase} ${endingBoundMs / 1000} s ago: ${where(pod)}`,
				);
			// R-POD-9: nor does its sandbox: pause and the shim are gone too.
			const left = allProcesses(second.kernel).filter(
				(p) => p.labels.pod === pod.name && p.state !== 'Z' && !pod.ending,
			);
			assert.deepEqual(
				left.map((p) => `${p.hostPid} ${p.comm}`),
				[],
				`processes of ${pod.name} live on ${endingBoundMs / 1000} s after it turned ${phase}: ${where(pod)}`,
			);
		}
	});
}

describe('runtime invariants under random pods and actions (property tests)', () => {
	test('R-STATUS-1: the pod phase agrees with its container states', () => {
		check(everyStep(phaseAgrees));
	});

	test('R-RESTART-2: restart counts never decrease while the pod keeps its uid', () => {
		check(everyStep(restartsMonotonic));
	});

	test('R-POD-5: no container process outlives its container (zombies may await their reaper)', () => {
		check(everyStep(noSurvivors));
	});

	test('R-POD-1, R-IPC-3: a sandbox’s namespaces stay held while any of its containers runs', () => {
		check(everyStep(namespacesHeld));
	});

	test('R-STATUS-3: STATUS is always a string kubectl prints and READY is n/m with n ≤ m', () => {
		check(everyStep(columnsPrintable));
	});

	test('R-TERM-1, R-TERM-4: a deleted or recreated pod is gone once its grace period is over', () => {
		check(endingsFinish);
	});

	test('R-RESTART-1, R-RESTART-2: under Always every regular container runs again or waits out its back-off', () => {
		check(alwaysComesBack);
	});

	test('R-RESTART-5, R-POD-9: sidecars do not keep a pod alive: nothing of a Succeeded or Failed pod runs, its sandbox included', () => {
		check(terminalPodsStop);
	});

	test('time travel: no step changes an earlier world, with or without freezing (copy-on-write kernel)', () => {
		check((s) => {
			const run = recorded(s);
			let world = run.worlds[0];
			const worlds = [world];
			const texts = [JSON.stringify(world)];
			for (const action of run.actions) {
				world = step(world, action, {freeze: s.freeze}).world;
				worlds.push(world);
				texts.push(JSON.stringify(world));
			}
			for (const [i, w] of worlds.entries())
				assert.equal(JSON.stringify(w), texts[i], `world ${i} changed by a later step`);
		});
	});

	test('determinism: the same pods and actions give the same world', () => {
		check((s) => {
			const first = recorded(s);
			const second = play(s);
			assert.deepEqual(second.actions, first.actions);
			assert.equal(JSON.stringify(second.worlds.at(-1)), JSON.stringify(first.worlds.at(-1)));
		});
	});
});
