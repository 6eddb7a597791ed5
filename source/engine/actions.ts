// Every way the world can change, as plain serialisable data.
import type {SchedulerConfig} from '../cluster/index.js';
import type {KernelAction} from '../kernel/index.js';
import type {RuntimeAction} from '../runtime/index.js';

export type NarrationAction =
	| {type: 'say'; text: string}
	/** A `pause: true` step: nothing changes; play stops here and waits for the viewer. */
	| {type: 'pause'}
	| {type: 'chapter'; title: string; notes?: string}
	/** An `ask:` step: the question and its choices, not the answer (that comes with `reveal`). */
	| {type: 'ask'; question: string; choices: string[]}
	| {type: 'reveal'; answer: number; explain: string; rules: string[]};

/** Boot the node's own daemons (the host init's program, containerd, the kubelet). */
export type BootAction = {type: 'boot'};

/** A scenario timeline step was played (bookkeeping for time travel); `error` if it could not act. */
/** A timeline step played; `error` when it could not be (a missing target, ESRCH, unless `rule` says why). */
export type CueAction = {type: 'cue'; index: number; error?: string; rule?: string};

/** A kernel or runtime action on one node of a cluster (R-SCHED); plain actions go to the first node. */
export type NodeAction = {type: 'on-node'; node: string; action: KernelAction | RuntimeAction};

/** The cluster's pods submitted again to another scheduler: the one knob flipped (R-SCHED). */
export type RescheduleAction = {type: 'reschedule'; config: SchedulerConfig};

export type Action =
	| KernelAction
	| RuntimeAction
	| NarrationAction
	| BootAction
	| CueAction
	| NodeAction
	| RescheduleAction;

const runtimeTypes = new Set(['createPod', 'deletePod', 'setPodField', 'supervise', 'note']);

export function isRuntimeAction(action: Action): action is RuntimeAction {
	return runtimeTypes.has(action.type);
}

/** A one-line description of an action, for history lists. */
export function describeAction(action: Action): string {
	switch (action.type) {
		case 'syscall':
			return `${action.pid}: ${action.call.call}`;
		case 'signal':
			return `kill -${action.signal.replace(/^SIG/, '')} ${action.pid}`;
		case 'advance':
			return `+${action.ms}ms`;
		case 'createPod':
			return `create pod ${action.pod.name}`;
		case 'deletePod':
			return `delete pod ${action.pod}`;
		case 'setPodField':
			return `${action.pod}: ${action.field}=${action.value}`;
		case 'supervise':
			return `${action.pod}/${action.container}: ${action.with}`;
		case 'say':
			return `say: ${action.text}`;
		case 'chapter':
			return `chapter: ${action.title}`;
		case 'pause':
			return 'pause';
		case 'on-node':
			return `${action.node}: ${describeAction(action.action)}`;
		case 'reschedule':
			return `scheduler: ${action.config.name}`;
		case 'ask':
			return `ask: ${action.question}`;
		case 'reveal':
			return `answer: ${action.answer}`;
		default:
			return action.type;
	}
}
