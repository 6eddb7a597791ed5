import assert from 'node:assert/strict';
import {fileURLToPath} from 'node:url';
import {formatProblem, type LoadResult, type Scenario} from '../../source/scenario/index.js';

export const fixtures = fileURLToPath(new URL('../fixtures/scenarios/', import.meta.url));

/** The scenario of a successful load, or a failure that prints every problem. */
export function loaded(result: LoadResult<Scenario>): Scenario {
	if (!result.ok) assert.fail(`expected the file to load:\n${result.problems.map(formatProblem).join('\n')}`);
	return result.scenario;
}

/** The formatted problems of a failed load. */
export function problems(result: LoadResult<Scenario>): string[] {
	assert.equal(result.ok, false, 'expected the file to be refused');
	return result.ok ? [] : result.problems.map(formatProblem);
}
