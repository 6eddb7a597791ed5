import {z} from 'zod';
import {schedulerSchema} from './cluster-schema.js';
import {expectation} from './expectation-schema.js';
import {ownParameters, programName, programParams} from './program-schema.js';
import {
	duration,
	exactlyOne,
	fields,
	NO_POSITION,
	signal,
	target,
	withoutUndefined,
} from './schema-helpers.js';
import {FOCUS_PANES, type ProgramSpec, type TimelineAction, type TimelineStep} from './types.js';

const actions = {
	say: z.string(),
	// Play stops here until the viewer goes on (a presenter's click, space in the playground).
	pause: z.literal(true, {error: 'pause: write `pause: true` (play stops here until the viewer goes on)'}),
	chapter: z.union([
		z.string(),
		fields({
			title: z.string(),
			notes: z.string().optional(),
			/** The playground pane this chapter is about: it is shown when the chapter starts. */
			focus: z.enum(FOCUS_PANES).optional(),
		}),
	]),
	// R-SIG-7: one process, a process group (kill -PGID) or kill(-1); from the node or from a process.
	kill: fields({
		target: target.optional(),
		group: target.optional(),
		all: z.literal(true).optional(),
		from: target.optional(),
		signal: signal.default('SIGTERM'),
	})
		.refine(
			exactlyOne(['target', 'group', 'all']),
			'kill: give one of target, group (its process group) or all: true',
		)
		.refine((kill) => !kill.all || kill.from !== undefined, {
			message:
				'kill: all (kill(-1)) needs from: TARGET, the process that calls it; from the node it would signal every process on the node',
			path: ['all'],
		}),
	spawn: z.lazy(() =>
		fields({parent: target, program: programName, ...programParams()}).superRefine(ownParameters),
	),
	exit: fields({target, code: z.int().min(0).max(255).default(0)}),
	set: fields({
		pod: z.string(),
		field: z.enum(['shareProcessNamespace', 'hostIPC', 'hostPID', 'hostNetwork']),
		value: z.boolean(),
	}),
	supervise: fields({pod: z.string(), container: z.string(), with: z.enum(['systemd', 'tini', 'dumb-init'])}),
	delete: fields({pod: z.string()}),
	expect: z.array(expectation).min(1),
	// R-SCHED: the same pods again under another scheduler (the one knob flipped).
	scheduler: z.lazy(() => schedulerSchema),
	ask: fields({
		question: z.string(),
		choices: z
			.array(fields({text: z.string(), expect: z.array(expectation).min(1)}))
			.min(2)
			.max(9),
		answer: z.int().min(1).max(9),
		explain: z.string(),
		reveal: duration.default(1000),
	}),
};

type Actions = {[Key in keyof typeof actions]: z.output<(typeof actions)[Key]>};
export const ACTION_NAMES = Object.keys(actions) as (keyof Actions)[];

/** `{at, <one action>}` → `{at, action}`; the loader fills in `position` (and the assertions'). */
export const step = fields({
	at: duration,
	say: actions.say.optional(),
	pause: actions.pause.optional(),
	chapter: actions.chapter.optional(),
	kill: actions.kill.optional(),
	spawn: actions.spawn.optional(),
	exit: actions.exit.optional(),
	set: actions.set.optional(),
	supervise: actions.supervise.optional(),
	delete: actions.delete.optional(),
	expect: actions.expect.optional(),
	scheduler: actions.scheduler.optional(),
	ask: actions.ask.optional(),
}).transform((value, context): TimelineStep => {
	const present = ACTION_NAMES.filter((name) => value[name] !== undefined);
	if (present.length !== 1) {
		context.addIssue({
			code: 'custom',
			message:
				present.length === 0
					? `a step needs one action: ${ACTION_NAMES.join(', ')}`
					: `a step has ${present.length} actions (${present.join(', ')}); give each its own step with the same "at"`,
		});
		return z.NEVER;
	}
	const name = present[0]!;
	return {at: value.at, position: NO_POSITION, action: toAction(name, value[name] as Actions[typeof name])};
});

function toAction<Name extends keyof Actions>(name: Name, value: Actions[Name]): TimelineAction {
	const input = value as Actions[keyof Actions];
	switch (name) {
		case 'say':
			return {type: 'say', text: input as string};
		case 'pause':
			return {type: 'pause'};
		case 'chapter':
			return typeof input === 'string'
				? {type: 'chapter', title: input}
				: {type: 'chapter', ...withoutUndefined(input as Actions['chapter'] & object)};
		case 'spawn': {
			const {parent, ...spec} = input as Actions['spawn'];
			return {type: 'spawn', parent, spec: withoutUndefined(spec) as ProgramSpec};
		}
		case 'expect':
			return {type: 'expect', assertions: input as Actions['expect']};
		case 'scheduler':
			return {type: 'scheduler', config: input as Actions['scheduler']};
		case 'ask':
			return {type: 'ask', ...(input as Actions['ask']), answerPosition: NO_POSITION};
		default:
			return {type: name, ...(input as object)} as TimelineAction;
	}
}
