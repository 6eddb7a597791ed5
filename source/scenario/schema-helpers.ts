import {z} from 'zod';
import type {SignalName} from '../kernel/index.js';
import {didYouMean} from './did-you-mean.js';
import {parseDuration} from './duration.js';
import {K8S_FIELDS, type K8sTypeName} from './k8s-fields.js';
import {parseQuantity} from './quantity.js';
import {normaliseSignal} from './signals.js';
import {parseContainerRef, parseTarget} from './target.js';

/**
 * The value schema for a key an object does not declare. The issue carries the candidates, so the
 * message can name the closest one; JSON Schema sees `{not: {}}` (no extra keys allowed).
 */
function unknownField(candidates: readonly string[]) {
	return z
		.any()
		.superRefine((_value, context) => {
			context.addIssue({code: 'custom', message: 'unknown field', params: {unknownField: true, candidates}});
		})
		.meta({not: {}});
}

/** Builds the did-you-mean message for an unknown-field issue (see unknownField). */
export function unknownFieldMessage(key: string, candidates: readonly string[]): string {
	return `unknown field "${key}"${didYouMean(key, candidates)}`;
}

/** An object that refuses keys it does not declare. */
export function fields<Shape extends z.ZodRawShape>(shape: Shape) {
	return z.object(shape).catchall(unknownField(Object.keys(shape)));
}

type Unchecked<Name extends K8sTypeName> = {
	[Key in (typeof K8S_FIELDS)[Name][number]]: z.ZodOptional<z.ZodUnknown>;
};

/**
 * A Kubernetes object: every real field of the type is accepted (unchecked unless `typed` gives it a
 * schema, because podplay simulates it); any other key is an error with a did-you-mean.
 */
export function k8sObject<Name extends K8sTypeName, Typed extends z.ZodRawShape>(name: Name, typed: Typed) {
	const names = K8S_FIELDS[name] as readonly string[];
	const unchecked = Object.fromEntries(
		names.map((field) => [field, z.unknown().optional()]),
	) as Unchecked<Name>;
	return z
		.object({...unchecked, ...typed} as Omit<Unchecked<Name>, keyof Typed> & Typed)
		.catchall(unknownField(names));
}

/** Adds a custom issue and returns z.NEVER: the transform's way to fail with our own message. */
function fail(context: z.RefinementCtx, message: string): never {
	context.addIssue({code: 'custom', message});
	return z.NEVER;
}

/** `0`, `250ms`, `1.5s`, `1m30s` → milliseconds. */
export const duration = z
	.union([z.string(), z.number()])
	.transform((value, context) => {
		const result = parseDuration(value);
		return result.ok ? result.ms : fail(context, result.message);
	})
	.meta({description: 'A duration: 0, 250ms, 1.5s, 2m, 1m30s'});

/** A Kubernetes quantity (`300Mi`, `8Gi`) → bytes. */
export const quantity = z
	.union([z.string(), z.number()])
	.transform((value, context) => {
		const result = parseQuantity(value);
		return result.ok ? result.value : fail(context, result.message);
	})
	.meta({description: 'A Kubernetes quantity such as 300Mi or 8Gi'});

/** A cpu quantity (`500m`, `2`) → millicores. */
export const cpu = z
	.union([z.string(), z.number()])
	.transform((value, context) => {
		const result = parseQuantity(value);
		return result.ok ? Math.round(result.value * 1000) : fail(context, result.message);
	})
	.meta({description: 'A cpu quantity such as 500m or 2'});

/** `TERM`, `sigterm`, `SIGTERM` → `SIGTERM`. */
export const signal = z
	.union([z.string(), z.int()])
	.transform((value, context) => {
		const result = normaliseSignal(value);
		return result.ok ? (result.signal as SignalName) : fail(context, result.message);
	})
	.meta({description: 'A signal name such as SIGTERM or TERM'});

export const target = z
	.string()
	.transform((value, context) => {
		const result = parseTarget(value);
		return result.ok ? result.target : fail(context, result.message);
	})
	.meta({description: 'pod/container, pod/container#N (namespace PID), pid:N (host PID) or comm:NAME'});

export const containerRef = z
	.string()
	.transform((value, context) => {
		return parseContainerRef(value) ?? fail(context, `invalid container "${value}"; write pod/container`);
	})
	.meta({description: 'pod/container'});

/** A System V IPC key: an integer or a hex string such as 0x42. */
export const ipcKey = z
	.union([
		z.int().nonnegative(),
		z.string().regex(/^0[xX][0-9a-fA-F]+$|^\d+$/, 'key: expected an integer or a hex string such as 0x42'),
	])
	.transform((value) => (typeof value === 'number' ? value : Number(value)))
	.meta({description: 'A System V IPC key: an integer or a hex string such as 0x42'});

/** A required name made of DNS-label characters (Kubernetes names; also safe inside targets). */
export const dnsName = (what: string) =>
	z
		.string()
		.regex(
			/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/,
			`${what} must consist of lower case letters, digits, '-' and '.', and start and end with a letter or digit`,
		);

/**
 * Schemas that validate with a transform (so their errors stay precise) but should look like another
 * schema in the generated JSON Schema. json-schema.ts swaps them in.
 */
export const jsonSchemaStandIns = new Map<z.ZodType, z.ZodType>();

/** Where a parsed item's position goes until the loader fills it in from the YAML document. */
export const NO_POSITION = {line: 0, column: 0};

/**
 * A map that must carry exactly one of several subject keys; the subject picks the schema. This gives
 * "unknown field" errors against the right schema instead of zod's "no union member matched".
 */
export function subjectUnion<Subjects extends Record<string, z.ZodType>>(
	what: string,
	subjects: Subjects,
	/** Subject keys another subject also takes as a field ({pod, node} is a pod's node). */
	alsoFields: Partial<Record<keyof Subjects, string[]>> = {},
) {
	const keys = Object.keys(subjects);
	const schema = z.record(z.string(), z.unknown()).transform((value, context) => {
		const all = keys.filter((key) => value[key] !== undefined);
		const present = all.filter((key) => !all.some((other) => alsoFields[other]?.includes(key)));
		if (present.length !== 1) {
			const found = present.length === 0 ? 'none' : present.join(' and ');
			return fail(context, `${what} needs exactly one of ${keys.join(', ')} (found ${found})`);
		}
		const result = subjects[present[0]!]!.safeParse(value, {reportInput: true});
		if (result.success) return result.data as z.output<Subjects[keyof Subjects]>;
		for (const issue of result.error.issues)
			context.addIssue(issue as Parameters<typeof context.addIssue>[0]);
		return z.NEVER;
	});
	jsonSchemaStandIns.set(schema, z.union(Object.values(subjects)));
	return schema;
}

/** Exactly one of `keys` is set. */
export function exactlyOne(keys: readonly string[]) {
	return (value: Record<string, unknown>) => keys.filter((key) => value[key] !== undefined).length === 1;
}

/** Plain data without `key: undefined` entries, so an absent field stays absent and specs compare cleanly. */
export function withoutUndefined<T extends object>(value: T): T {
	return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
