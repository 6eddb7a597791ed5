import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {podColumn} from '../../source/ui/process-line.js';
import {tooSmallLines} from '../../source/ui/too-small.js';

describe('labels', () => {
	test('a shim has a pod but no container: its column shows just the pod', () => {
		assert.equal(podColumn({pod: 'web'}), 'web');
		assert.equal(podColumn({pod: 'web', container: 'app'}), 'web/app');
		assert.equal(podColumn({}), '');
	});

	test('"terminal too small" comes in short whole lines', () => {
		assert.deepEqual(tooSmallLines(40, 12), ['terminal too small', 'have 40×12, need 60×16', 'q quits']);
		assert.equal(tooSmallLines(40, 12, true)[1], 'have 40x12, need 60x16');
	});
});
