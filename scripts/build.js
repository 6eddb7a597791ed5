// Bundles the CLI into dist/ with esbuild: one file to parse is what makes the first frame fast
// (toolchain-notes: ~0.4 s bundled against 1.5 s through tsx).
import {rmSync} from 'node:fs';
import {build} from 'esbuild';

// Old chunks of earlier builds must not linger beside the new ones.
rmSync('dist', {recursive: true, force: true});

await build({
	entryPoints: {cli: 'source/cli.tsx'},
	outdir: 'dist',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node22',
	jsx: 'automatic',
	minify: true,
	legalComments: 'none',
	logLevel: 'warning',
	banner: {
		js: "#!/usr/bin/env node\nimport {createRequire as __podplayRequire} from 'node:module'; const require = __podplayRequire(import.meta.url);",
	},
	alias: {'react-devtools-core': './scripts/devtools-stub.js'},
	define: {'process.env.NODE_ENV': '"production"'},
});

// Bundled scenarios parsed now, read as JSON at launch (source/scenario/parsed-bundled.ts): the
// first frame then needs neither the YAML parser nor the schema (issue 13).
await build({
	entryPoints: {'write-parsed': 'source/scenario/write-parsed.ts'},
	outdir: 'dist/.build',
	bundle: true,
	format: 'esm',
	platform: 'node',
	target: 'node22',
	logLevel: 'warning',
	banner: {js: "import {createRequire as __r} from 'node:module'; const require = __r(import.meta.url);"},
});
const {writeParsed} = await import(new URL('../dist/.build/write-parsed.js', import.meta.url).href);
const {skipped} = writeParsed('scenarios', 'dist/parsed');
rmSync('dist/.build', {recursive: true, force: true});
if (skipped.length > 0) process.stderr.write(`build: parsed at launch instead: ${skipped.join(', ')}\n`);
