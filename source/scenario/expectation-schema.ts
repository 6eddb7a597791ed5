import {z} from 'zod';
import {ruleById, rules} from '../rules/index.js';
import {didYouMean} from './did-you-mean.js';
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

/** A count, or bounds on it (`{gte: 1}`, `{lte: 5}`). */
const countOrRange = z.union([
	count,
	fields({gte: count.optional(), lte: count.optional()}).refine(
		// A misspelt bound (`gt:`) is already refused as an unknown field.
		(range) => Object.keys(range).length > 0,
		'write {gte: N} (at least), {lte: N} (at most) or both',
	),
]);

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
	zombies: countOrRange.optional(),
	processes: countOrRange.optional(),
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
	restartCount: countOrRange.optional(),
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

const queueSelector = fields({
	pod: z.string().optional(),
	sandbox: z.int().min(1).optional(),
	ipc: z.literal('host').optional(),
})
	.refine(exactlyOne(['pod', 'ipc']), 'queue: write {pod: NAME}, {pod: NAME, sandbox: N} or {ipc: host}')
	.refine((value) => value.sandbox === undefined || value.pod !== undefined || value.ipc === undefined, {
		message: 'queue: sandbox N names the IPC namespace of a pod’s Nth sandbox; give pod too',
		path: ['sandbox'],
	})
	.transform((value) =>
		value.pod !== undefined
			? {
					kind: 'pod' as const,
					pod: value.pod,
					...(value.sandbox === undefined ? {} : {sandbox: value.sandbox}),
				}
			: {kind: 'host' as const},
	);

const queueExpectation = fields({
	queue: queueSelector,
	key: ipcKey,
	exists: z.boolean().optional(),
	messages: countOrRange.optional(),
	bytes: countOrRange.optional(),
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
	lines: countOrRange.optional(),
	previous: z.boolean().optional(),
}).transform(
	({logs, ...rest}): Expectation => ({
		subject: 'logs',
		...logs,
		...withoutUndefined(rest),
		position: NO_POSITION,
	}),
);

/** A rule id from the catalogue (`podplay rules`), with a did-you-mean for a near miss. */
const ruleId = z.string().refine((id) => ruleById(id) !== undefined, {
	error: (issue) =>
		`unknown rule "${String(issue.input)}"${didYouMean(
			String(issue.input),
			rules.map((r) => r.id),
		)}; \`podplay rules\` lists them`,
});

const eventExpectation = fields({
	event: fields({
		rule: ruleId.optional(),
		reason: z.string().optional(),
		kind: z.string().optional(),
		pod: z.string().optional(),
		comm: z.string().optional(),
		exitCode: z.int().min(0).max(255).optional(),
		contains: z.string().optional(),
	}),
	count: countOrRange.optional(),
}).transform(
	({event, count}): Expectation => ({
		subject: 'event',
		match: withoutUndefined(event),
		...(count === undefined ? {} : {count}),
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

/** One assertion: a map with one subject key (target, pod, container, queue, logs, event, node, deadlock, conflicts). */
export const expectation = subjectUnion(
	'an expectation',
	{
		target: processExpectation,
		pod: podExpectation,
		container: containerExpectation,
		queue: queueExpectation,
		logs: logsExpectation,
		event: eventExpectation,
		node: nodeExpectation,
		deadlock: deadlockExpectation,
		conflicts: conflictsExpectation,
	},
	{pod: ['node'], container: ['node']},
);
