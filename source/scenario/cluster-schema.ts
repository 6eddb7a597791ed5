// `nodes:` and `scheduler:` of a scenario: a small cluster and the scheduler that places its Pods
// (R-SCHED). Without `nodes:` a scenario is one node, as always.
import {z} from 'zod';
import type {SchedulerConfig} from '../cluster/index.js';
import {cpu, dnsName, duration, fields, jsonSchemaStandIns, quantity} from './schema-helpers.js';

export const clusterNode = fields({
	name: dnsName('a node name'),
	memory: quantity.meta({description: 'Allocatable memory, e.g. 1280Mi or 3Gi'}),
	cpu: cpu.optional(),
});

const omegaScheduler = fields({
	name: z.string().min(1),
	tJob: duration.default(100).meta({description: 't_job: time to think about a job (default 100ms)'}),
	tTask: duration.default(5).meta({description: 't_task: time per task (default 5ms)'}),
	transactions: z.enum(['incremental', 'all-or-nothing']).optional(),
});

const kubernetes = fields({name: z.literal('kubernetes')});
const swarm = fields({
	name: z.literal('swarm'),
	strategy: z.enum(['spread', 'binpack', 'random']).default('spread'),
	overcommit: z.number().min(0).max(1).default(0.05),
	// R-SCHED-S2, S6: affinity:container==main (hard) or ==~main (soft: dropped when it cannot be met).
	affinity: z.enum(['hard', 'soft']).default('hard'),
});
const mesos = fields({
	name: z.literal('mesos'),
	frameworks: z.array(z.string().min(1)).default([]),
	offerTimeout: duration.optional(),
});
const omega = fields({
	name: z.literal('omega'),
	transactions: z.enum(['incremental', 'all-or-nothing']).default('incremental'),
	conflicts: z.enum(['fine', 'coarse']).default('fine'),
	jobs: z.enum(['pod', 'container']).default('pod'),
	placement: z.enum(['first-fit', 'random']).default('first-fit'),
	schedulers: z.array(omegaScheduler).default([]),
});

const NAMES = ['kubernetes', 'swarm', 'mesos', 'omega'] as const;

/** `scheduler: mesos`, or a map with `name:` and that scheduler's options. */
export const schedulerSchema = z
	.union([
		z.enum(NAMES),
		z.record(z.string(), z.unknown()).refine((v) => NAMES.includes(v.name as (typeof NAMES)[number]), {
			message: `scheduler name: expected one of ${NAMES.join(', ')}`,
			path: ['name'],
		}),
	])
	.transform((value, context): SchedulerConfig => {
		const input = typeof value === 'string' ? {name: value} : value;
		const schema = {kubernetes, swarm, mesos, omega}[input.name as (typeof NAMES)[number]];
		const parsed = schema.safeParse(input, {reportInput: true});
		if (!parsed.success) {
			for (const issue of parsed.error.issues)
				context.addIssue(issue as Parameters<typeof context.addIssue>[0]);
			return z.NEVER;
		}
		return toConfig(
			parsed.data as
				| z.output<typeof omega>
				| z.output<typeof swarm>
				| z.output<typeof mesos>
				| {name: 'kubernetes'},
		);
	})
	.meta({description: 'kubernetes (default), swarm, mesos or omega, or a map with name and options'});

function toConfig(v: {name: string} & Record<string, unknown>): SchedulerConfig {
	switch (v.name) {
		case 'swarm': {
			const s = v as z.output<typeof swarm>;
			return {
				name: 'swarm',
				strategy: s.strategy,
				overcommit: s.overcommit,
				...(s.affinity === 'soft' ? {affinity: 'soft' as const} : {}),
			};
		}
		case 'mesos': {
			const m = v as z.output<typeof mesos>;
			return {
				name: 'mesos',
				frameworks: m.frameworks,
				...(m.offerTimeout === undefined ? {} : {offerTimeout: m.offerTimeout}),
			};
		}
		case 'omega': {
			const o = v as z.output<typeof omega>;
			const schedulers = (o.schedulers.length > 0 ? o.schedulers : [{name: 'S', tJob: 100, tTask: 5}]).map(
				(s) => ({
					name: s.name,
					tJob: s.tJob,
					tTask: s.tTask,
					transactions: ('transactions' in s && s.transactions) || o.transactions,
				}),
			);
			return {name: 'omega', schedulers, conflicts: o.conflicts, jobs: o.jobs, placement: o.placement};
		}
		default:
			return {name: 'kubernetes'};
	}
}

jsonSchemaStandIns.set(schedulerSchema, z.union([z.enum(NAMES), kubernetes, swarm, mesos, omega]));
