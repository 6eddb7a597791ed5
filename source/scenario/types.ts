import type {Position} from './problem.js';
import type {Target} from './target.js';

// The simulated Pod fields are the runtime's own types (spelled as Kubernetes spells them).
export type {ContainerSpec, HandlerSpec, ProbeSpec} from '../runtime/pod-spec.js';

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
 * What a simulated process does. Absent fields mean "the program's own default" (pause reaps, sleep
 * does not). Durations are in milliseconds, memory in bytes, signals normalised (`SIGTERM`).
 */
export type ProgramSpec = {
	program: ProgramName;
	children?: ChildProgramSpec[];
	/** Calls waitpid(-1) on SIGCHLD (R-ZOMB-8). */
	reaps?: boolean;
	/** Signals with a handler; the handler exits 0. */
	handle?: string[];
	/** Signals set to SIG_IGN. */
	ignore?: string[];
	/** Signals blocked (queued, as tini does: R-SIG-1). */
	block?: string[];
	exitAfter?: number;
	exitCode?: number;
	threads?: string[];
	/** PR_SET_CHILD_SUBREAPER (R-REAP-6). */
	subreaper?: boolean;
	print?: string[];
	memory?: number;
	/** System V queue key (producer, consumer). */
	key?: number;
	messages?: number;
	interval?: number;
	file?: string;
	/** The program a supervisor (systemd, tini, dumb-init) runs. */
	service?: ProgramSpec;
	restartSec?: number;
	/** sh: the program it execs after setup (R-SIG-5). */
	execAfter?: ProgramSpec;
	/** Command name shown in the process tree (default: the program's name). */
	comm?: string;
	/** cp: the file it copies (from its image). */
	from?: string;
	/** A port the program listens on. */
	port?: number;
	/** systemd: Restart= (default on-failure). */
	restart?: 'always' | 'on-failure' | 'no';
	/** tini -g: forward signals to the child's process group. */
	group?: boolean;
	/** dumb-init -c: forward signals to the child only. */
	single?: boolean;
	/** fork-bomb: milliseconds between generations. */
	delay?: number;
};

export type ChildProgramSpec = ProgramSpec & {count: number};

export type ProcessState = 'R' | 'S' | 'Z' | 'T';
export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

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
	| {subject: 'pod'; pod: string; zombies?: number; phase?: PodPhase; status?: string; ready?: string}
	| {
			subject: 'container';
			pod: string;
			container: string;
			state?: 'waiting' | 'running' | 'terminated';
			reason?: string;
			exitCode?: number;
			restartCount?: number;
			ready?: boolean;
	  }
	| {
			subject: 'queue';
			ipc: {kind: 'pod'; pod: string} | {kind: 'host'};
			key: number;
			exists?: boolean;
			messages?: number;
			bytes?: number;
	  }
	| {subject: 'logs'; pod: string; container: string; contains?: string; lines?: number; previous?: boolean}
) & {position: Position};

export type NamespaceField = 'shareProcessNamespace' | 'hostIPC' | 'hostPID' | 'hostNetwork';
export type Supervisor = 'systemd' | 'tini' | 'dumb-init';

export type TimelineAction =
	| {type: 'say'; text: string}
	| {type: 'chapter'; title: string; notes?: string}
	| {type: 'kill'; target: Target; signal: string}
	| {type: 'spawn'; parent: Target; spec: ProgramSpec}
	| {type: 'exit'; target: Target; code: number}
	| {type: 'set'; pod: string; field: NamespaceField; value: boolean}
	| {type: 'supervise'; pod: string; container: string; with: Supervisor}
	| {type: 'delete'; pod: string}
	| {type: 'expect'; assertions: Expectation[]};

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
};
