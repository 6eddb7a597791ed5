import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {fitSpans, paint, spanWidth} from '../../source/ui/styled.js';

const sgr = /\u001B\[[\d;]*m/g;
const plain = (text: string) => text.replace(sgr, '');

describe('paint: one styled string per screen line (issue 5)', () => {
	test('colour only where it changes, reset at the end', () => {
		assert.equal(
			paint([['  3.0s', {color: 'gray'}], ' ', ['R-SIG-6', {color: 'cyan'}], ' stops'], true),
			'\u001B[90m  3.0s\u001B[39m \u001B[36mR-SIG-6\u001B[39m stops',
		);
		assert.equal(
			paint(
				[
					['a', {color: 'red'}],
					['b', {color: 'red'}],
				],
				true,
			),
			'\u001B[31mab\u001B[39m',
		);
	});

	test('color off drops colours but keeps bold and inverse (NO_COLOR, --no-color)', () => {
		const text = paint([['T', {color: 'yellow', bold: true}], ' sleep'], false, {inverse: true});
		assert.doesNotMatch(text, /\u001B\[(3|9)\dm/);
		assert.match(text, /\u001B\[1m/);
		assert.match(text, /\u001B\[7m/);
		assert.equal(plain(text), 'T sleep');
	});

	test('spaces carry no colour, and trailing spaces are left out unless inverse shows them', () => {
		assert.equal(
			paint(
				[
					['x', {}],
					['   ', {color: 'gray', bold: true}],
				],
				true,
			),
			'x',
		);
		assert.equal(plain(paint(['x', '   '], true, {inverse: true})), 'x   ');
		assert.equal(paint([' ', ['pid', {bold: true}], '  '], true), ' \u001B[1mpid\u001B[22m');
	});

	test('the same spans give the same bytes (unchanged lines stay unchanged for Ink)', () => {
		const spans = [
			['›', {bold: true, color: 'cyan'}],
			['   12', {bold: true}],
			' S ',
			['│ ├─', {color: 'gray'}],
		] as const;
		assert.equal(paint(spans, true), paint(spans, true));
	});

	test('fitSpans cuts to the width with an ellipsis, as fit does', () => {
		const spans = ['abc', ['defgh', {color: 'red'}], 'ij'] as const;
		assert.equal(spanWidth(fitSpans(spans, 10)), 10);
		assert.equal(plain(paint(fitSpans(spans, 6), true)), 'abcde…');
		assert.equal(plain(paint(fitSpans(spans, 6, true), true)), 'abcde~');
		assert.equal(plain(paint(fitSpans(spans, 20), true)), 'abcdefghij');
	});
});
