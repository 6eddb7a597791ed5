// `podplay present --check` over every bundled scenario: the talk reaches every stop, each fits
// the projector size with the tree, and every expectation and question holds on the way.
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import {formatFailure} from '../../source/commands/check.js';
import {bundledDir} from '../../source/commands/load.js';
import {defaultNotesPath, notesText, readNotes, writeNotes} from '../../source/present/notes-channel.js';
import {createPresenter} from '../../source/present/presenter.js';
import {rehearse} from '../../source/present/rehearse.js';
import {listBundledScenarios, loadScenarioFile} from '../../source/scenario/index.js';
import {bundled} from '../record/helpers.js';

const scenarios = await listBundledScenarios(bundledDir());

describe('present --check rehearses every bundled scenario at 100×30', () => {
	for (const {name, file} of scenarios)
		test(name, async () => {
			const loaded = await loadScenarioFile(file);
			assert.ok(loaded.ok);
			const r = rehearse(loaded.scenario, {scenariosDir: bundledDir(), columns: 100, rows: 30});
			assert.deepEqual(
				r.failures.map((f) => formatFailure(file, f)),
				[],
			);
			assert.deepEqual(r.cut, [], 'every stop fits');
			const says = loaded.scenario.timeline.filter((s) => s.action.type === 'say').length;
			assert.ok(r.stops >= says + r.chapters, `${r.stops} stops for ${says} says and ${r.chapters} chapters`);
		});
});

describe('presenter pacing', () => {
	test('two says at one moment are two stops, in order; back returns to the first', async () => {
		const p = createPresenter(await bundled('kill-pid-1'), {scenariosDir: bundledDir()});
		const seen: string[] = [];
		while (!p.state().atEnd && seen.length < 30) {
			p.frame();
			if (p.state().waiting) {
				seen.push(p.stopText() ?? '');
				p.next();
			}
		}
		const first = seen.findIndex((t) => t.startsWith('SIGKILL from an ancestor namespace'));
		assert.ok(first > 0);
		assert.match(seen[first + 1]!, /^The container ends with its main process/);
		p.dispose();
	});

	test('a live action starts a branch even at the end of the line; returning finds the scenario as it was', async () => {
		const p = createPresenter(await bundled('kill-pid-1'), {scenariosDir: bundledDir()});
		p.frame();
		const result = p.session.run('kill web/app KILL');
		assert.equal(result.ok, true);
		assert.equal(p.state().live, true);
		p.returnToScenario();
		assert.equal(p.state().live, false);
		assert.equal(p.session.pods()[0]!.restarts, '0');
		p.dispose();
	});
});

describe('speaker notes channel', () => {
	test('a folder only the user can read, a file replaced whole, read back as written', () => {
		const base = mkdtempSync(join(tmpdir(), 'podplay-notes-'));
		try {
			const path = defaultNotesPath({XDG_RUNTIME_DIR: base});
			const state = {title: 't', chapters: 2, waiting: true, live: false, startedAt: 0, ended: false};
			assert.equal(writeNotes(path, state), undefined);
			assert.equal(statSync(join(base, 'podplay')).mode & 0o777, 0o700);
			assert.equal(statSync(path).mode & 0o777, 0o600);
			assert.deepEqual(readNotes(path), state);
			assert.match(notesText(readNotes(path), 61_000).join('\n'), /elapsed 1:01/);
		} finally {
			rmSync(base, {recursive: true, force: true});
		}
	});
});
