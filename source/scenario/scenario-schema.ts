import {z} from 'zod';
import {clusterNode, schedulerSchema} from './cluster-schema.js';
import {podSchema} from './pod-schema.js';
import {programSpec} from './program-schema.js';
import {fields, quantity} from './schema-helpers.js';
import {step} from './timeline-schema.js';

/**
 * kernel.pid_max of a scenario's node: 32768 unless set (the kernel's own PID_MAX_DEFAULT; systemd
 * raises it to 4194304 on most real nodes), and at most 65536, because every PID is a simulated
 * process kept in memory: a fork bomb with no pids limit must reach pid_max in bounded time.
 */
export const DEFAULT_PID_MAX = 32_768;
export const MAX_PID_MAX = 65_536;

/** The top level of a scenario file; the single source of truth for validation and the JSON Schema. */
export const scenarioSchema = fields({
	title: z.string().min(1),
	description: z.string().optional(),
	seed: z.int().default(1),
	node: fields({
		memory: quantity.optional(),
		podPidsLimit: z.int().min(1).optional(),
		pid_max: z
			.int()
			.min(301)
			.max(MAX_PID_MAX)
			.optional()
			.meta({description: `kernel.pid_max: ${DEFAULT_PID_MAX} unless set, at most ${MAX_PID_MAX}`}),
	}).default({}),
	nodes: z
		.array(clusterNode)
		.min(1)
		.optional()
		.meta({description: 'A small cluster: its nodes, each with allocatable memory (R-SCHED)'}),
	scheduler: schedulerSchema.optional(),
	pods: z.array(podSchema).default([]),
	programs: z
		.record(z.string().meta({description: 'pod/container'}), programSpec)
		.default({})
		.meta({description: 'What each container runs, keyed pod/container'}),
	timeline: z.array(step).default([]),
}).meta({title: 'podplay scenario'});

export type ScenarioParsed = z.output<typeof scenarioSchema>;
