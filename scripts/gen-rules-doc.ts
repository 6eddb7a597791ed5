// Writes docs/rules.md from the rule catalogue in source/rules/: `npm run rules-doc`.
import {mkdir, writeFile} from 'node:fs/promises';
import {rulesMarkdown} from '../source/rules/markdown.js';

const dir = new URL('../docs/', import.meta.url);
await mkdir(dir, {recursive: true});
const file = new URL('rules.md', dir);
await writeFile(file, rulesMarkdown());
console.log(`wrote ${file.pathname}`);
