// The build's parsed bundled scenarios (issue 13: launch): what a launch reads instead of the YAML
// is exactly what the full loader gives, and a file edited since the build is never served stale.
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {describe, test} from 'node:test';
import {bundledDir} from '../../source/commands/load.js';
import {listBundledScenarios, loadScenarioFile} from '../../source/scenario/index.js';
import {parsedBundled} from '../../source/scenario/parsed-bundled.js';

const cache = new URL('../../dist/parsed/', import.meta.url);

describe('bundled scenarios parsed at build time', () => {
	test('every bundled scenario has one, equal to what the full loader gives', async () => {
		assert.ok(existsSync(cache), 'dist/parsed/ is missing: run npm run build (npm test does)');
		for (const {name, file} of await listBundledScenarios(bundledDir())) {
			const full = await loadScenarioFile(file);
			assert.ok(full.ok, name);
			const quick = parsedBundled(cache, name, file, readFileSync(file, 'utf8'));
			assert.ok(quick, `${name}: no parsed copy`);
			assert.deepStrictEqual(quick, full.scenario, name);
		}
	});

	test('a bundled file changed since the build is not served from the cache', () => {
		const file = `${bundledDir()}/default.yaml`;
		const text = readFileSync(file, 'utf8');
		assert.ok(parsedBundled(cache, 'default', file, text));
		assert.equal(parsedBundled(cache, 'default', file, `${text}\n# edited\n`), undefined);
		assert.equal(parsedBundled(cache, 'no-such-scenario', file, text), undefined);
	});
});
