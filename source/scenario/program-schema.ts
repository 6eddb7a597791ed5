import {z} from 'zod';
import {didYouMean} from './did-you-mean.js';
import {duration, fields, ipcKey, quantity, signal, withoutUndefined} from './schema-helpers.js';
import {PROGRAM_NAMES, type ProgramSpec} from './types.js';

export const programName = z.enum(PROGRAM_NAMES, {
	error: (issue) =>
		typeof issue.input === 'string'
			? `unknown program "${issue.input}"${didYouMean(issue.input, PROGRAM_NAMES)}`
			: `program: expected one of ${PROGRAM_NAMES.join(', ')}`,
});

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
		interval: duration.optional(),
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
		delay: duration.optional(),
	};
}

export const programSpec: z.ZodType<ProgramSpec, unknown> = z.lazy(() =>
	fields({program: programName, ...programParams()}).transform(withoutUndefined),
);

const childSpec: z.ZodType<ProgramSpec & {count: number}, unknown> = z.lazy(() =>
	fields({program: programName, count: z.int().min(1).default(1), ...programParams()}).transform(
		withoutUndefined,
	),
);
