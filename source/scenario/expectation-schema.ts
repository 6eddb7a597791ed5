import {z} from 'zod';
import {
	containerRef,
	exactlyOne,
	fields,
	ipcKey,
	NO_POSITION,
	quantity,
	subjectUnion,
	target,
	withoutUndefined,
} from './schema-helpers.js';
import type {Expectation} from './types.js';

const count = z.int().nonnegative();

const processExpectation = fields({
	target,
	state: z.enum(['R', 'S', 'Z', 'T']).optional(),
	exists: z.boolean().optional(),
	parent: target.optional(),
	comm: z.string().optional(),
}).transform(
	(value): Expectation => ({subject: 'process', ...withoutUndefined(value), position: NO_POSITION}),
);

const podExpectation = fields({
	pod: z.string(),
	zombies: count.optional(),
	phase: z.enum(['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown']).optional(),
	status: z.string().optional(),
	ready: z
		.string()
		.regex(/^\d+\/\d+$/, 'ready: write it as kubectl prints it, e.g. "1/2"')
		.optional(),
	// In a cluster (R-SCHED): where it is bound, whether it is, and PodScheduled's reason.
	node: z.string().optional(),
	scheduled: z.boolean().optional(),
	reason: z.enum(['Unschedulable']).optional(),
}).transform((value): Expectation => ({subject: 'pod', ...withoutUndefined(value), position: NO_POSITION}));

const containerExpectation = fields({
	container: containerRef,
	state: z.enum(['waiting', 'running', 'terminated']).optional(),
	reason: z.string().optional(),
	exitCode: z.int().optional(),
	restartCount: count.optional(),
	ready: z.boolean().optional(),
	// In a cluster: placed apart from the rest of its pod, or refused while the rest runs (R-SCHED-S8).
	node: z.string().optional(),
	stranded: z.boolean().optional(),
}).transform(
	({container, ...rest}): Expectation => ({
		subject: 'container',
		...container,
		...withoutUndefined(rest),
		position: NO_POSITION,
	}),
);

const queueSelector = fields({pod: z.string().optional(), ipc: z.literal('host').optional()})
	.refine(exactlyOne(['pod', 'ipc']), 'queue: write {pod: NAME} or {ipc: host}')
	.transform((value) =>
		value.pod !== undefined ? {kind: 'pod' as const, pod: value.pod} : {kind: 'host' as const},
	);

const queueExpectation = fields({
	queue: queueSelector,
	key: ipcKey,
	exists: z.boolean().optional(),
	messages: count.optional(),
	bytes: count.optional(),
}).transform(
	({queue, ...rest}): Expectation => ({
		subject: 'queue',
		ipc: queue,
		...withoutUndefined(rest),
		position: NO_POSITION,
	}),
);

const logsExpectation = fields({
	logs: containerRef,
	contains: z.string().optional(),
	lines: count.optional(),
	previous: z.boolean().optional(),
}).transform(
	({logs, ...rest}): Expectation => ({
		subject: 'logs',
		...logs,
		...withoutUndefined(rest),
		position: NO_POSITION,
	}),
);

const nodeExpectation = fields({
	node: z.string(),
	allocated: quantity.optional(),
	held: quantity.optional(),
}).transform((value): Expectation => ({subject: 'node', ...withoutUndefined(value), position: NO_POSITION}));

const deadlockExpectation = fields({deadlock: z.boolean()}).transform(
	(value): Expectation => ({subject: 'deadlock', ...value, position: NO_POSITION}),
);

const conflictsExpectation = fields({conflicts: count}).transform(
	(value): Expectation => ({subject: 'conflicts', ...value, position: NO_POSITION}),
);

/** One assertion: a map with one subject key (target, pod, container, queue, logs, node, deadlock, conflicts). */
export const expectation = subjectUnion(
	'an expectation',
	{
		target: processExpectation,
		pod: podExpectation,
		container: containerExpectation,
		queue: queueExpectation,
		logs: logsExpectation,
		node: nodeExpectation,
		deadlock: deadlockExpectation,
		conflicts: conflictsExpectation,
	},
	{pod: ['node'], container: ['node']},
);
