import {z} from 'zod';
import {
	containerRef,
	exactlyOne,
	fields,
	ipcKey,
	NO_POSITION,
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
}).transform((value): Expectation => ({subject: 'pod', ...withoutUndefined(value), position: NO_POSITION}));

const containerExpectation = fields({
	container: containerRef,
	state: z.enum(['waiting', 'running', 'terminated']).optional(),
	reason: z.string().optional(),
	exitCode: z.int().optional(),
	restartCount: count.optional(),
	ready: z.boolean().optional(),
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

/** One assertion: a map with one subject key (target, pod, container, queue or logs). */
export const expectation = subjectUnion('an expectation', {
	target: processExpectation,
	pod: podExpectation,
	container: containerExpectation,
	queue: queueExpectation,
	logs: logsExpectation,
});
