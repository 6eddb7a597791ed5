import type {NodeSpec, PodResources, SchedulerConfig} from '../cluster/index.js';
import type {ProgramParams} from '../programs/params.js';
import type {Position} from './problem.js';
import type {Target} from './target.js';

// The simulated Pod fields are the runtime's own types (spelled as Kubernetes spells them).
export type {ContainerSpec, HandlerSpec, ProbeSpec, VolumeSpec} from '../runtime/pod-spec.js';

import type {PodSpec} from '../runtime/pod-spec.js';

/** The simulated part of a Pod, Kubernetes defaults applied. */
export type PodManifest = PodSpec;

export const PROGRAM_NAMES = [
	'pause',
	'sh',
	'app',
	'sleep',
	'tini',
	'dumb-init',
	'systemd',
	'producer',
	'consumer',
	'log-writer',
	'log-collector',
	'fork-bomb',
	'helloworld',
	'cp',
] as const;

export type ProgramName = (typeof PROGRAM_NAMES)[number];

/**
 * What a simulated process does: the programs' own parameters (programs/params.ts), with the program
 * named from the list above. Absent fields mean "the program's own default". Durations are in
 * milliseconds, memory in bytes, signals normalised (`SIGTERM`).
 */
export type ProgramSpec = Omit<ProgramParams, 'children' | 'service' | 'execAfter'> & {
	program: ProgramName;
	children?: ChildProgramSpec[];
	service?: ProgramSpec;
	execAfter?: ProgramSpec;
};

export type ChildProgramSpec = ProgramSpec & {count: number};

export type ProcessState = 'R' | 'S' | 'Z' | 'T';
export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

/** A count, or bounds on it: `{gte: 1}`, `{lte: 5}`, `{gte: 1, lte: 5}`. */
export type Count = number | {gte?: number; lte?: number};

/** One assertion of an `expect:` step; `position` is where it is written, for `file:line:col: expected X, got Y`. */
export type Expectation = (
	| {
			subject: 'process';
			target: Target;
			state?: ProcessState;
			exists?: boolean;
			parent?: Target;
			comm?: string;
	  }
	| {
			subject: 'pod';
			pod: string;
			zombies?: Count;
			/** Processes of the pod still in the process table (pause, shim and zombies included). */
			processes?: Count;
			phase?: PodPhase;
			status?: string;
			ready?: string;
			node?: string;
			scheduled?: boolean;
			reason?: 'Unschedulable';
	  }
	| {
			subject: 'container';
			pod: string;
			container: string;
			state?: 'waiting' | 'running' | 'terminated';
			reason?: string;
			exitCode?: number;
			restartCount?: Count;
			ready?: boolean;
			node?: string;
			stranded?: boolean;
	  }
	| {
			subject: 'queue';
			/** The pod's IPC namespace: its current sandbox's, or that of sandbox N (1 = the first). */
			ipc: {kind: 'pod'; pod: string; sandbox?: number} | {kind: 'host'};
			key: number;
			exists?: boolean;
			messages?: Count;
			bytes?: Count;
	  }
	| {subject: 'logs'; pod: string; container: string; contains?: string; lines?: Count; previous?: boolean}
	| {
			subject: 'event';
			/** Events so far that match every filter given. */
			match: EventMatch;
			/** How many (default: at least one). */
			count?: Count;
	  }
	| {subject: 'node'; node: string; allocated?: number; held?: number}
	| {subject: 'deadlock'; deadlock: boolean}
	| {subject: 'conflicts'; conflicts: number}
) & {position: Position};

/** Filters of an `{event: …}` expectation: the rule, a kubectl event reason, the event kind, a process's exit. */
export type EventMatch = {
	rule?: string;
	reason?: string;
	kind?: string;
	pod?: string;
	comm?: string;
	exitCode?: number;
	contains?: string;
};

export type NamespaceField = 'shareProcessNamespace' | 'hostIPC' | 'hostPID' | 'hostNetwork';
export type Supervisor = 'systemd' | 'tini' | 'dumb-init';

/** A choice of an `ask:` step: what the room may answer, and what the simulation shows if it is so. */
export type AskChoice = {text: string; expect: Expectation[]};

/** Asks the room before revealing: the playground stops on `question` until a choice is picked. */
export type AskAction = {
	type: 'ask';
	question: string;
	choices: AskChoice[];
	/** 1-based: the choice the simulation bears out `reveal` ms later. */
	answer: number;
	explain: string;
	reveal: number;
	/** Where `answer:` is written: a wrong key is reported there. */
	answerPosition: Position;
};
/** Panes of the playground a chapter can bring forward (`chapter: {focus: queues}`). */
export const FOCUS_PANES = ['pods', 'story', 'namespaces', 'queues', 'details'] as const;
export type FocusPane = (typeof FOCUS_PANES)[number];

export type TimelineAction =
	| {type: 'say'; text: string}
	/** `pause: true`: play stops here and waits for the viewer (the presenter's next click, space). */
	| {type: 'pause'}
	| {type: 'chapter'; title: string; notes?: string; focus?: FocusPane}
	/** `target` one process, `group` the process group of a process, `all` kill(-1); `from` the sender (else the node). */
	| {type: 'kill'; target?: Target; group?: Target; all?: true; from?: Target; signal: string}
	| {type: 'spawn'; parent: Target; spec: ProgramSpec}
	| {type: 'exit'; target: Target; code: number}
	| {type: 'set'; pod: string; field: NamespaceField; value: boolean}
	| {type: 'supervise'; pod: string; container: string; with: Supervisor}
	| {type: 'delete'; pod: string}
	| {type: 'expect'; assertions: Expectation[]}
	| {type: 'scheduler'; config: SchedulerConfig}
	| AskAction
	/** Added by the loader `reveal` after each ask (never written in YAML): `ask` is its step's index. */
	| {type: 'reveal'; ask: number};

export type TimelineStep = {at: number; position: Position; action: TimelineAction};

export type NodeConfig = {memory?: number; podPidsLimit?: number; pid_max?: number};

export type Scenario = {
	/** The file it was read from, as given (for `file:line:col` messages). */
	file: string;
	title: string;
	description?: string;
	seed: number;
	node: NodeConfig;
	pods: PodManifest[];
	/** The pods as the user wrote them (plain data), parallel to `pods`: what exportManifests prints. */
	manifests: Record<string, unknown>[];
	/** Keyed `pod/container`. */
	programs: Record<string, ProgramSpec>;
	timeline: TimelineStep[];
	/** What podplay does not simulate in this file, said out loud (R-EXEC-19, R-EXEC-10): played at t=0. */
	notes: Note[];
	/** `nodes:` and `scheduler:`: the pods go through the scheduler (R-SCHED). */
	cluster?: ScenarioCluster;
};

/** A scenario's cluster: nodes, scheduler, and what the scheduler reads of each pod. */
export type ScenarioCluster = {
	nodes: NodeSpec[];
	scheduler: SchedulerConfig;
	pods: Record<string, {resources: PodResources; nodeName?: string; schedulerName?: string}>;
};

/** A visible note: something the file asks for that podplay does not simulate, or simulates differently. */
export type Note = {rule: string; text: string};
