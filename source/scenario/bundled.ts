import {readdir} from 'node:fs/promises';
import {basename, join} from 'node:path';
import {didYouMean} from './did-you-mean.js';
import {loadScenarioFile} from './load-scenario-file.js';
import {isScenarioPath} from './scenario-path.js';

export type BundledScenario = {name: string; title: string; file: string};

/** The scenarios shipped in `dir` (`NAME.yaml`), sorted by name; files that fail to load are skipped. */
export async function listBundledScenarios(dir: string): Promise<BundledScenario[]> {
	const names = await scenarioNames(dir);
	const list = await Promise.all(
		names.map(async (name) => {
			const file = join(dir, `${name}.yaml`);
			const result = await loadScenarioFile(file);
			return result.ok ? {name, title: result.scenario.title, file} : undefined;
		}),
	);
	return list.filter((entry) => entry !== undefined);
}

export type Resolved = {ok: true; file: string} | {ok: false; message: string};

/**
 * A path (anything with a slash or a .yaml/.yml/.json ending) is used as it is; a bare NAME means
 * `dir/NAME.yaml`, and an unknown name gets a did-you-mean among the bundled names.
 */
export async function resolveScenario(nameOrFile: string, dir: string): Promise<Resolved> {
	if (isScenarioPath(nameOrFile)) return {ok: true, file: nameOrFile};
	const names = await scenarioNames(dir);
	if (names.includes(nameOrFile)) return {ok: true, file: join(dir, `${nameOrFile}.yaml`)};
	const hint = didYouMean(nameOrFile, names);
	const known = names.length > 0 ? ` (bundled: ${names.join(', ')})` : '';
	return {ok: false, message: `unknown scenario "${nameOrFile}"${hint || known}`};
}

async function scenarioNames(dir: string): Promise<string[]> {
	try {
		const files = await readdir(dir);
		return files
			.filter((file) => file.endsWith('.yaml'))
			.map((file) => basename(file, '.yaml'))
			.sort();
	} catch {
		return [];
	}
}
