// Property tests: random action sequences on random process trees, with the kernel's invariants
// checked after every step. A failure prints fast-check's seed and path; rerun one case with
// FC_SEED=<seed> FC_PATH=<path> node_modules/.bin/node --import tsx --test test/kernel/properties.test.ts
// (FC_RUNS=<n> runs more cases).
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import fc from 'fast-check';
import {
	allProcesses,
	type Cgroup,
	type HostPid,
	type IpcNamespace,
	type Kernel,
	type KernelAction,
	kernelStep,
	type PidNamespace,
	type Process,
	tableGet,
} from '../../source/kernel/index.js';
import {tableKeys} from '../../source/kernel/table.js';
import {programs} from '../../source/programs/index.js';
import {play, replay, type Scenario, scenario, zombieScenario} from './arbitraries.js';

const numRuns = Number(process.env.FC_RUNS ?? 150);

/** General action mixes, and zombie-heavy ones with a tiny pid_max so that allocation wraps. */
const scenarios = fc.oneof(scenario(), zombieScenario());

function check<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void): void {
	const seed = process.env.FC_SEED;
	const replaying = seed === undefined ? {} : {seed: Number(seed), path: process.env.FC_PATH};
	fc.assert(fc.property(arbitrary, predicate), {numRuns, ...replaying});
}

/** Play `s` and check `invariant` after every step, naming the step that broke it. */
function everyStep(s: Scenario, invariant: (after: Kernel, before: Kernel) => void): void {
	let index = 0;
	play(s, (before, after, step: KernelAction) => {
		index += 1;
		try {
			invariant(after, before);
		} catch (error) {
			const why = error instanceof Error ? error.message : String(error);
			throw new Error(`after step ${index} ${JSON.stringify(step)}: ${why}`);
		}
	});
}

function pidNamespaces(k: Kernel): PidNamespace[] {
	return Object.values(k.namespaces).filter((ns): ns is PidNamespace => ns.type === 'pid');
}

/** The PID namespaces from the root down to `id`; undefined if a link is missing. */
function chainOf(k: Kernel, id: number): PidNamespace[] | undefined {
	const chain: PidNamespace[] = [];
	let current = k.namespaces[id] as PidNamespace | undefined;
	while (current) {
		chain.unshift(current);
		if (current.parent === undefined) return current.id === k.root.pid ? chain : undefined;
		current = k.namespaces[current.parent] as PidNamespace | undefined;
	}
	return undefined;
}

function proc(k: Kernel, pid: number): Process | undefined {
	return tableGet(k.procs, pid);
}

/** The live process that is PID 1 of `ns`, if its init still exists (host PIDs can be reused). */
function initOf(k: Kernel, ns: PidNamespace): Process | undefined {
	if (ns.init === undefined) return undefined;
	const init = proc(k, ns.init);
	return init && init.ns.pid === ns.id && init.pids[ns.level] === 1 ? init : undefined;
}

function hostsIn(ns: PidNamespace): HostPid[] {
	return [...tableKeys(ns.pids)].map((pid) => tableGet(ns.pids, pid)!);
}

// Invariant 1 (R-REAP-2, R-REAP-3): nobody but the host init is without a parent, and the parent
// lists the child.
function parentsLive(k: Kernel): void {
	for (const p of allProcesses(k)) {
		if (p.hostPid === 1) continue;
		const parent = proc(k, p.parent);
		// Zombies too: an orphaned zombie is adopted (R-REAP-8) or released, never left parentless.
		assert.ok(
			parent,
			`${p.state === 'Z' ? 'zombie' : 'process'} ${p.hostPid} has no parent (${p.parent} is gone)`,
		);
		assert.ok(parent.children.includes(p.hostPid), `${p.parent} does not list its child ${p.hostPid}`);
	}
}

// Invariant 2 (R-PIDNS-1): one PID per level of the namespace chain, unique per namespace, and the
// namespaces' own tables and counts agree with the process table (threads take PIDs too).
function pidTablesAgree(k: Kernel): void {
	const expected = new Map<number, Map<number, number>>();
	for (const ns of pidNamespaces(k)) expected.set(ns.id, new Map());
	for (const p of allProcesses(k)) {
		const chain = chainOf(k, p.ns.pid);
		assert.ok(chain, `process ${p.hostPid} is in PID namespace ${p.ns.pid}, which is gone or detached`);
		assert.equal(
			p.pids.length,
			chain.length,
			`process ${p.hostPid} has ${p.pids.length} PIDs at ${chain.length} levels`,
		);
		assert.deepEqual(p.threads[0]?.tids, p.pids, `main thread of ${p.hostPid} has other TIDs than its PIDs`);
		for (const thread of p.threads) {
			assert.equal(
				thread.tids.length,
				chain.length,
				`thread ${thread.name} of ${p.hostPid}: one TID per level`,
			);
			chain.forEach((ns, level) => {
				const table = expected.get(ns.id)!;
				const tid = thread.tids[level];
				assert.ok(
					!table.has(tid),
					`PID ${tid} of namespace ${ns.id} held by ${table.get(tid)} and ${p.hostPid}`,
				);
				table.set(tid, p.hostPid);
			});
		}
	}
	for (const ns of pidNamespaces(k)) {
		const actual = new Map(hostsIn(ns).map((host, i) => [[...tableKeys(ns.pids)][i], host as number]));
		assert.deepEqual(actual, expected.get(ns.id), `PID table of namespace ${ns.id}`);
		assert.equal(ns.count, actual.size, `count of namespace ${ns.id}`);
	}
}

// Invariant 3 (R-PIDNS-7): once a namespace's init has exited, nothing else lives there; while it
// waits for the namespace to empty (exiting), everyone else is already dead.
function noSurvivorsOfDeadInit(k: Kernel): void {
	for (const ns of pidNamespaces(k)) {
		if (ns.init === undefined) continue;
		const init = initOf(k, ns);
		const others = hostsIn(ns).filter((host) => host !== init?.hostPid);
		if (!init || init.state === 'Z') {
			assert.deepEqual(others, [], `init of namespace ${ns.id} is dead, yet ${others} remain`);
			assert.equal(ns.allocating, false, `namespace ${ns.id} still allocates without its init`);
		} else if (init.exiting) {
			for (const host of others) {
				const p = proc(k, host)!;
				assert.ok(
					p.state === 'Z' || p.exiting,
					`${host} still runs in namespace ${ns.id} whose init is exiting`,
				);
			}
		}
	}
}

type Held = {ns: number; pid: number; host: number};

function zombiePids(k: Kernel): Held[] {
	const held: Held[] = [];
	for (const p of allProcesses(k)) {
		if (p.state !== 'Z') continue;
		chainOf(k, p.ns.pid)?.forEach((ns, level) => {
			held.push({ns: ns.id, pid: p.pids[level], host: p.hostPid});
		});
	}
	return held;
}

// Invariant 4 (R-ZOMB-4, R-PIDNS-4): a zombie keeps its PIDs; no new process takes one.
function zombiesKeepPids(after: Kernel, before: Kernel): void {
	for (const z of zombiePids(before)) {
		const still = proc(after, z.host);
		if (still?.state !== 'Z') continue;
		const ns = after.namespaces[z.ns] as PidNamespace | undefined;
		assert.equal(
			ns && tableGet(ns.pids, z.pid),
			z.host,
			`zombie ${z.host} lost PID ${z.pid} in namespace ${z.ns}`,
		);
		for (const p of allProcesses(after)) {
			if (proc(before, p.hostPid)?.startedAt === p.startedAt) continue;
			const level = chainOf(after, p.ns.pid)?.findIndex((n) => n.id === z.ns) ?? -1;
			assert.ok(
				level < 0 || p.pids[level] !== z.pid,
				`new process ${p.hostPid} took zombie ${z.host}'s PID ${z.pid}`,
			);
		}
	}
}

// Invariant 5 (R-IPC-2, R-IPC-7): every message sent is received, still queued, or destroyed.
function messagesConserved(k: Kernel): void {
	let queued = 0;
	for (const ns of Object.values(k.namespaces)) {
		if (ns.type !== 'ipc') continue;
		for (const queue of Object.values((ns as IpcNamespace).queues)) queued += queue.messages.length;
	}
	const {msgSent, msgReceived, msgDestroyed} = k.counters;
	assert.equal(
		msgSent,
		msgReceived + queued + msgDestroyed,
		`sent ${msgSent} ≠ received ${msgReceived} + queued ${queued} + destroyed ${msgDestroyed}`,
	);
}

function within(k: Kernel, path: string, ancestor: string): boolean {
	let current: Cgroup | undefined = k.cgroups[path];
	while (current) {
		if (current.path === ancestor) return true;
		current = current.parent === undefined ? undefined : k.cgroups[current.parent];
	}
	return false;
}

// Invariant 6 (R-ZOMB-5): pids.current counts every task below, zombies and threads included, and
// never passes pids.max.
function pidsAccounted(k: Kernel): void {
	const procs = allProcesses(k);
	for (const p of procs)
		assert.ok(k.cgroups[p.cgroup], `process ${p.hostPid} is in cgroup ${p.cgroup}, which does not exist`);
	for (const group of Object.values(k.cgroups)) {
		const tasks = procs
			.filter((p) => within(k, p.cgroup, group.path))
			.reduce((sum, p) => sum + p.threads.length, 0);
		assert.equal(group.pidsCurrent, tasks, `pids.current of ${group.path}`);
		if (group.pidsMax !== undefined)
			assert.ok(
				group.pidsCurrent <= group.pidsMax,
				`${group.path}: pids.current ${group.pidsCurrent} > pids.max ${group.pidsMax}`,
			);
	}
}

/** Drop keys whose value is undefined: JSON cannot keep them, and an absent key reads the same. */
function definedOnly(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(definedOnly);
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.entries(value)
			.filter(([, v]) => v !== undefined)
			.map(([key, v]) => [key, definedOnly(v)]),
	);
}

function roundTrip(k: Kernel): Kernel {
	return JSON.parse(JSON.stringify(k)) as Kernel;
}

/** Is `value` frozen all the way down? Returns the path of the first part that is not. */
function unfrozenPart(value: unknown, path: string): string | undefined {
	if (value === null || typeof value !== 'object') return undefined;
	if (!Object.isFrozen(value)) return path;
	for (const [key, field] of Object.entries(value)) {
		const found = unfrozenPart(field, `${path}.${key}`);
		if (found) return found;
	}
	return undefined;
}

describe('kernel invariants under random actions (property tests)', () => {
	test('every process but the host init, zombies included, has a parent in the table that lists it (R-REAP-2, R-REAP-3)', () => {
		check(scenarios, (s) => everyStep(s, parentsLive));
	});

	test('PIDs are unique per namespace, one per level, and match the namespace tables and counts (R-PIDNS-1)', () => {
		check(scenarios, (s) => everyStep(s, pidTablesAgree));
	});

	test('no process survives in a PID namespace whose init has exited (R-PIDNS-7)', () => {
		check(scenarios, (s) => everyStep(s, noSurvivorsOfDeadInit));
	});

	test('a zombie keeps its PIDs until reaped: no new process takes one (R-ZOMB-4)', () => {
		check(scenarios, (s) => everyStep(s, zombiesKeepPids));
	});

	test('messages are conserved: sent = received + queued + destroyed (R-IPC-2, R-IPC-7)', () => {
		check(scenarios, (s) => everyStep(s, messagesConserved));
	});

	test('pids.current counts tasks below, zombies and threads included, and never passes pids.max (R-ZOMB-5)', () => {
		check(scenarios, (s) => everyStep(s, pidsAccounted));
	});

	test('the same seed and actions give the same world (determinism)', () => {
		check(scenario(), (s) => {
			const first = play(s);
			const second = play(s);
			assert.equal(JSON.stringify(second.states.at(-1)), JSON.stringify(first.states.at(-1)));
			assert.equal(JSON.stringify(second.events), JSON.stringify(first.events));
		});
	});

	test('rewinding to an earlier state and replaying the same actions gives the same world (time travel)', () => {
		check(fc.tuple(scenario(), fc.nat()), ([s, pick]) => {
			const run = play(s);
			const from = pick % run.states.length;
			const again = replay(run.states[from], run.steps.slice(from));
			assert.equal(JSON.stringify(again), JSON.stringify(run.states.at(-1)));
		});
	});

	test('a step never changes the state it started from, with or without freezing (copy-on-write, time travel)', () => {
		check(scenario(), (s) => {
			const texts: string[] = [];
			const run = play(s, (before) => texts.push(JSON.stringify(before)));
			run.states.slice(0, -1).forEach((k, i) => {
				assert.equal(JSON.stringify(k), texts[i], `state ${i} changed by a later step`);
			});
		});
	});

	test('with freezing on, every state is frozen all the way down: processes, tables, namespaces, cgroups, timers (copy-on-write)', () => {
		check(scenario(), (s) => {
			const run = play({...s, boot: {...s.boot, freeze: true}});
			run.states.slice(1).forEach((k, i) => {
				const where = unfrozenPart(k, 'kernel');
				assert.equal(where, undefined, `state ${i + 1}: ${where} is not frozen`);
			});
		});
	});

	test('kernel states round-trip through JSON, and a restored state steps like the original (serialisable)', () => {
		check(scenario(), (s) => {
			const run = play(s);
			run.states.forEach((k, i) => {
				assert.deepEqual(roundTrip(k), definedOnly(k), `state ${i}`);
				const step = run.steps[i];
				if (!step) return;
				const restored = kernelStep(roundTrip(k), step, programs);
				// Compared as data, not as text: a key the kernel set to undefined is absent after the
				// round trip, so when it is set again it comes last in the restored state's JSON.
				assert.deepEqual(
					roundTrip(restored.kernel),
					roundTrip(run.states[i + 1]),
					`step ${i + 1} from a restored state`,
				);
				assert.equal(
					JSON.stringify(restored.events),
					JSON.stringify(run.events[i]),
					`events of step ${i + 1}`,
				);
			});
		});
	});
});
