// Reads a case file into a Case, or throws one sentence with file:line:column.
import {readdirSync, readFileSync} from 'node:fs';
import {basename, join} from 'node:path';
import {isMap, LineCounter, parseDocument} from 'yaml';
import type {z} from 'zod';
import {type Case, caseHeader, type OpName, operations, opNames, type Step} from './case-schema.js';

export class CaseFileError extends Error {}

type Located = {at(path: (string | number)[]): string};

function locator(file: string, doc: ReturnType<typeof parseDocument>, lines: LineCounter): Located {
	return {
		at(path) {
			for (let n = path.length; n >= 0; n--) {
				const node = doc.getIn(path.slice(0, n), true) as {range?: [number, number, number]} | undefined;
				if (node?.range) {
					const {line, col} = lines.linePos(node.range[0]);
					return `${file}:${line}:${col}`;
				}
			}
			return `${file}:1:1`;
		},
	};
}

function firstIssue(error: z.ZodError, prefix: (string | number)[], where: Located): never {
	const issue = error.issues[0]!;
	const path = [...prefix, ...(issue.path as (string | number)[])];
	const field = issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
	throw new CaseFileError(`${where.at(path)}: ${issue.message}${field}`);
}

function closest(word: string): string {
	const score = (name: string) => [...name].filter((ch, i) => word[i] === ch).length;
	return opNames.reduce((best, name) => (score(name) > score(best) ? name : best), opNames[0]!);
}

function loadStep(
	raw: unknown,
	index: number,
	where: Located,
	lines: (path: (string | number)[]) => number,
): Step {
	const path = ['steps', index];
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || Object.keys(raw).length !== 1) {
		throw new CaseFileError(
			`${where.at(path)}: a step is one operation, such as "fork: {parent: host, as: a}"`,
		);
	}
	const [op, args] = Object.entries(raw)[0]!;
	if (!(opNames as string[]).includes(op)) {
		throw new CaseFileError(`${where.at(path)}: unknown operation "${op}" — did you mean "${closest(op)}"?`);
	}
	const parsed = operations[op as OpName].safeParse(args ?? {});
	if (!parsed.success) firstIssue(parsed.error, [...path, op], where);
	const {from, ...rest} = parsed.data as Record<string, unknown>;
	const step = {op, line: lines([...path, op]), ...rest, ...(from === undefined ? {} : {who: from})};
	return step as Step;
}

export function parseCase(text: string, file: string): Case {
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, {prettyErrors: true, lineCounter});
	const where = locator(file, doc, lineCounter);
	if (doc.errors.length > 0) {
		const {linePos, message} = doc.errors[0]!;
		const pos = linePos?.[0];
		throw new CaseFileError(`${file}:${pos?.line ?? 1}:${pos?.col ?? 1}: ${message.split('\n')[0]}`);
	}
	if (!isMap(doc.contents))
		throw new CaseFileError(`${file}:1:1: a case is a mapping with id, title, rules and steps`);
	const header = caseHeader.safeParse(doc.toJS({maxAliasCount: 10}));
	if (!header.success) firstIssue(header.error, [], where);
	const line = (path: (string | number)[]) => Number(where.at(path).split(':').at(-2));
	const steps = header.data.steps.map((raw, i) => loadStep(raw, i, where, line));
	checkLabels(steps, file);
	return {...header.data, file, steps};
}

/** A label must be made by a fork (or be `host`) before a step uses it. */
function checkLabels(steps: Step[], file: string): void {
	const known = new Set(['host']);
	const pins = new Set<string>();
	const need = (name: unknown, step: Step) => {
		if (typeof name === 'string' && !known.has(name) && !pins.has(name)) {
			throw new CaseFileError(`${file}:${step.line}:1: "${name}" is used before a fork makes it`);
		}
	};
	for (const step of steps) {
		if (step.op === 'fork') {
			need(step.parent, step);
			known.add(step.as);
			continue;
		}
		if (step.op === 'pin_ipc') pins.add(step.as);
		if ('who' in step) need(step.who, step);
		if (step.op === 'kill') need(step.to, step);
		if (step.op === 'setns') need(step.target, step);
		if (step.op === 'unpin_ipc') need(step.name, step);
	}
}

export const casesDir = join(import.meta.dirname, 'cases');

export function loadCase(path: string): Case {
	return parseCase(readFileSync(path, 'utf8'), join('test/conformance/cases', basename(path)));
}

export function loadAllCases(dir = casesDir): Case[] {
	return readdirSync(dir)
		.filter((name) => name.endsWith('.yaml'))
		.sort()
		.map((name) => loadCase(join(dir, name)));
}
