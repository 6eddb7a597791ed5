import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import fc from 'fast-check';
import {formatDuration, parseDuration, parseQuantity} from '../../source/scenario/index.js';

describe('durations', () => {
	test('parse the forms scenarios use into milliseconds', () => {
		const cases: [string | number, number][] = [
			[0, 0],
			['0', 0],
			['1.5s', 1500],
			['250ms', 250],
			['2m', 120_000],
			['1m30s', 90_000],
			['1h2m3s', 3_723_000],
			['.5s', 500],
			['1.1s', 1100],
		];
		for (const [input, ms] of cases) assert.deepEqual(parseDuration(input), {ok: true, ms}, String(input));
	});

	test('refuse a bare number other than 0, and unknown units', () => {
		assert.deepEqual(parseDuration(5), {ok: false, message: 'duration 5 needs a unit: write 5s, 5ms or 5m'});
		assert.equal(parseDuration('5d').ok, false);
		assert.equal(parseDuration('s').ok, false);
		assert.equal(parseDuration('').ok, false);
		assert.equal(parseDuration('-1s').ok, false);
	});

	test('format canonically', () => {
		assert.deepEqual([0, 250, 1500, 90_000, 120_000, 3_600_000, 61_250].map(formatDuration), [
			'0',
			'250ms',
			'1.5s',
			'1m30s',
			'2m',
			'1h',
			'1m1.25s',
		]);
	});

	test('property: parseDuration(formatDuration(ms)) gives ms back for any whole number of ms', () => {
		fc.assert(
			fc.property(fc.nat({max: 1_000_000_000}), (ms) => {
				const result = parseDuration(formatDuration(ms));
				return result.ok && result.ms === ms;
			}),
		);
	});

	test('property: formatDuration(parseDuration(text)) is a fixed point', () => {
		fc.assert(
			fc.property(fc.nat({max: 10_000_000}), (ms) => {
				const text = formatDuration(ms);
				const again = parseDuration(text);
				return again.ok && formatDuration(again.ms) === text;
			}),
		);
	});
});

describe('quantities', () => {
	test('binary and decimal suffixes, exponents, plain numbers', () => {
		const cases: [string | number, number][] = [
			['8Gi', 8 * 2 ** 30],
			['300Mi', 300 * 2 ** 20],
			['1G', 1e9],
			['129e6', 129e6],
			['128974848', 128_974_848],
			['1.5Ki', 1536],
			[1024, 1024],
		];
		for (const [input, value] of cases)
			assert.deepEqual(parseQuantity(input), {ok: true, value}, String(input));
		assert.equal(parseQuantity('12 GB').ok, false);
	});
});
