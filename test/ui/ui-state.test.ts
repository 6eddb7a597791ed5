import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import fc from 'fast-check';
import type {KeyInfo} from '../../source/ui/keys.js';
import {completeText, initialUiState, reduceKey, type UiState} from '../../source/ui/ui-state.js';
import {makeFakeSession} from '../fixtures/ui/fake-session.js';

const session = makeFakeSession();
const rowOf = (pid: number) => session.processRows(session.indexOfPid(pid), 1)[0];
const viewAt = (pid: number) => ({session, index: session.indexOfPid(pid), selected: rowOf(pid), page: 10});

function keys(state: UiState, pid: number, ...presses: (string | KeyInfo)[]) {
	const effects = [];
	for (const press of presses) {
		const step =
			typeof press === 'string'
				? reduceKey(state, press, {}, viewAt(pid))
				: reduceKey(state, '', press, viewAt(pid));
		state = step.state;
		effects.push(...step.effects);
	}
	return {state, effects};
}

describe('reduceKey (pure)', () => {
	test('s then 1 sends SIGTERM to the selected host PID', () => {
		const {effects} = keys(initialUiState, 1262, 's', '1');
		assert.deepEqual(effects, [{type: 'run', command: 'kill pid:1262 TERM'}]);
	});

	test('KILL from the signal menu asks first; Esc cancels without effects', () => {
		const asked = keys(initialUiState, 1262, 's', '4');
		assert.equal(asked.state.mode.kind, 'confirm');
		assert.deepEqual(asked.effects, []);
		const cancelled = keys(asked.state, 1262, {escape: true});
		assert.equal(cancelled.state.mode.kind, 'normal');
		assert.deepEqual(cancelled.effects, []);
	});

	test('K builds the command for PID 1 of the selected container', () => {
		const {effects} = keys(initialUiState, 1262, 'K', 'y');
		assert.deepEqual(effects, [{type: 'run', command: 'kill web/app:1 KILL'}]);
	});

	test('I, S, f, o build their commands', () => {
		assert.deepEqual(keys(initialUiState, 1320, 'I').effects, [{type: 'run', command: 'hostipc queue on'}]);
		assert.deepEqual(keys(initialUiState, 1250, 'S', '2').effects, [
			{type: 'run', command: 'supervise web/app tini'},
		]);
		assert.deepEqual(keys(initialUiState, 1250, 'f').effects, [{type: 'run', command: 'spawn pid:1250'}]);
		assert.deepEqual(keys(initialUiState, 1250, 'o').effects, [{type: 'run', command: 'orphan pid:1250'}]);
	});

	test('container keys on a host process explain themselves instead of acting', () => {
		const {state, effects} = keys(initialUiState, 412, 'K');
		assert.deepEqual(effects, []);
		assert.match(state.message?.text ?? '', /containerd \(pid 412\) is not in a container/);
	});

	test('digits then Enter jump to a host PID; an unknown PID is one clear message', () => {
		const jumped = keys(initialUiState, 1, '1', '2', '7', '0', {return: true});
		assert.equal(jumped.state.selectedPid, 1270);
		const missing = keys(initialUiState, 1, '9', '9', {return: true});
		assert.equal(missing.state.message?.text, 'no visible process with host PID 99');
	});

	test('the command line keeps a history that Up and Down walk', () => {
		let {state} = keys(initialUiState, 1, ':', 'l', 'o', 'a', 'd', ' ', 'x', {return: true});
		({state} = keys(state, 1, ':', 'g', 'o', {return: true}));
		assert.deepEqual(state.history, ['load x', 'go']);
		const up = keys(state, 1, ':', {upArrow: true}, {upArrow: true});
		assert.equal(up.state.mode.kind === 'prompt' && up.state.mode.text, 'load x');
		const down = keys(up.state, 1, {downArrow: true});
		assert.equal(down.state.mode.kind === 'prompt' && down.state.mode.text, 'go');
	});

	test('completion extends to the common prefix and lists candidates', () => {
		assert.deepEqual(completeText(session, 'sh'), {text: 'share ', completions: []});
		const many = completeText(session, 'kill pid:12');
		assert.ok(many.completions.length > 1);
		assert.ok(many.text.startsWith('kill pid:12'));
	});

	test('property: no key sequence throws, and the mode is always one of the known kinds', () => {
		const press = fc.oneof(
			fc.constantFrom('j', 'k', 's', '4', 'y', 'n', ':', '/', 'x', '1', '?', 'D', 'K', 'b', 'z', 'B', ' '),
			fc.constantFrom<KeyInfo>(
				{return: true},
				{escape: true},
				{tab: true},
				{backspace: true},
				{upArrow: true},
			),
		);
		fc.assert(
			fc.property(fc.array(press, {maxLength: 30}), (presses) => {
				const {state} = keys(initialUiState, 1250, ...presses);
				return ['normal', 'help', 'menu', 'confirm', 'prompt'].includes(state.mode.kind);
			}),
		);
	});
});
