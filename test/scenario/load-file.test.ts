import assert from 'node:assert/strict';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {listBundledScenarios, loadScenarioFile, resolveScenario} from '../../source/scenario/index.js';
import {problems} from './helpers.js';

describe('loadScenarioFile and bundled scenarios', () => {
	let dir = '';
	before(async () => {
		dir = await mkdtemp(join(tmpdir(), 'podplay-scenario-'));
		await writeFile(join(dir, 'zombies.yaml'), 'title: Zombies\n');
		await writeFile(join(dir, 'signals.yaml'), 'title: Signals to PID 1\n');
		await writeFile(join(dir, 'broken.yaml'), 'title: [\n');
		await writeFile(join(dir, 'notes.txt'), 'not a scenario');
	});
	after(async () => {
		await rm(dir, {recursive: true, force: true});
	});

	test('a file over 1 MiB is refused before it is read', async () => {
		const file = join(dir, 'huge.yml');
		await writeFile(file, `title: t\n#${'x'.repeat(2 * 1024 * 1024)}\n`);
		assert.deepEqual(problems(await loadScenarioFile(file)), [
			`${file}:1:1: file is 2.0 MiB; a scenario file may be at most 1 MiB`,
		]);
	});

	test('binary files (NUL bytes, invalid UTF-8) are refused with one sentence', async () => {
		const nul = join(dir, 'nul.bin');
		await writeFile(nul, Buffer.from([0x74, 0x00, 0x01, 0x02]));
		assert.deepEqual(problems(await loadScenarioFile(nul)), [
			`${nul}:1:1: file contains NUL bytes: it looks binary, not a YAML scenario`,
		]);
		const latin = join(dir, 'latin.yml');
		await writeFile(latin, Buffer.from('title: caf\xe9\n', 'latin1'));
		assert.deepEqual(problems(await loadScenarioFile(latin)), [
			`${latin}:1:1: file is not valid UTF-8 text: it looks binary, not a YAML scenario`,
		]);
	});

	test('a missing file is one clear sentence', async () => {
		const file = join(dir, 'nope.yaml');
		assert.deepEqual(problems(await loadScenarioFile(file)), [`${file}:1:1: no such file`]);
	});

	test('listBundledScenarios lists loadable NAME.yaml files with their titles, by name', async () => {
		assert.deepEqual(await listBundledScenarios(dir), [
			{name: 'signals', title: 'Signals to PID 1', file: join(dir, 'signals.yaml')},
			{name: 'zombies', title: 'Zombies', file: join(dir, 'zombies.yaml')},
		]);
	});

	test('resolveScenario: a name means dir/NAME.yaml, a path is kept, a typo gets a did-you-mean', async () => {
		assert.deepEqual(await resolveScenario('zombies', dir), {ok: true, file: join(dir, 'zombies.yaml')});
		assert.deepEqual(await resolveScenario('./my.yaml', dir), {ok: true, file: './my.yaml'});
		assert.deepEqual(await resolveScenario('zombeis', dir), {
			ok: false,
			message: 'unknown scenario "zombeis" — did you mean "zombies"?',
		});
		assert.deepEqual(await resolveScenario('xyz', dir), {
			ok: false,
			message: 'unknown scenario "xyz" (bundled: broken, signals, zombies)',
		});
	});
});
