import type {z} from 'zod';
import {closest, didYouMean} from './did-you-mean.js';
import {unknownFieldMessage} from './schema-helpers.js';

/** A problem still located by data path; `key` asks for the key's position rather than the value's. */
export type PathProblem = {path: PropertyKey[]; message: string; key?: boolean; suggestion?: string};

/** `titel:` already says "did you mean title": a second "missing required field title" adds nothing. */
function withoutEchoes(problems: PathProblem[]): PathProblem[] {
	const suggested = new Set(
		problems
			.filter((problem) => problem.suggestion)
			.map((problem) => JSON.stringify([...problem.path.slice(0, -1), problem.suggestion].map(String))),
	);
	return problems.filter(
		(problem) =>
			!(
				problem.message.startsWith('missing required field') &&
				suggested.has(JSON.stringify(problem.path.map(String)))
			),
	);
}

type Issue = z.core.$ZodIssue;

/** Turns zod issues into one-sentence messages at the right node. */
export function issueProblems(issues: readonly Issue[], base: PropertyKey[] = []): PathProblem[] {
	return withoutEchoes(rawProblems(issues, base));
}

function rawProblems(issues: readonly Issue[], base: PropertyKey[]): PathProblem[] {
	return issues.flatMap((issue) => {
		const path = [...base, ...issue.path];
		if (issue.code === 'invalid_union') return unionProblems(issue, path);
		if (issue.code === 'custom' && issue.params?.unknownField) {
			const key = String(path.at(-1));
			const candidates = issue.params.candidates as string[];
			const suggestion = closest(key, candidates);
			return [
				{path, key: true, message: unknownFieldMessage(key, candidates), ...(suggestion ? {suggestion} : {})},
			];
		}
		if (issue.code === 'custom' && issue.params?.atKey) return [{path, key: true, message: issue.message}];
		return [{path, message: issueMessage(issue, path)}];
	});
}

/**
 * A union failed: drop the members whose only complaint is the value's type at the union itself (a
 * map given where a string is also allowed); if one member is left, its issues are the real ones.
 */
function unionProblems(issue: z.core.$ZodIssueInvalidUnion, path: PropertyKey[]): PathProblem[] {
	const members = issue.errors.filter(
		(errors) => !(errors.length === 1 && errors[0]!.code === 'invalid_type' && errors[0]!.path.length === 0),
	);
	if (members.length === 1) return rawProblems(members[0]!, path);
	const expected = issue.errors
		.flatMap((errors) => errors.filter((error) => error.code === 'invalid_type' && error.path.length === 0))
		.map((error) => article((error as z.core.$ZodIssueInvalidType).expected));
	const what = expected.length > 0 ? expected.join(' or ') : 'a different value';
	return [{path, message: `${fieldName(path)}expected ${what}, got ${describe(issue.input)}`}];
}

function issueMessage(issue: Issue, path: PropertyKey[]): string {
	const field = fieldName(path);
	switch (issue.code) {
		case 'invalid_type':
			if (issue.input === undefined) return `missing required field "${String(path.at(-1))}"`;
			return `${field}expected ${article(issue.expected)}, got ${describe(issue.input)}`;
		case 'invalid_value': {
			const values = issue.values.map(String);
			if (issue.message && !issue.message.startsWith('Invalid')) return issue.message;
			const hint = typeof issue.input === 'string' ? didYouMean(issue.input, values) : '';
			return `${field}expected ${values.join(' or ')}, got ${describe(issue.input)}${hint}`;
		}
		case 'too_small':
			if (issue.origin === 'array') return `${field}needs at least ${issue.minimum} item(s)`;
			if (issue.origin === 'string') return `${field}must not be empty`;
			return `${field}must be at least ${issue.minimum}, got ${describe(issue.input)}`;
		case 'too_big':
			return `${field}must be at most ${issue.maximum}, got ${describe(issue.input)}`;
		case 'invalid_format':
			return issue.message.startsWith('Invalid')
				? `${field}invalid value ${describe(issue.input)}`
				: issue.message;
		default:
			return issue.message.startsWith('Invalid') ? `${field}${issue.message.toLowerCase()}` : issue.message;
	}
}

function fieldName(path: readonly PropertyKey[]): string {
	const last = [...path].reverse().find((segment) => typeof segment === 'string');
	return last === undefined ? '' : `${last}: `;
}

function article(type: string): string {
	const names: Record<string, string> = {
		int: 'an integer',
		number: 'a number',
		string: 'a string',
		boolean: 'a boolean (true or false)',
		array: 'a list',
		object: 'a map',
		record: 'a map',
	};
	return names[type] ?? type;
}

/** How a YAML value reads back to the user. */
export function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'a map';
	if (typeof value === 'string') return JSON.stringify(value);
	return String(value);
}
