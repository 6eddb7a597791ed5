import {printable} from '../text/printable.js';
import type {Scenario} from './types.js';

/** A place in a source file; both numbers start at 1. */
export type Position = {line: number; column: number};

/** One user-facing problem: printed as `file:line:column: message`. */
export type Problem = {file: string; line: number; column: number; message: string};

/** What loading a scenario gives: the scenario, or every problem found in the file. */
export type LoadResult<T = Scenario> = {ok: true; scenario: T} | {ok: false; problems: Problem[]};

export function formatProblem(problem: Problem): string {
	// The message may echo a value from the file: a newline in it must not start a line of its own.
	return `${printable(problem.file)}:${problem.line}:${problem.column}: ${printable(problem.message)}`;
}

/** Problems sorted by position (stable for equal positions), duplicates removed. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
	const seen = new Set<string>();
	return [...problems]
		.sort((a, b) => a.line - b.line || a.column - b.column)
		.filter((problem) => {
			const key = formatProblem(problem);
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		});
}
