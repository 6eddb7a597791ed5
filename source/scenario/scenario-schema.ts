import {z} from 'zod';
import {clusterNode, schedulerSchema} from './cluster-schema.js';
import {DEFAULT_PID_MAX, MAX_PID_MAX} from './limits.js';
import {podSchema} from './pod-schema.js';
import {programSpec} from './program-schema.js';
import {fields, quantity} from './schema-helpers.js';
import {step} from './timeline-schema.js';

export {DEFAULT_PID_MAX, MAX_PID_MAX} from './limits.js';

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
