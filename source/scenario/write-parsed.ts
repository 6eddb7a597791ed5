// Build step (scripts/build.js): every bundled scenario parsed once, written as JSON beside the
// bundle (parsed-bundled.ts reads it at launch). A scenario whose parse does not survive JSON
// exactly is not written: it then loads through the full loader, never differently.

import {mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {isDeepStrictEqual} from 'node:util';
import {parseScenario} from './parse-scenario.js';
import {FILE_TOKEN, type ParsedBundled, parsedJson} from './parsed-bundled.js';

/** Writes `outDir/NAME.json` for each `scenariosDir/NAME.yaml` that parses; returns the names. */
export function writeParsed(scenariosDir: string, outDir: string): {written: string[]; skipped: string[]} {
	mkdirSync(outDir, {recursive: true});
	const written: string[] = [];
	const skipped: string[] = [];
	for (const file of readdirSync(scenariosDir)
		.filter((f) => f.endsWith('.yaml'))
		.sort()) {
		const name = file.slice(0, -'.yaml'.length);
		const text = readFileSync(join(scenariosDir, file), 'utf8');
		const result = parseScenario(text, FILE_TOKEN);
		if (!result.ok) {
			skipped.push(name);
			continue;
		}
		const json = parsedJson(text, result.scenario);
		if (!isDeepStrictEqual((JSON.parse(json) as ParsedBundled).scenario, result.scenario)) {
			skipped.push(name);
			continue;
		}
		writeFileSync(join(outDir, `${name}.json`), json);
		written.push(name);
	}
	return {written, skipped};
}
