// The README's recordings are what `podplay record` makes today: the screen changes, so a recording
// goes stale. `npm run media` regenerates them all.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, test} from 'node:test';
import {media} from '../../scripts/media-list.js';
import {mediaRecording} from '../../scripts/media-recording.js';
import {root} from '../helpers/cli.js';

describe('README recordings (media/) are up to date — if not, run `npm run media`', () => {
	test('the README shows each recording', () => {
		const readme = readFileSync(`${root}README.md`, 'utf8');
		for (const entry of media)
			assert.ok(readme.includes(`(media/${entry.file}.svg)`), `README shows ${entry.file}.svg`);
	});
	for (const entry of media)
		for (const format of ['cast', 'svg'] as const)
			test(`media/${entry.file}.${format} is what \`podplay record ${entry.scenario}\` makes now`, async () => {
				const committed = readFileSync(`${root}media/${entry.file}.${format}`, 'utf8');
				const fresh = await mediaRecording(entry, format);
				assert.ok(committed === fresh, `media/${entry.file}.${format} is stale: run \`npm run media\``);
			});
});
