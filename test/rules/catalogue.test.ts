import assert from 'node:assert/strict';
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {before, describe, test} from 'node:test';
import {families, ruleById, rules} from '../../source/rules/index.js';
import {rulesMarkdown} from '../../source/rules/markdown.js';
import {ensureBuilt, podplay, root} from '../helpers/cli.js';

before(ensureBuilt);

function filesUnder(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? filesUnder(path) : [path];
	});
}

describe('the rule catalogue', () => {
	test('ids are unique, well formed, and every field is filled in as plain text', () => {
		const seen = new Set<string>();
		for (const rule of rules) {
			assert.match(rule.id, /^R-[A-Z]+-[A-Z]?\d+$/);
			assert.ok(!seen.has(rule.id), `${rule.id} twice`);
			seen.add(rule.id);
			for (const field of [rule.title, rule.statement, rule.source]) {
				assert.ok(field.trim().length > 0, `${rule.id} has an empty field`);
				assert.doesNotMatch(field, /\]\(|https?:|\n/, `${rule.id}: plain text, no links`);
			}
		}
		assert.ok(families.every((f) => f.rules.length > 0));
	});

	test('every rule id cited in source/ and the bundled scenarios is in the catalogue', () => {
		const cited = new Map<string, string>();
		const files = [...filesUnder(join(root, 'source')), ...filesUnder(join(root, 'scenarios'))].filter(
			(file) => !file.includes('/source/rules/') && /\.(ts|tsx|yaml)$/.test(file),
		);
		for (const file of files)
			for (const [id] of readFileSync(file, 'utf8').matchAll(/\bR-[A-Z]+-[A-Z]?\d+\b/g))
				cited.set(id, relative(root, file));
		assert.ok(cited.size > 40, 'the scan found the cited rules');
		const missing = [...cited].filter(([id]) => !ruleById(id)).map(([id, file]) => `${id} (${file})`);
		assert.deepEqual(missing, [], 'cited rules missing from source/rules/');
	});

	test('the committed docs/rules.md is up to date (npm run rules-doc)', () => {
		const committed = readFileSync(join(root, 'docs/rules.md'), 'utf8');
		assert.equal(committed, rulesMarkdown(), 'stale: run npm run rules-doc');
	});

	test('README and docs link only to files inside the repository', () => {
		for (const doc of ['README.md', 'docs/rules.md']) {
			const text = readFileSync(join(root, doc), 'utf8');
			assert.doesNotMatch(text, /\.\.\/shared/, `${doc} points at the workspace`);
			for (const [, target] of text.matchAll(/\]\(([^)\s]+)[^)]*\)/g)) {
				if (target.startsWith('#') || /^https?:/.test(target)) continue;
				const path = resolve(dirname(join(root, doc)), target.replace(/#.*$/, ''));
				assert.ok(!relative(root, path).startsWith('..'), `${doc} links outside the repository: ${target}`);
				assert.ok(existsSync(path), `${doc} links to a missing file: ${target}`);
			}
		}
		assert.match(readFileSync(join(root, 'README.md'), 'utf8'), /\]\(docs\/rules\.md\)/);
	});
});

describe('podplay rules', () => {
	test('lists every rule by family', async () => {
		const {code, stdout} = await podplay(['rules']);
		assert.equal(code, 0);
		const lines = stdout.split('\n').map((line) => line.trim().split(/ {2,}/).join(' '));
		for (const rule of rules) assert.ok(lines.includes(`${rule.id} ${rule.title}`), rule.id);
	});

	test('prints one rule in full, case-insensitive, and a family by its prefix', async () => {
		const one = await podplay(['rules', 'r-pidns-7']);
		assert.equal(one.code, 0);
		assert.match(one.stdout, /^R-PIDNS-7: A namespace dies with its init\n/);
		assert.match(one.stdout, /zap_pid_ns_processes/);
		const family = await podplay(['rules', 'R-SUP']);
		assert.equal(family.code, 0);
		assert.equal(family.stdout.match(/^R-SUP-\d+:/gm)?.length, 3);
	});

	test('an unknown id is one sentence with a did-you-mean, exit 2', async () => {
		const {code, stdout, stderr} = await podplay(['rules', 'R-PIDN-7']);
		assert.equal(code, 2);
		assert.equal(stdout, '');
		assert.equal(
			stderr,
			'podplay: no rule "R-PIDN-7" — did you mean "R-PIDNS-7"? (podplay rules lists them all).\n',
		);
	});
});
