// Finding and loading a scenario for a command: bad input is one line per problem, exit 2.
import {formatProblem, loadScenarioFile, resolveScenario, type Scenario} from '../scenario/index.js';
import {bundledDir} from './bundled-dir.js';
import type {Output} from './output.js';

export {bundledDir};

export async function loadScenario(nameOrFile: string, o: Output): Promise<Scenario | undefined> {
	const resolved = await resolveScenario(nameOrFile, bundledDir());
	if (!resolved.ok) {
		o.err(`podplay: ${resolved.message}`);
		return undefined;
	}
	const result = await loadScenarioFile(resolved.file);
	if (!result.ok) {
		for (const problem of result.problems) o.err(formatProblem(problem));
		return undefined;
	}
	return result.scenario;
}
