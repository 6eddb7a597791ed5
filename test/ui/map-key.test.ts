import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import fc from 'fast-check';
import {keyTable} from '../../source/ui/keys.js';
import {mapKey, splitPresses} from '../../source/ui/map-key.js';

describe('mapKey (pure)', () => {
	test('letters, arrows, Enter and Space map to their actions', () => {
		assert.equal(mapKey('j', {}), 'down');
		assert.equal(mapKey('', {downArrow: true}), 'down');
		assert.equal(mapKey('k', {}), 'up');
		assert.equal(mapKey('K', {shift: true}), 'killPid1');
		assert.equal(mapKey('', {return: true}), 'toggleCollapse');
		assert.equal(mapKey(' ', {}), 'togglePlay');
		assert.equal(mapKey('7', {}), 'jumpPid');
		assert.equal(mapKey('c', {ctrl: true}), 'quit');
		assert.equal(mapKey('', {tab: true}), 'nextPane');
	});

	test('Ctrl or Meta with a letter is not the plain letter', () => {
		assert.equal(mapKey('j', {ctrl: true}), undefined);
		assert.equal(mapKey('q', {meta: true}), undefined);
		assert.equal(mapKey('d', {ctrl: true}), 'pageDown');
	});

	test('no key is bound twice', () => {
		const seen = new Map<string, string>();
		for (const binding of keyTable)
			for (const spec of binding.keys) {
				const id = JSON.stringify(spec);
				assert.equal(seen.get(id), undefined, `${id} bound to ${seen.get(id)} and ${binding.action}`);
				seen.set(id, binding.action);
			}
	});

	test('every bound key maps back to its own action', () => {
		for (const binding of keyTable)
			for (const spec of binding.keys) {
				const action =
					'name' in spec
						? mapKey('', {[spec.name]: true})
						: mapKey(spec.input, spec.ctrl ? {ctrl: true} : {});
				assert.equal(action, binding.action);
			}
	});

	test('property: any input maps to a bound action or to nothing, never throws', () => {
		const actions = new Set(keyTable.map((b) => b.action));
		fc.assert(
			fc.property(fc.string(), fc.boolean(), fc.boolean(), (input, ctrl, meta) => {
				const action = mapKey(input, {ctrl, meta});
				return action === undefined || actions.has(action);
			}),
		);
	});
});

test('splitPresses turns one read of several keys into single presses', () => {
	assert.deepEqual(splitPresses('12\r', {}), [
		['1', {}],
		['2', {}],
		['', {return: true}],
	]);
	assert.deepEqual(splitPresses('j', {shift: false}), [['j', {shift: false}]]);
});
