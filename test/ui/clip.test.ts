import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {clip, moreLabel} from '../../source/ui/clip.js';

describe('clip', () => {
	test('everything when it fits', () => {
		assert.deepEqual(clip([1, 2, 3], 3), {shown: [1, 2, 3], more: 0});
	});

	test('otherwise the last line says how many are left out', () => {
		assert.deepEqual(clip([1, 2, 3, 4, 5], 4), {shown: [1, 2, 3], more: 2});
		assert.deepEqual(clip([1, 2], 0), {shown: [], more: 2});
		assert.equal(moreLabel(2, 'pods'), '+2 more pods');
	});
});
