// A scenario becomes node options, set-up actions and a timeline of cues; timeline steps become
// engine actions at the moment they play (targets resolve against the world of that moment).
import type {SchedulerConfig} from '../cluster/index.js';
import {type Kernel, type KernelAction, pgidSeenBy, pidSeenBy, type SignalName} from '../kernel/index.js';
import {type ProgramSpec as RunnableSpec, specCall} from '../programs/index.js';
import type {PodSpec, RuntimeAction, RuntimeState} from '../runtime/index.js';
import {clusterSetup} from './cluster-setup.js';
import {DEFAULT_PID_MAX} from './limits.js';
import {resolveTarget} from './resolve.js';
import {formatTarget} from './target.js';
import type {Scenario, TimelineAction} from './types.js';

export type NarrationAction =
	| {type: 'say'; text: string}
	| {type: 'pause'}
	| {type: 'chapter'; title: string; notes?: string}
	| {type: 'ask'; question: string; choices: string[]}
	| {type: 'reveal'; answer: number; explain: string; rules: string[]};
/** The cluster's pods submitted again to another scheduler (R-SCHED). */
export type RescheduleAction = {type: 'reschedule'; config: SchedulerConfig};
export type StepAction = KernelAction | RuntimeAction | NarrationAction | RescheduleAction;

export function nodeOptions(s: Scenario, seed = s.seed) {
	return {
		seed,
		memory: s.node.memory,
		podPidsLimit: s.node.podPidsLimit,
		pidMax: s.node.pid_max ?? DEFAULT_PID_MAX,
		...(s.cluster ? {cluster: clusterSetup(s)} : {}),
	};
}

/**
 * The programs the scenario chose for one pod, keyed by container. Containers without an entry run
 * what their image and command say (the runtime resolves them, R-EXEC-1).
 */
export function podPrograms(s: Scenario, pod: PodSpec): Record<string, RunnableSpec> {
	const result: Record<string, RunnableSpec> = {};
	for (const c of [...pod.initContainers, ...pod.containers]) {
		const spec = s.programs[`${pod.name}/${c.name}`];
		if (spec) result[c.name] = {comm: c.name, ...(spec as RunnableSpec)};
	}
	return result;
}

/** The pods' creation; with `nodes:` they go to the scheduler instead, which starts them where it binds them. */
export function setupActions(s: Scenario): StepAction[] {
	const notes = s.notes.map((note) => ({type: 'note', rule: note.rule, text: note.text}) as const);
	// With `nodes:` the pods go to the scheduler, which starts them where it binds them (R-SCHED).
	if (s.cluster) return notes;
	return [
		...notes,
		...s.pods.map((pod) => ({type: 'createPod', pod, programs: podPrograms(s, pod)}) as const),
	];
}

export type Resolved = {ok: true; actions: StepAction[]} | {ok: false; message: string; rule?: string};

/** One timeline step as engine actions, its targets resolved in the world as it is now. */
export function stepActions(kernel: Kernel, runtime: RuntimeState, action: TimelineAction): Resolved {
	switch (action.type) {
		case 'say':
			return {ok: true, actions: [{type: 'say', text: action.text}]};
		case 'pause':
			return {ok: true, actions: [{type: 'pause'}]};
		case 'chapter':
			return {
				ok: true,
				actions: [{type: 'chapter', title: action.title, ...(action.notes ? {notes: action.notes} : {})}],
			};
		case 'kill':
			return killActions(kernel, runtime, action);
		case 'exit': {
			const target = resolveTarget(kernel, runtime, action.target);
			if (!target) return missing(formatTarget(action.target));
			if (target.hostPid === (kernel.namespaces[kernel.root.pid] as {init?: number}).init)
				return {
					ok: false,
					message: `${formatTarget(action.target)} is the node's init: its exit would panic the kernel, which podplay does not simulate`,
					rule: 'R-PIDNS-8',
				};
			return {
				ok: true,
				actions: [{type: 'syscall', pid: target.hostPid, call: {call: 'exit', code: action.code}}],
			};
		}
		case 'spawn': {
			const parent = resolveTarget(kernel, runtime, action.parent);
			if (!parent) return missing(formatTarget(action.parent));
			const spec = action.spec as RunnableSpec;
			const count = spec.count ?? 1;
			const call = {call: 'fork', program: specCall(spec), comm: spec.comm ?? spec.program} as const;
			return {
				ok: true,
				actions: Array.from({length: count}, () => ({type: 'syscall', pid: parent.hostPid, call}) as const),
			};
		}
		case 'set':
			return {
				ok: true,
				actions: [{type: 'setPodField', pod: action.pod, field: action.field, value: action.value}],
			};
		case 'supervise':
			return {
				ok: true,
				actions: [{type: 'supervise', pod: action.pod, container: action.container, with: action.with}],
			};
		case 'delete':
			return {ok: true, actions: [{type: 'deletePod', pod: action.pod}]};
		case 'ask':
			// The answer is not in the world until it is revealed: the screen cannot give it away.
			return {
				ok: true,
				actions: [{type: 'ask', question: action.question, choices: action.choices.map((c) => c.text)}],
			};
		case 'expect':
		case 'reveal':
			// Judged by the player (checkExpectation, judgeAnswer), which sees the whole timeline.
			return {ok: true, actions: []};
		case 'scheduler':
			return {ok: true, actions: [{type: 'reschedule', config: action.config}]};
	}
}

/**
 * R-SIG-7 (kill_something_info): kill(pid), kill(-PGID) and kill(-1). From the node the signal comes
 * from outside every container (R-SIG-2); `from` makes a process call kill(2), with the PIDs and the
 * group ID as its own PID namespace numbers them (R-PIDNS-5: one it cannot see is ESRCH).
 */
function killActions(kernel: Kernel, runtime: RuntimeState, action: KillAction): Resolved {
	const signal = action.signal as SignalName;
	const named = action.target ?? action.group;
	const target = named ? resolveTarget(kernel, runtime, named) : undefined;
	if (named && !target) return missing(formatTarget(named));
	if (!action.from) {
		if (!target) return {ok: false, message: 'kill: all needs from: TARGET'};
		const pid = action.group ? target.pgrp[0]! : target.hostPid;
		return {ok: true, actions: [{type: 'signal', pid, signal, ...(action.group ? {group: true} : {})}]};
	}
	const sender = resolveTarget(kernel, runtime, action.from);
	if (!sender) return missing(formatTarget(action.from));
	let pid = -1;
	if (target) {
		const seen = action.group ? pgidSeenBy(kernel, target, sender) : pidSeenBy(kernel, target, sender);
		if (seen === undefined)
			return {
				ok: false,
				message: `kill from ${formatTarget(action.from)}: ${formatTarget(named!)} is outside its PID namespace, so it cannot name it: ESRCH (R-PIDNS-5)`,
			};
		if (action.group && seen === 1)
			return {
				ok: false,
				message: `kill from ${formatTarget(action.from)}: process group 1 cannot be named, kill(-1) means every process (R-SIG-7)`,
			};
		pid = action.group ? -seen : seen;
	}
	return {ok: true, actions: [{type: 'syscall', pid: sender.hostPid, call: {call: 'kill', pid, signal}}]};
}

type KillAction = Extract<TimelineAction, {type: 'kill'}>;

function missing(target: string): Resolved {
	return {ok: false, message: `target ${target} has no live process at this moment`};
}
