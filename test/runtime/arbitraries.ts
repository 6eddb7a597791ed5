// Random pods and random things done to them, for the runtime's property tests. A step names pods,
// containers and processes by index (taken modulo what exists when it runs), so any sequence is
// meaningful on any node and shrinking keeps the remaining steps valid. `resolve` turns a step into
// a plain engine Action against the current world; the resolved list is a reproduction as it stands.
import fc from 'fast-check';
import type {Action, NodeOptions, World} from '../../source/engine/index.js';
import {allProcesses, type Process, type SignalName} from '../../source/kernel/index.js';
import type {ProgramSpec} from '../../source/programs/index.js';
import type {
	ContainerSpec,
	NamespaceField,
	PodSpec,
	ProbeSpec,
	Supervisor,
} from '../../source/runtime/index.js';
import {container, Node, podSpec} from '../helpers/world.js';

export type PodPlan = {
	spec: PodSpec;
	programs: Record<string, ProgramSpec>;
	supervisors: Record<string, Supervisor>;
};

export const killSignals = [
	'SIGTERM',
	'SIGKILL',
	'SIGSTOP',
	'SIGCONT',
	'SIGINT',
] as const satisfies readonly SignalName[];

const fields = [
	'shareProcessNamespace',
	'hostPID',
	'hostIPC',
	'hostNetwork',
] as const satisfies readonly NamespaceField[];
const supervisorNames = ['tini', 'systemd', 'dumb-init'] as const satisfies readonly Supervisor[];

export type Step =
	| {kind: 'advance'; ms: number}
	/** kill(1) from the node to a live process of some pod (pause and containers). */
	| {kind: 'kill'; who: number; signal: SignalName}
	/** A live process of some pod calls exit(code). */
	| {kind: 'exit'; who: number; code: number}
	| {kind: 'delete'; pod: number}
	/** Create the pod again from its plan if it is gone. */
	| {kind: 'create'; pod: number}
	| {kind: 'toggle'; pod: number; field: NamespaceField; value: boolean}
	| {kind: 'supervise'; pod: number; container: number; with: Supervisor | 'none'}
	| {kind: 'killPause'; pod: number; signal: 'SIGKILL' | 'SIGTERM'};

/** `freeze`: immer's auto-freeze on (the default) or off (replay, check, the playground). */
export type Scenario = {node: NodeOptions; freeze: boolean; pods: PodPlan[]; steps: Step[]};

const mib = 1024 * 1024;

/** A short-lived or idle helper a parent, shell or supervisor starts. */
const helper: fc.Arbitrary<ProgramSpec> = fc.oneof(
	fc.record(
		{program: fc.constant('sleep'), seconds: fc.integer({min: 1, max: 30})},
		{requiredKeys: ['program']},
	),
	fc.record(
		{
			program: fc.constant('app'),
			exitAfter: fc.integer({min: 100, max: 20_000}),
			exitCode: fc.nat({max: 2}),
			handle: fc.constant<SignalName[]>(['SIGTERM']),
		},
		{requiredKeys: ['program']},
	),
);

const app: fc.Arbitrary<ProgramSpec> = fc.record(
	{
		program: fc.constant('app'),
		exitAfter: fc.integer({min: 100, max: 30_000}),
		exitCode: fc.nat({max: 2}),
		children: fc.array(helper, {maxLength: 2}),
		handle: fc.subarray<SignalName>(['SIGTERM', 'SIGINT']),
		reaps: fc.boolean(),
		memory: fc.constantFrom(mib, 32 * mib, 200 * mib),
		port: fc.constant(8080),
	},
	{requiredKeys: ['program']},
);

const program: fc.Arbitrary<ProgramSpec> = fc.oneof(
	{weight: 4, arbitrary: app},
	{weight: 2, arbitrary: helper},
	{
		weight: 2,
		arbitrary: fc.record(
			{program: fc.constant('sh'), service: helper, execAfter: helper},
			{requiredKeys: ['program']},
		),
	},
	{
		weight: 2,
		arbitrary: fc.record(
			{program: fc.constantFrom('tini', 'systemd', 'dumb-init'), service: fc.oneof(app, helper)},
			{requiredKeys: ['program', 'service']},
		),
	},
	{
		weight: 1,
		arbitrary: fc.record({
			program: fc.constant('producer'),
			key: fc.constant(1),
			messages: fc.integer({min: 1, max: 5}),
			interval: fc.integer({min: 100, max: 2000}),
		}),
	},
	{weight: 1, arbitrary: fc.record({program: fc.constant('consumer'), key: fc.constant(1)})},
);

/** Init containers mostly finish: an app that exits soon (sometimes with an error), or a short sleep. */
const initProgram: fc.Arbitrary<ProgramSpec> = fc.oneof(
	fc.record({
		program: fc.constant('app'),
		exitAfter: fc.integer({min: 100, max: 5000}),
		exitCode: fc.constantFrom(0, 0, 0, 1),
	}),
	fc.record({program: fc.constant('sleep'), seconds: fc.integer({min: 1, max: 5})}),
);

/** Small periods so probes act within a run (R-RESTART-3). */
const probe: fc.Arbitrary<ProbeSpec> = fc.record({
	check: fc.oneof(
		fc.constant<ProbeSpec['check']>({kind: 'exec', command: ['true']}),
		fc.constant<ProbeSpec['check']>({kind: 'tcpSocket', port: 8080}),
	),
	initialDelaySeconds: fc.nat({max: 2}),
	periodSeconds: fc.integer({min: 1, max: 3}),
	timeoutSeconds: fc.constant(1),
	failureThreshold: fc.integer({min: 1, max: 3}),
	successThreshold: fc.constant(1),
});

const containerExtras: fc.Arbitrary<Partial<ContainerSpec>> = fc.record(
	{
		memoryLimit: fc.constantFrom(64 * mib, 128 * mib),
		livenessProbe: probe,
		readinessProbe: probe,
		startupProbe: probe,
		preStop: fc.record({kind: fc.constant('sleep' as const), seconds: fc.integer({min: 1, max: 3})}),
	},
	{requiredKeys: []},
);

type Slot = {kind: 'init' | 'sidecar' | 'app'; extras: Partial<ContainerSpec>; program: ProgramSpec};

const initSlot: fc.Arbitrary<Slot> = fc.oneof(
	fc.record({kind: fc.constant('init' as const), extras: fc.constant({}), program: initProgram}),
	fc.record({kind: fc.constant('sidecar' as const), extras: containerExtras, program}),
);

const appSlot: fc.Arbitrary<Slot> = fc.record({
	kind: fc.constant('app' as const),
	extras: containerExtras,
	program,
});

export function podPlan(name: string): fc.Arbitrary<PodPlan> {
	return fc
		.record({
			inits: fc.array(initSlot, {maxLength: 2}),
			apps: fc.array(appSlot, {minLength: 1, maxLength: 3}),
			restartPolicy: fc.constantFrom('Always' as const, 'OnFailure' as const, 'Never' as const),
			grace: fc.integer({min: 1, max: 5}),
			// R-POD-2: never hostPID together with shareProcessNamespace.
			pid: fc.constantFrom('private', 'share', 'host'),
			hostIPC: fc.boolean(),
			supervised: fc.array(fc.option(fc.constantFrom(...supervisorNames), {nil: undefined}), {
				minLength: 3,
				maxLength: 3,
			}),
		})
		.map(({inits, apps, restartPolicy, grace, pid, hostIPC, supervised}) => {
			const programs: Record<string, ProgramSpec> = {};
			const supervisors: Record<string, Supervisor> = {};
			const initContainers = inits.map((slot, i) => {
				const cname = `${slot.kind === 'sidecar' ? 's' : 'i'}${i}`;
				programs[cname] = slot.program;
				return container(cname, {
					...slot.extras,
					...(slot.kind === 'sidecar' ? {restartPolicy: 'Always' as const} : {}),
				});
			});
			const containers = apps.map((slot, i) => {
				const cname = `a${i}`;
				programs[cname] = slot.program;
				const supervisor = supervised[i];
				if (supervisor) supervisors[cname] = supervisor;
				return container(cname, slot.extras);
			});
			const spec = podSpec(name, {
				initContainers,
				containers,
				restartPolicy,
				terminationGracePeriodSeconds: grace,
				shareProcessNamespace: pid === 'share',
				hostPID: pid === 'host',
				hostIPC,
			});
			return {spec, programs, supervisors};
		});
}

const index = fc.nat({max: 31});

export const step: fc.Arbitrary<Step> = fc.oneof(
	{
		weight: 6,
		arbitrary: fc.record({kind: fc.constant('advance' as const), ms: fc.integer({min: 100, max: 60_000})}),
	},
	{
		weight: 4,
		arbitrary: fc.record({
			kind: fc.constant('kill' as const),
			who: index,
			signal: fc.constantFrom(...killSignals),
		}),
	},
	{weight: 3, arbitrary: fc.record({kind: fc.constant('exit' as const), who: index, code: fc.nat({max: 2})})},
	{weight: 1, arbitrary: fc.record({kind: fc.constant('delete' as const), pod: index})},
	{weight: 1, arbitrary: fc.record({kind: fc.constant('create' as const), pod: index})},
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('toggle' as const),
			pod: index,
			field: fc.constantFrom(...fields),
			value: fc.boolean(),
		}),
	},
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('supervise' as const),
			pod: index,
			container: index,
			with: fc.constantFrom<Supervisor | 'none'>(...supervisorNames, 'none'),
		}),
	},
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('killPause' as const),
			pod: index,
			signal: fc.constantFrom('SIGKILL' as const, 'SIGTERM' as const),
		}),
	},
);

/** One or two pods on a node (a small pod pids.max now and then), and up to `max` steps. */
export function scenario(max = 25): fc.Arbitrary<Scenario> {
	return fc.record({
		node: fc
			.record({seed: fc.nat(), podPidsLimit: fc.constantFrom(undefined, 6, 50)})
			.map(({seed, podPidsLimit}) => (podPidsLimit === undefined ? {seed} : {seed, podPidsLimit})),
		// The optional pod comes first so that shrinking drops it.
		pods: fc
			.tuple(fc.option(podPlan('p0'), {nil: undefined}), podPlan('p1'))
			.map(([a, b]) => (a ? [a, b] : [b])),
		steps: fc.array(step, {maxLength: max, size: 'max'}),
		// Both immer modes: a draft leaking into the result only shows with freezing off.
		freeze: fc.boolean(),
	});
}

function nth<T>(items: readonly T[], i: number): T | undefined {
	return items.length === 0 ? undefined : items[i % items.length];
}

/** Live processes of pods (containerd-shim, pause and container processes), in host-PID order. */
export function podProcesses(world: World): Process[] {
	return allProcesses(world.kernel)
		.filter((p) => p.labels.pod !== undefined && p.state !== 'Z' && !p.exiting)
		.sort((a, b) => a.hostPid - b.hostPid);
}

export function createAction(plan: PodPlan): Action {
	return {type: 'createPod', pod: plan.spec, programs: plan.programs, supervisors: plan.supervisors};
}

/** The concrete engine Action `s` stands for in `world`; undefined when it names nothing. */
export function resolve(world: World, plans: readonly PodPlan[], s: Step): Action | undefined {
	switch (s.kind) {
		case 'advance':
			return {type: 'advance', ms: s.ms};
		case 'kill': {
			const p = nth(podProcesses(world), s.who);
			return p && {type: 'signal', pid: p.hostPid, signal: s.signal};
		}
		case 'exit': {
			const p = nth(podProcesses(world), s.who);
			return p && {type: 'syscall', pid: p.hostPid, call: {call: 'exit', code: s.code}};
		}
		case 'create': {
			const plan = nth(plans, s.pod)!;
			return world.runtime.pods[plan.spec.name] ? undefined : createAction(plan);
		}
	}
	const name = nth(world.runtime.order, s.pod);
	const pod = name === undefined ? undefined : world.runtime.pods[name];
	if (!pod) return undefined;
	switch (s.kind) {
		case 'delete':
			return {type: 'deletePod', pod: pod.name};
		case 'toggle':
			return {type: 'setPodField', pod: pod.name, field: s.field, value: s.value};
		case 'supervise': {
			const c = nth(pod.spec.containers, s.container)!;
			return {type: 'supervise', pod: pod.name, container: c.name, with: s.with};
		}
		case 'killPause': {
			const pause = pod.sandbox?.pause;
			return pause === undefined ? undefined : {type: 'signal', pid: pause, signal: s.signal};
		}
	}
}

/** One run: the settled world after each action (worlds[0]: the booted node) and the actions. */
export type Run = {node: Node; actions: Action[]; worlds: World[]};

/** Play a scenario on a fresh node. */
export function play(s: Scenario): Run {
	const node = new Node(s.node, {freeze: s.freeze});
	const run: Run = {node, actions: [], worlds: [node.world]};
	const perform = (action: Action) => {
		node.do(action);
		run.actions.push(action);
		run.worlds.push(node.world);
	};
	for (const plan of s.pods) perform(createAction(plan));
	for (const st of s.steps) {
		const action = resolve(node.world, s.pods, st);
		if (action) perform(action);
	}
	return run;
}

/** Run `check`; if it throws, say which actions (on which node) reproduce the failure. */
export function reproducing(s: Scenario, actions: readonly Action[], check: () => void): void {
	try {
		check();
	} catch (error) {
		const why = error instanceof Error ? error.message : String(error);
		const list = actions.map((a) => `  ${JSON.stringify(a)}`).join('\n');
		throw new Error(
			`${why}\nafter ${actions.length} actions on new Node(${JSON.stringify(s.node)}):\n${list}`,
		);
	}
}

/** Check `invariant` on each settled world of a run; a failure names the actions that reproduce it. */
export function everyWorld(s: Scenario, run: Run, invariant: (after: World, before: World) => void): void {
	for (let i = 1; i < run.worlds.length; i += 1)
		reproducing(s, run.actions.slice(0, i), () => invariant(run.worlds[i], run.worlds[i - 1]));
}
