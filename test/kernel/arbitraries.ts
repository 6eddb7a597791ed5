// Random action sequences for the kernel's property tests. An action names processes, queues and
// cgroups by index (taken modulo what exists when it runs), so any sequence is meaningful on any
// tree and shrinking a sequence keeps the remaining actions valid. `resolve` turns an action into a
// plain KernelAction against the current state; the resolved list is what replay and rewind use.
import fc from 'fast-check';
import {
	allProcesses,
	type BootOptions,
	type IpcNamespace,
	type Kernel,
	type KernelAction,
	type KernelEvent,
	kernelStep,
	type NsType,
	type PidNamespace,
	type Process,
	type SignalName,
	tableGet,
} from '../../source/kernel/index.js';
import {tableKeys} from '../../source/kernel/table.js';
import {programs} from '../../source/programs/index.js';
import {Sim} from '../helpers/sim.js';

export const signals = [
	'SIGTERM',
	'SIGINT',
	'SIGHUP',
	'SIGKILL',
	'SIGSTOP',
	'SIGCONT',
	'SIGUSR1',
	'SIGCHLD',
] as const satisfies readonly SignalName[];

/** Signals a sigaction may change (SIGKILL and SIGSTOP cannot be caught or ignored). */
const catchable = [
	'SIGTERM',
	'SIGINT',
	'SIGHUP',
	'SIGUSR1',
	'SIGCHLD',
] as const satisfies readonly SignalName[];

export type ProgramName = 'app' | 'sleep' | 'pause' | 'sh' | 'tini';

/** Which process acts or is acted on: an index into the process table, in host-PID order. */
type Who = number;

export type Action =
	| {
			kind: 'fork';
			who: Who;
			program: ProgramName;
			params: Record<string, unknown>;
			flags: {pid?: boolean; ipc?: boolean};
			/** Index into the cgroups (clone3 CLONE_INTO_CGROUP); absent: the parent's cgroup. */
			cgroup?: number;
	  }
	| {kind: 'exit'; who: Who; code: number}
	| {kind: 'hostKill'; who: Who; signal: SignalName}
	/**
	 * target: -1 for kill(-1), -2 for a PID nobody has, else an index into the PIDs the caller sees;
	 * with `group`, kill(-pid) names that PID's process group as the caller sees it.
	 */
	| {kind: 'kill'; who: Who; target: number; signal: SignalName; group?: boolean}
	/** child: -1 for waitpid(-1), else an index into the caller's children. */
	| {kind: 'wait'; who: Who; child: number; nohang: boolean}
	| {kind: 'subreaper'; who: Who; value: boolean}
	| {
			kind: 'sigaction';
			who: Who;
			signal: SignalName;
			action: 'default' | 'ignore' | 'handle';
			nocldwait?: boolean;
	  }
	| {kind: 'unshare'; who: Who}
	| {kind: 'setns'; who: Who; target: Who; types: NsType[]}
	| {kind: 'thread'; who: Who; name: string}
	| {kind: 'threadExit'; who: Who; name: string}
	| {kind: 'msgget'; who: Who; key: number; create: boolean}
	/** queue: an index into the caller's IPC namespace's queues; one past the end is a bad msqid. */
	| {kind: 'msgsnd'; who: Who; queue: number; mtype: number; size: number; nowait: boolean}
	| {kind: 'msgrcv'; who: Who; queue: number; msgtyp: number; maxSize?: number; nowait: boolean}
	| {kind: 'msgrmid'; who: Who; queue: number}
	| {kind: 'cgroup'; parent: number; pidsMax: number}
	| {kind: 'advance'; ms: number};

const who = fc.nat({max: 63});
const signal = fc.constantFrom(...signals);
const someSignals = fc.subarray([...catchable], {maxLength: 3});

/** A short-lived or idle helper a supervisor (sh, tini) starts. */
const service = fc.oneof(
	fc.record(
		{program: fc.constant('sleep'), seconds: fc.integer({min: 1, max: 3})},
		{requiredKeys: ['program']},
	),
	fc.record(
		{program: fc.constant('app'), exitAfter: fc.integer({min: 1, max: 3000}), exitCode: fc.nat({max: 3})},
		{requiredKeys: ['program']},
	),
);

const programParams: Record<ProgramName, fc.Arbitrary<Record<string, unknown>>> = {
	app: fc.record(
		{
			reaps: fc.boolean(),
			ignore: someSignals,
			handle: someSignals,
			subreaper: fc.boolean(),
			exitAfter: fc.integer({min: 1, max: 5000}),
			threads: fc.subarray(['t1', 't2']),
		},
		{requiredKeys: []},
	),
	sleep: fc.record({seconds: fc.integer({min: 1, max: 5})}, {requiredKeys: []}),
	pause: fc.constant({}),
	// Threads in a shell that execs: exec leaves only the calling thread and frees the others' TIDs.
	sh: fc.record({service, execAfter: service, threads: fc.subarray(['t1', 't2'])}, {requiredKeys: []}),
	tini: fc.record({subreaper: fc.boolean(), service, group: fc.boolean()}, {requiredKeys: []}),
};

const fork: fc.Arbitrary<Action> = fc
	.constantFrom<ProgramName>('app', 'sleep', 'pause', 'sh', 'tini')
	.chain((program) =>
		fc.record(
			{
				kind: fc.constant('fork' as const),
				who,
				program: fc.constant(program),
				params: programParams[program],
				flags: fc.record({pid: fc.boolean(), ipc: fc.boolean()}, {requiredKeys: []}),
				cgroup: fc.nat({max: 7}),
			},
			{requiredKeys: ['kind', 'who', 'program', 'params', 'flags']},
		),
	);

/** The highest queue index names no queue at all (EINVAL); the others name existing queues. */
const badQueue = 7;
const queue = fc.nat({max: badQueue});

const exit: fc.Arbitrary<Action> = fc.record({
	kind: fc.constant('exit' as const),
	who,
	code: fc.nat({max: 3}),
});
const hostKill: fc.Arbitrary<Action> = fc.record({kind: fc.constant('hostKill' as const), who, signal});
const wait: fc.Arbitrary<Action> = fc.record({
	kind: fc.constant('wait' as const),
	who,
	child: fc.oneof(fc.constant(-1), fc.nat({max: 7})),
	nohang: fc.boolean(),
});

const setns: fc.Arbitrary<Action> = fc.record({
	kind: fc.constant('setns' as const),
	who,
	target: who,
	types: fc.subarray<NsType>(['pid', 'ipc'], {minLength: 1}),
});

/** One random action, weighted so that trees grow and queues see traffic. */
export const action: fc.Arbitrary<Action> = fc.oneof(
	{weight: 8, arbitrary: fork},
	{weight: 3, arbitrary: exit},
	{weight: 3, arbitrary: hostKill},
	{
		weight: 3,
		arbitrary: fc.record(
			{
				kind: fc.constant('kill' as const),
				who,
				target: fc.oneof(fc.constantFrom(-1, -2), fc.nat({max: 31})),
				signal,
				group: fc.boolean(),
			},
			{requiredKeys: ['kind', 'who', 'target', 'signal']},
		),
	},
	{weight: 3, arbitrary: wait},
	{weight: 1, arbitrary: fc.record({kind: fc.constant('subreaper' as const), who, value: fc.boolean()})},
	{
		weight: 2,
		arbitrary: fc.record(
			{
				kind: fc.constant('sigaction' as const),
				who,
				signal: fc.constantFrom(...catchable),
				action: fc.constantFrom('default' as const, 'ignore' as const, 'handle' as const),
				nocldwait: fc.boolean(),
			},
			{requiredKeys: ['kind', 'who', 'signal', 'action']},
		),
	},
	{weight: 1, arbitrary: fc.record({kind: fc.constant('unshare' as const), who})},
	{weight: 1, arbitrary: setns},
	{
		weight: 1,
		arbitrary: fc.record({kind: fc.constant('thread' as const), who, name: fc.constantFrom('t1', 't2')}),
	},
	{
		weight: 1,
		arbitrary: fc.record({kind: fc.constant('threadExit' as const), who, name: fc.constantFrom('t1', 't2')}),
	},
	{
		weight: 3,
		arbitrary: fc.record({
			kind: fc.constant('msgget' as const),
			who,
			key: fc.constantFrom(0, 0x42, 0x43),
			create: fc.constantFrom(true, true, false),
		}),
	},
	{
		weight: 4,
		arbitrary: fc.record({
			kind: fc.constant('msgsnd' as const),
			who,
			queue,
			mtype: fc.integer({min: 0, max: 3}),
			size: fc.constantFrom(0, 1, 100, 8192, 8193),
			nowait: fc.boolean(),
		}),
	},
	{
		weight: 4,
		arbitrary: fc.record(
			{
				kind: fc.constant('msgrcv' as const),
				who,
				queue,
				msgtyp: fc.integer({min: -3, max: 3}),
				maxSize: fc.constantFrom(0, 100, 8192),
				nowait: fc.boolean(),
			},
			{requiredKeys: ['kind', 'who', 'queue', 'msgtyp', 'nowait']},
		),
	},
	{weight: 1, arbitrary: fc.record({kind: fc.constant('msgrmid' as const), who, queue})},
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('cgroup' as const),
			parent: fc.nat({max: 7}),
			pidsMax: fc.integer({min: 1, max: 6}),
		}),
	},
	{
		weight: 2,
		arbitrary: fc.record({kind: fc.constant('advance' as const), ms: fc.constantFrom(0, 1, 500, 1000, 3000)}),
	},
);

/** `freeze`: immer's auto-freeze on, or off as replay, check and the playground step. */
export type Scenario = {boot: {seed: number; pidMax: number; freeze?: boolean}; actions: Action[]};

/** A boot (seed, and a small pid_max now and then so that PID allocation wraps) and up to `max` actions. */
export function scenario(max = 40): fc.Arbitrary<Scenario> {
	return fc.record({
		boot: fc.record({seed: fc.nat(), pidMax: fc.constantFrom(6, 10, 16, 4194304), freeze: fc.boolean()}),
		actions: fc.array(action, {maxLength: max, size: 'max'}),
	});
}

/** Plain forks of programs that never reap: their children's exits leave zombies behind. */
const zombieAction: fc.Arbitrary<Action> = fc.oneof(
	{
		weight: 4,
		arbitrary: fc.record({
			kind: fc.constant('fork' as const),
			who,
			program: fc.constantFrom<ProgramName>('app', 'sleep'),
			params: fc.constant({}),
			flags: fc.record({pid: fc.boolean()}, {requiredKeys: []}),
		}),
	},
	{weight: 3, arbitrary: exit},
	{weight: 2, arbitrary: wait},
	{weight: 1, arbitrary: hostKill},
	// setns to a zombie is EINVAL: it has dropped its namespaces.
	{weight: 1, arbitrary: setns},
);

/** Many zombies and a tiny pid_max, so that allocation wraps while zombies hold PIDs (R-ZOMB-4). */
export function zombieScenario(max = 40): fc.Arbitrary<Scenario> {
	return fc.record({
		boot: fc.record({seed: fc.nat(), pidMax: fc.constantFrom(6, 10), freeze: fc.boolean()}),
		actions: fc.array(zombieAction, {maxLength: max, size: 'max'}),
	});
}

function nth<T>(items: readonly T[], index: number): T | undefined {
	return items.length === 0 ? undefined : items[index % items.length];
}

function queueId(k: Kernel, p: Process, index: number): number {
	const ns = k.namespaces[p.ns.ipc] as IpcNamespace | undefined;
	const ids = Object.keys(ns?.queues ?? {}).map(Number);
	return index === badQueue || ids.length === 0 ? 999_999 : ids[index % ids.length];
}

/** PIDs the caller can name: every PID in its own PID namespace's table (R-PIDNS-5). */
function visiblePids(k: Kernel, p: Process): number[] {
	const ns = k.namespaces[p.ns.pid] as PidNamespace | undefined;
	return ns ? [...tableKeys(ns.pids)] : [];
}

function childPid(k: Kernel, p: Process, index: number): number {
	if (index < 0) return -1;
	const level = p.pids.length - 1;
	const child = nth(p.children, index);
	const c = child === undefined ? undefined : tableGet(k.procs, child);
	// No child: a PID that is not one (ECHILD).
	return c?.pids[level] ?? 999_999;
}

function syscall(pid: number, call: Extract<KernelAction, {type: 'syscall'}>['call']): KernelAction {
	return {type: 'syscall', pid, call};
}

/** The concrete KernelAction `a` stands for in state `k`; undefined when it names nothing. */
export function resolve(k: Kernel, a: Action): KernelAction | undefined {
	if (a.kind === 'advance') return {type: 'advance', ms: a.ms};
	const cgroups = Object.keys(k.cgroups).sort();
	if (a.kind === 'cgroup') {
		const parent = nth(cgroups, a.parent)!;
		const path = `${parent === '/' ? '' : parent}/g${cgroups.length}`;
		return {type: 'cgroup', path, parent, limits: {pidsMax: a.pidsMax}};
	}
	const procs = allProcesses(k);
	// The host's PID 1 never exits: its death is a kernel panic, not simulated (R-PIDNS-8).
	const p = nth(a.kind === 'exit' ? procs.filter((q) => q.hostPid !== 1) : procs, a.who);
	if (!p) return undefined;
	const pid = p.hostPid;
	switch (a.kind) {
		case 'fork':
			return syscall(pid, {
				call: 'fork',
				program: {name: a.program, params: a.params},
				comm: a.program,
				flags: a.flags,
				...(a.cgroup === undefined ? {} : {cgroup: nth(cgroups, a.cgroup)}),
			});
		case 'exit':
			return syscall(pid, {call: 'exit', code: a.code});
		case 'hostKill':
			return {type: 'signal', pid, signal: a.signal};
		case 'kill': {
			const target = a.target === -1 ? -1 : a.target === -2 ? 999_999 : nth(visiblePids(k, p), a.target);
			const named = target ?? 999_999;
			return syscall(pid, {call: 'kill', pid: a.group && named > 0 ? -named : named, signal: a.signal});
		}
		case 'wait':
			return syscall(pid, {call: 'wait', pid: childPid(k, p, a.child), nohang: a.nohang, reply: 'w'});
		case 'subreaper':
			return syscall(pid, {call: 'prctl', option: 'PR_SET_CHILD_SUBREAPER', value: a.value});
		case 'sigaction':
			return syscall(pid, {
				call: 'sigaction',
				signal: a.signal,
				action: a.action,
				...(a.nocldwait === undefined ? {} : {nocldwait: a.nocldwait}),
			});
		case 'unshare':
			return syscall(pid, {call: 'unshare', flags: {pid: true}});
		case 'setns': {
			const target = nth(procs, a.target);
			return target && syscall(pid, {call: 'setns', target: target.hostPid, types: a.types});
		}
		case 'thread':
			return syscall(pid, {call: 'thread', name: a.name});
		case 'threadExit':
			return syscall(pid, {call: 'threadExit', name: a.name});
		case 'msgget':
			return syscall(pid, {call: 'msgget', key: a.key, create: a.create, reply: 'q'});
		case 'msgsnd':
			return syscall(pid, {
				call: 'msgsnd',
				msqid: queueId(k, p, a.queue),
				mtype: a.mtype,
				size: a.size,
				nowait: a.nowait,
				reply: 's',
			});
		case 'msgrcv':
			return syscall(pid, {
				call: 'msgrcv',
				msqid: queueId(k, p, a.queue),
				msgtyp: a.msgtyp,
				nowait: a.nowait,
				reply: 'r',
				...(a.maxSize === undefined ? {} : {maxSize: a.maxSize}),
			});
		case 'msgrmid':
			return syscall(pid, {call: 'msgctl', msqid: queueId(k, p, a.queue), cmd: 'IPC_RMID', reply: 'x'});
	}
}

/** One run: every kernel state (states[0] is the booted node) and the KernelAction between each pair. */
export type Run = {states: Kernel[]; steps: KernelAction[]; events: KernelEvent[][]};

export function bootOptions(s: Scenario): BootOptions {
	return {seed: s.boot.seed, pidMax: s.boot.pidMax};
}

/** Play a scenario on a fresh Sim; `check` sees each step (before, after) as it happens. */
export function play(s: Scenario, check?: (before: Kernel, after: Kernel, step: KernelAction) => void): Run {
	const sim = new Sim(bootOptions(s), s.boot.freeze !== false);
	const run: Run = {states: [sim.kernel], steps: [], events: []};
	for (const a of s.actions) {
		const step = resolve(sim.kernel, a);
		if (!step) continue;
		const before = sim.kernel;
		run.events.push(sim.step(step));
		run.steps.push(step);
		run.states.push(sim.kernel);
		check?.(before, sim.kernel, step);
	}
	return run;
}

/** Replay resolved steps from a state, as time travel does: no Sim, just kernelStep. */
export function replay(from: Kernel, steps: readonly KernelAction[]): Kernel {
	let k = from;
	for (const step of steps) k = kernelStep(k, step, programs).kernel;
	return k;
}
