// The bundled scenarios, parsed when the CLI is built (scripts/build.js writes dist/parsed/NAME.json):
// a launch on a bundled scenario then reads JSON instead of loading the YAML parser and the schema
// (most of the launch, issue 13). The YAML's text is kept beside it: a bundled file edited since the
// build no longer matches and goes through the full loader, so the cache can never be stale.
import {readFileSync} from 'node:fs';
import type {Scenario} from './types.js';

/** Stands for the scenario file's path in the cached JSON (the package may move after the build). */
export const FILE_TOKEN = '@@podplay-scenario-file@@';

export type ParsedBundled = {text: string; scenario: Scenario};

/** The JSON the build writes for one bundled scenario parsed from `text` (with FILE_TOKEN as its path). */
export function parsedJson(text: string, scenario: Scenario): string {
	return JSON.stringify({text, scenario} satisfies ParsedBundled);
}

/**
 * The scenario `file` (whose text is `text`) as the build parsed it, from `cacheDir`, or undefined
 * when there is no cache for it or the file changed since.
 */
export function parsedBundled(cacheDir: URL, name: string, file: string, text: string): Scenario | undefined {
	let json: string;
	try {
		json = readFileSync(new URL(`${name}.json`, cacheDir), 'utf8');
	} catch {
		return undefined;
	}
	const cached = JSON.parse(
		json.replaceAll(JSON.stringify(FILE_TOKEN), JSON.stringify(file)),
	) as ParsedBundled;
	return cached.text === text ? cached.scenario : undefined;
}
