import {z} from 'zod';
import {programs} from '../programs/index.js';
import {closest, didYouMean} from './did-you-mean.js';
import {duration, fields, ipcKey, quantity, signal, withoutUndefined} from './schema-helpers.js';
import {PROGRAM_NAMES, type ProgramSpec} from './types.js';

export const programName = z.enum(PROGRAM_NAMES, {
	error: (issue) =>
		typeof issue.input === 'string'
			? `unknown program "${issue.input}"${didYouMean(issue.input, PROGRAM_NAMES)}`
			: `program: expected one of ${PROGRAM_NAMES.join(', ')}`,
});

/**
 * A program's step: a timer re-armed at the same instant would never let time move on (one moment
 * doing unbounded work), so an interval or delay must be at least 1 ms.
 */
function step(name: string) {
	return duration.refine((ms) => ms >= 1, {
		message: `${name}: must be at least 1ms; a program stepping every 0 ms would never let time move on`,
	});
}

/** What every program takes besides its own parameters. */
const everyProgramTakes = ['program', 'count', 'comm'];

/** The parameters this program declares (programs/*.ts); any other is refused at its key. */
export function programTakes(program: string): string[] {
	return [...(programs[program]?.parameters ?? []), 'comm'];
}

/** For editors (JSON Schema): each program allows only its own parameters (if/then per program). */
function eachProgramsOwn(child: boolean) {
	return {
		allOf: PROGRAM_NAMES.map((name) =>
			Object.fromEntries([
				['if', {properties: {program: {const: name}}, required: ['program']}],
				['then', {propertyNames: {enum: ['program', ...(child ? ['count'] : []), ...programTakes(name)]}}],
			]),
		),
	};
}

let known: string[] | undefined;

export function ownParameters(spec: Record<string, unknown>, context: z.RefinementCtx): void {
	known ??= Object.keys(programParams());
	const program = String(spec.program);
	if (!programs[program]) return;
	const takes = programTakes(program);
	for (const key of Object.keys(spec)) {
		// Keys no program takes are already refused as unknown fields.
		if (!known.includes(key) || everyProgramTakes.includes(key) || takes.includes(key)) continue;
		const near = closest(key, takes);
		context.addIssue({
			code: 'custom',
			path: [key],
			params: {atKey: true},
			message: `${program} does not take "${key}"${near ? ` (did you mean "${near}"?)` : ''}; it takes ${takes.join(', ')}`,
		});
	}
}

/** The parameters every program spec may carry (see types.ts ProgramSpec for their meaning). */
export function programParams() {
	return {
		children: z.array(childSpec).optional(),
		reaps: z.boolean().optional(),
		handle: z.array(signal).optional(),
		ignore: z.array(signal).optional(),
		block: z.array(signal).optional(),
		exitAfter: duration.optional(),
		exitCode: z.int().min(0).max(255).optional(),
		threads: z.array(z.string()).optional(),
		subreaper: z.boolean().optional(),
		print: z.array(z.string()).optional(),
		memory: quantity.optional(),
		key: ipcKey.optional(),
		messages: z.int().nonnegative().optional(),
		interval: step('interval').optional(),
		file: z.string().optional(),
		service: programSpec.optional(),
		restartSec: duration.optional(),
		execAfter: programSpec.optional(),
		comm: z.string().min(1).optional(),
		from: z.string().optional(),
		port: z.int().min(1).max(65535).optional(),
		restart: z.enum(['always', 'on-failure', 'no']).optional(),
		group: z.boolean().optional(),
		single: z.boolean().optional(),
		delay: step('delay').optional(),
		rewrite: z.record(z.string(), z.string()).optional(),
	};
}

export const programSpec: z.ZodType<ProgramSpec, unknown> = z.lazy(() =>
	fields({program: programName, ...programParams()})
		.meta(eachProgramsOwn(false))
		.superRefine(ownParameters)
		.transform(withoutUndefined),
);

const childSpec: z.ZodType<ProgramSpec & {count: number}, unknown> = z.lazy(() =>
	fields({program: programName, count: z.int().min(1).default(1), ...programParams()})
		.meta(eachProgramsOwn(true))
		.superRefine(ownParameters)
		.transform(withoutUndefined),
);
