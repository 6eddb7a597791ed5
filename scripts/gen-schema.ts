// Writes scenarios/podplay.schema.json from the zod schema: `node --import tsx scripts/gen-schema.ts`.
import {writeFile} from 'node:fs/promises';
import {scenarioJsonSchemaText} from '../source/scenario/json-schema.js';

const file = new URL('../scenarios/podplay.schema.json', import.meta.url);
await writeFile(file, scenarioJsonSchemaText());
console.log(`wrote ${file.pathname}`);
