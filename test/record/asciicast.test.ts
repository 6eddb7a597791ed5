import assert from 'node:assert/strict';
import {test} from 'node:test';
import {capIdle, castText, parseCast} from '../../source/record/asciicast.js';
import {madeByPodplay} from '../../source/record/output-file.js';

test('asciicast v2: a header line, then one [seconds, kind, data] array per event', () => {
	const text = castText({
		width: 80,
		height: 24,
		title: 'demo',
		idleTimeLimit: 2,
		command: 'podplay record x',
		events: [
			[0.1234, 'o', 'hi\r\n'],
			[1, 'm', 'chapter'],
		],
	});
	const [header, ...events] = text
		.trim()
		.split('\n')
		.map((line) => JSON.parse(line));
	assert.deepEqual(header, {
		version: 2,
		width: 80,
		height: 24,
		idle_time_limit: 2,
		command: 'podplay record x',
		title: 'demo',
		env: {TERM: 'xterm-256color'},
	});
	assert.deepEqual(events, [
		[0.123, 'o', 'hi\r\n'],
		[1, 'm', 'chapter'],
	]);
	assert.deepEqual(parseCast(text)?.events, events);
	assert.equal(madeByPodplay(text), true);
	assert.equal(madeByPodplay('{"version":2,"width":80,"height":24,"command":"bash"}\n'), false);
	assert.equal(madeByPodplay('notes I wrote\n'), false);
});

test('idle gaps longer than the cap are squeezed, order and shorter gaps kept', () => {
	const capped = capIdle(
		[
			[0, 'o', 'a'],
			[0.5, 'o', 'b'],
			[10.5, 'o', 'c'],
			[11, 'o', 'd'],
		],
		2,
	);
	assert.deepEqual(
		capped.map(([t]) => t),
		[0, 0.5, 2.5, 3],
	);
});
