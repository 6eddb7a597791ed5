import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {computeLayout} from '../../source/ui/layout.js';
import {resolveUiOptions} from '../../source/ui/options.js';
import {placeWindow} from '../../source/ui/tree-window.js';
import {makeFakeSession} from '../fixtures/ui/fake-session.js';

describe('placeWindow', () => {
	test('reads only about one screen of rows, whatever the process count', () => {
		for (const processes of [1000, 50_000]) {
			const session = makeFakeSession({processes});
			const first = placeWindow(session, {offset: 0, index: 0}, undefined, 20);
			session.rowsRead = 0;
			placeWindow(session, first.placement, 30_000 % processes, 20);
			assert.ok(session.rowsRead <= 3 * 20 + 2, `${session.rowsRead} rows read at ${processes} processes`);
		}
	});

	test('keeps the selected process on its screen line when rows are inserted above', () => {
		const session = makeFakeSession();
		const first = placeWindow(session, {offset: 0, index: 0}, 1345, 6);
		const line = first.placement.index - first.placement.offset;
		session.run('spawn pid:412');
		session.run('spawn pid:412');
		const second = placeWindow(session, first.placement, 1345, 6);
		assert.equal(second.placement.index, first.placement.index + 2);
		assert.equal(second.placement.index - second.placement.offset, line);
	});

	test('a vanished selection falls to the row now in its place', () => {
		const session = makeFakeSession();
		const first = placeWindow(session, {offset: 0, index: 0}, 1262, 10);
		session.run('kill pid:1250 KILL');
		const second = placeWindow(session, first.placement, 1262, 10);
		assert.ok(second.selected, 'something is selected');
		assert.ok(second.lines.length <= 10);
	});
});

describe('layout', () => {
	test('the frame never exceeds the terminal and below 60×16 it says too small', () => {
		assert.equal(computeLayout(59, 30, 0).kind, 'too-small');
		assert.equal(computeLayout(80, 15, 0).kind, 'too-small');
		for (const [c, r] of [
			[60, 16],
			[80, 24],
			[200, 60],
		]) {
			const layout = computeLayout(c, r, 2);
			assert.notEqual(layout.kind, 'too-small');
			if (layout.kind === 'too-small') continue;
			const used =
				1 +
				layout.caption +
				2 +
				(layout.kind === 'wide' ? layout.panel.height : layout.treeRows + 1 + layout.panel.height);
			assert.ok(used <= r, `${used} rows used of ${r}`);
		}
	});
});

describe('options', () => {
	test('NO_COLOR and TERM=dumb turn colour off (TERM=dumb: no alternate screen either); an explicit option wins', () => {
		assert.deepEqual(resolveUiOptions({}, {}), {ascii: false, color: true});
		assert.deepEqual(resolveUiOptions({}, {NO_COLOR: '1'}), {ascii: false, color: false});
		assert.deepEqual(resolveUiOptions({}, {TERM: 'dumb'}), {ascii: true, color: false, dumb: true});
		assert.deepEqual(resolveUiOptions({color: true}, {NO_COLOR: '1'}), {ascii: false, color: true});
	});
});
