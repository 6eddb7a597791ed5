// The launch's fast path (issue 13): a bundled scenario by name, as the build parsed it, without
// loading the YAML parser or the schema. Anything else — a file, an unknown name, a bundled file
// edited since the build, no build at all — returns undefined and goes through the full loader.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {parsedBundled} from '../scenario/parsed-bundled.js';
import {isScenarioPath} from '../scenario/scenario-path.js';
import type {Scenario} from '../scenario/types.js';
import {bundledDir} from './bundled-dir.js';

export function quickLoad(nameOrFile: string): Scenario | undefined {
	// Only a bare name means a bundled scenario (resolveScenario's rule).
	if (isScenarioPath(nameOrFile) || !/^[\w.-]+$/.test(nameOrFile)) return undefined;
	const file = join(bundledDir(), `${nameOrFile}.yaml`);
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}
	// Beside the bundled chunks in dist/ (scripts/build.js); absent when run from source.
	return parsedBundled(new URL('./parsed/', import.meta.url), nameOrFile, file, text);
}
