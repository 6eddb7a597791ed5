// The caption: the current moment's narration in full where it fits; when it does not, the newest
// narration wins whole (issue 9: no narration lost; issue 12: a recording at 100×30 drops no `say`).
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {bundledDir} from '../../source/commands/load.js';
import {listBundledScenarios, loadScenarioFile} from '../../source/scenario/index.js';
import {captionLines, captionRoom} from '../../source/ui/caption.js';
import {makeTheme} from '../../source/ui/theme-data.js';
import {stripAnsi} from '../helpers/render.js';

const theme = makeTheme({ascii: false, color: false});
const text = (lines: string[]) =>
	lines
		.map((l) =>
			stripAnsi(l)
				.replace(/^[»>]? ?/, '')
				.trim(),
		)
		.join(' ')
		.replace(/\s+/g, ' ');

describe('caption', () => {
	test('two narrations that fit both show, oldest first', () => {
		const lines = captionLines(theme, ['First thing.', 'Second thing.'], 80, 2);
		assert.equal(text(lines), 'First thing. — Second thing.');
	});

	test('when both do not fit, the newest shows whole and the older gives way', () => {
		const older = 'word '.repeat(30).trim();
		const newest = 'The newest narration is the one the viewer must read in full, every word of it.';
		const lines = captionLines(theme, [older, newest], 60, 2);
		assert.equal(text(lines), newest);
		assert.ok(lines.length <= 2);
	});

	test('one text too long alone ends at a word with a mark, within the room', () => {
		const long =
			'Each shell reaps its foreground sleep when it exits, but nobody reaps the shells themselves. '.repeat(
				3,
			);
		const lines = captionLines(theme, [long], 40, 2).map(stripAnsi);
		assert.equal(lines.length, 2);
		for (const line of lines) assert.ok(line.length <= 40, line);
		assert.ok(lines[1]!.endsWith('…'));
	});

	test('at 100×30 (the recording and presenter size) every narration of every bundled scenario shows whole at its moment', async () => {
		const room = captionRoom(30);
		for (const {name, file} of await listBundledScenarios(bundledDir())) {
			const loaded = await loadScenarioFile(file);
			assert.ok(loaded.ok, name);
			const narration = loaded.scenario.timeline.flatMap((s) =>
				s.action.type === 'say'
					? [{at: s.at, text: s.action.text}]
					: s.action.type === 'chapter'
						? [{at: s.at, text: s.action.notes ? `${s.action.title}: ${s.action.notes}` : s.action.title}]
						: [],
			);
			// Played one step at a time: the moment's narration so far, the newest last.
			for (const [i, entry] of narration.entries()) {
				const current = narration.slice(0, i + 1).filter((e) => e.at === entry.at);
				const shown = text(
					captionLines(
						theme,
						current.map((e) => e.text),
						100,
						room,
					),
				);
				assert.ok(
					shown.endsWith(entry.text.replace(/\s+/g, ' ').trim()),
					`${name} at ${entry.at} ms: "${entry.text.slice(0, 40)}…" is cut (${shown.length} chars shown)`,
				);
			}
		}
	});
});
