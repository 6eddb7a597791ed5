// `npm run media`: regenerates every recording the README shows (scripts/media-list.ts) with the
// same code as `podplay record`: media/<file>.svg and media/<file>.cast.
import {writeFileSync} from 'node:fs';
import {media} from './media-list.js';
import {mediaRecording} from './media-recording.js';

for (const entry of media) {
	const started = performance.now();
	for (const format of ['cast', 'svg'] as const) {
		const path = `media/${entry.file}.${format}`;
		writeFileSync(path, await mediaRecording(entry, format));
		process.stdout.write(`${path}  ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
	}
}
