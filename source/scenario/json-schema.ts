import {z} from 'zod';
import {scenarioSchema} from './scenario-schema.js';
import {jsonSchemaStandIns} from './schema-helpers.js';

const OPTIONS = {target: 'draft-7', io: 'input', unrepresentable: 'any'} as const;

/** The JSON Schema (draft-7, what yaml-language-server reads) of a scenario file, from the zod schema. */
export function scenarioJsonSchema(): Record<string, unknown> {
	return z.toJSONSchema(scenarioSchema, {
		...OPTIONS,
		override(context) {
			const standIn = jsonSchemaStandIns.get(context.zodSchema as unknown as z.ZodType);
			if (!standIn) return;
			const {$schema: _schema, ...schema} = z.toJSONSchema(standIn, OPTIONS) as Record<string, unknown>;
			for (const key of Object.keys(context.jsonSchema)) delete context.jsonSchema[key];
			Object.assign(context.jsonSchema, schema);
		},
	}) as Record<string, unknown>;
}

/** The text of `scenarios/podplay.schema.json`. */
export function scenarioJsonSchemaText(): string {
	return `${JSON.stringify(scenarioJsonSchema(), null, '\t')}\n`;
}
