import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {parseCast} from '../../source/record/asciicast.js';
import {ensureBuilt, podplay} from '../helpers/cli.js';

before(ensureBuilt);
const dir = mkdtempSync(join(tmpdir(), 'podplay-record-'));
after(() => rmSync(dir, {recursive: true, force: true}));

describe('podplay record (CLI)', () => {
	test('kill-pid-1 twice: identical bytes, a valid asciicast v2 with its chapters as markers', async () => {
		const a = join(dir, 'a.cast');
		const b = join(dir, 'b.cast');
		assert.equal((await podplay(['record', 'kill-pid-1', '-o', a])).code, 0);
		assert.equal((await podplay(['record', 'kill-pid-1', '--output', b])).code, 0);
		const text = readFileSync(a, 'utf8');
		assert.equal(text, readFileSync(b, 'utf8'));
		const cast = parseCast(text)!;
		assert.equal(cast.header.width, 100);
		assert.equal(cast.header.height, 30);
		assert.equal(cast.events.filter(([, kind]) => kind === 'm').length, 3);
	});

	test('a file podplay did not make is never replaced without --force', async () => {
		const mine = join(dir, 'mine.cast');
		writeFileSync(mine, 'my own notes\n');
		const refused = await podplay(['record', 'kill-pid-1', '-o', mine]);
		assert.equal(refused.code, 2);
		assert.match(refused.stderr, /exists and was not made by podplay record; add --force/);
		assert.equal(readFileSync(mine, 'utf8'), 'my own notes\n');
		const forced = await podplay(['record', 'kill-pid-1', '-o', mine, '--force']);
		assert.equal(forced.code, 0);
		assert.ok(parseCast(readFileSync(mine, 'utf8')));
		// Its own recording it replaces as it is.
		assert.equal((await podplay(['record', 'zombies', '-o', mine, '--until', '2s'])).code, 0);
	});

	test('bad input: one positioned sentence, exit 2, no stack trace, no file', async () => {
		const out = join(dir, 'broken.cast');
		const broken = await podplay(['record', 'test/fixtures/cli/broken.yaml', '-o', out]);
		assert.equal(broken.code, 2);
		assert.match(broken.stderr, /broken\.yaml:\d+:\d+: /);
		for (const [args, message] of [
			[['-o', join(dir, 'x.txt')], /must end in \.cast, \.svg or \.html/],
			[['-o', out, '--size', '40x10'], /below the playground's smallest screen/],
			[['-o', out, '--speed', '3'], /--speed must be one of/],
			[['-o', out, '--theme', 'neon'], /--theme must be one of/],
			[['-o', out, '--keys', '2 kill web/app'], /--keys: "2 kill web\/app": duration 2 needs a unit/],
			[['-o', out, '--keys', '2s kil web/app'], /--keys: at 2s, kil web\/app: unknown command "kil"/],
			[[], /needs an output file/],
		] as const) {
			const r = await podplay(['record', 'kill-pid-1', ...args]);
			assert.equal(r.code, 2, args.join(' '));
			assert.match(r.stderr, message);
			assert.doesNotMatch(r.stderr, /\n\s+at /);
		}
		assert.throws(() => readFileSync(out), /ENOENT/);
	});
});
