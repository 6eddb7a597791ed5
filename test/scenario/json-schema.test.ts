import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import {test} from 'node:test';
import {scenarioJsonSchema, scenarioJsonSchemaText} from '../../source/scenario/index.js';

test('the committed scenarios/podplay.schema.json is up to date (run scripts/gen-schema.ts)', async () => {
	const committed = await readFile(new URL('../../scenarios/podplay.schema.json', import.meta.url), 'utf8');
	assert.equal(
		committed,
		scenarioJsonSchemaText(),
		'stale: run node_modules/.bin/node --import tsx scripts/gen-schema.ts',
	);
});

test('the JSON Schema is draft-7, refuses unknown fields and lists the programs', () => {
	const schema = scenarioJsonSchema() as {
		$schema: string;
		required: string[];
		additionalProperties: unknown;
		properties: Record<string, unknown>;
	};
	assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
	assert.deepEqual(schema.required, ['title']);
	assert.deepEqual(schema.additionalProperties, {not: {}});
	assert.match(JSON.stringify(schema), /"dumb-init"/);
	assert.match(
		JSON.stringify(schema.properties.pods),
		/"shareProcessNamespace":\{"default":false,"type":"boolean"/,
	);
});
