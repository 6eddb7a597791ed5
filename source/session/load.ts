// Loading another scenario for `load NAME`: a bundled name or a file, problems as one sentence.
import {readdirSync} from 'node:fs';
import {basename} from 'node:path';
import type {Scenario} from '../scenario/types.js';

export type Loaded = {ok: true; scenario: Scenario} | {ok: false; message: string};
export type ScenarioLoader = (nameOrFile: string) => Loaded | Promise<Loaded>;

export function bundledLoader(scenariosDir: string): ScenarioLoader {
	return async (nameOrFile) => {
		// The YAML parser and the schema load on the first `load`, not with the playground (issue 13).
		const {formatProblem, loadScenarioFile, resolveScenario} = await import('../scenario/index.js');
		const resolved = await resolveScenario(nameOrFile, scenariosDir);
		if (!resolved.ok) return resolved;
		const result = await loadScenarioFile(resolved.file);
		if (result.ok) return result;
		const [first, ...more] = result.problems;
		const extra = more.length > 0 ? ` (and ${more.length} more problem${more.length > 1 ? 's' : ''})` : '';
		return {ok: false, message: `${first ? formatProblem(first) : `${resolved.file}: cannot load`}${extra}`};
	};
}

/** Bundled scenario names for completion; none if the folder cannot be read. */
export function scenarioNamesIn(dir: string): string[] {
	try {
		return readdirSync(dir)
			.filter((file) => file.endsWith('.yaml'))
			.map((file) => basename(file, '.yaml'))
			.sort();
	} catch {
		return [];
	}
}
