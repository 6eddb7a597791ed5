import {fileURLToPath} from 'node:url';

/** The package's `scenarios/` folder, from source/ or dist/. */
export function bundledDir(): string {
	const here = fileURLToPath(import.meta.url);
	const root = here.replace(/\/(source|dist)\/.*$/, '');
	return `${root}/scenarios`;
}
