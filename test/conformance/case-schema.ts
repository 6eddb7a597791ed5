// The case format: one YAML file per case, a list of operations on labelled processes. Each
// operation mirrors one system call (or one thing the controller does from outside) so the
// real driver and the model adapter map it one to one.
import {z} from 'zod';
import {processFields} from './observations.js';

const label = z.string().regex(/^[a-z][a-z0-9_-]*$/, 'a label is lower-case letters, digits, "-" or "_"');
const signalName = z
	.string()
	.regex(/^(SIG)?[A-Z][A-Z0-9+]*$/, 'a signal is a name such as TERM or SIGTERM')
	.transform((s) => (s.startsWith('SIG') ? s : `SIG${s}`));
const outcome = z.union([z.string(), z.looseObject({result: z.string().optional()})]);
const withExpect = {expect: outcome.optional()};
const who = {who: label, ...withExpect};

const view = z.strictObject({
	state: z.enum(['alive', 'zombie', 'stopped', 'gone', 'never']).optional(),
	parent: z.string().optional(),
	nspid: z.array(z.number().int()).optional(),
	ppid: z.number().int().optional(),
	blocked: z.string().optional(),
	handled: z.array(signalName).optional(),
});
const queue = z.strictObject({key: z.number().int(), messages: z.number().int(), bytes: z.number().int()});

export const operations = {
	fork: z.strictObject({
		parent: label,
		as: label,
		newpid: z.boolean().optional(),
		newipc: z.boolean().optional(),
		behaviour: z.enum(['idle', 'pause', 'reaper']).optional(),
		...withExpect,
	}),
	unshare: z.strictObject({...who, pid: z.boolean().optional(), ipc: z.boolean().optional()}),
	setns: z.strictObject({...who, target: label, types: z.array(z.enum(['pid', 'ipc'])).min(1)}),
	exit: z.strictObject({...who, code: z.number().int().min(0).max(255).default(0)}),
	kill: z.strictObject({
		from: label,
		to: z.union([label, z.number().int()]),
		signal: signalName,
		...withExpect,
	}),
	wait: z.strictObject({
		...who,
		pid: z.union([label, z.literal(-1)]).optional(),
		nohang: z.boolean().optional(),
	}),
	subreaper: z.strictObject(who),
	sigaction: z.strictObject({
		...who,
		signal: signalName,
		action: z.enum(['default', 'ignore', 'handle']),
		nocldwait: z.boolean().optional(),
	}),
	block: z.strictObject({...who, signals: z.array(signalName).min(1)}),
	unblock: z.strictObject({...who, signals: z.array(signalName).min(1)}),
	sigwait: z.strictObject({...who, signals: z.array(signalName).min(1)}),
	exec: z.strictObject(who),
	msgget: z.strictObject({...who, key: z.number().int(), create: z.boolean().optional()}),
	msgsnd: z.strictObject({
		...who,
		key: z.number().int(),
		size: z.number().int().min(0),
		mtype: z.number().int().optional(),
		nowait: z.boolean().optional(),
	}),
	msgrcv: z.strictObject({
		...who,
		key: z.number().int(),
		mtype: z.number().int().optional(),
		nowait: z.boolean().optional(),
	}),
	msgctl_rmid: z.strictObject({...who, key: z.number().int()}),
	pids_max: z.strictObject({...who, max: z.number().int().min(1)}),
	pin_ipc: z.strictObject({...who, as: label}),
	unpin_ipc: z.strictObject({name: label, ...withExpect}),
	// Only where the real kernel needs settling the controller cannot see; capped at 500 ms.
	sleep: z.strictObject({ms: z.number().int().min(0).max(500)}),
	observe: z.strictObject({
		processes: z.array(label).optional(),
		fields: z.array(z.enum(processFields)).optional(),
		queues: z.array(label).optional(),
		pids: z.array(label).optional(),
		expect: z
			.strictObject({
				processes: z.record(z.string(), view).optional(),
				queues: z.record(z.string(), z.array(queue)).optional(),
				pids: z.record(z.string(), z.number().int()).optional(),
			})
			.optional(),
	}),
} as const;

export type OpName = keyof typeof operations;
export const opNames = Object.keys(operations) as OpName[];

/** A step after loading: `kill.from` is folded into `who` like every other actor. */
export type Step = {
	[K in OpName]: {op: K; line: number} & Omit<z.output<(typeof operations)[K]>, 'from'> &
		(K extends 'kill' ? {who: string} : unknown);
}[OpName];

export const caseHeader = z.strictObject({
	id: z.string().regex(/^K\d+$/, 'a case id is K and a number, as in semantics.md section 10'),
	title: z.string().min(1),
	rules: z.array(z.string().regex(/^R-[A-Z]+-\d+$/, 'a rule id looks like R-REAP-2')).min(1),
	requires: z.array(z.enum(['cgroup-pids'])).optional(),
	notes: z.string().optional(),
	steps: z.array(z.unknown()).min(1),
});

export type Case = Omit<z.output<typeof caseHeader>, 'steps'> & {file: string; steps: Step[]};
