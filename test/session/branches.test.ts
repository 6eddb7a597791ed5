import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {branchesMenu, branchLabel} from '../../source/ui/ui-state.js';
import {makeSession, playFor} from './helpers.js';

/** main played to 3 s, then a branch made at 0.5 s and played a little. */
function branched() {
	const made = makeSession();
	const {session} = made;
	playFor(session, 3000);
	session.pause();
	session.goto(500);
	assert.equal(session.run('spawn web/app').ok, true);
	return made;
}

describe('branch menu', () => {
	test('each branch has its split point and time; the current one is marked', () => {
		const {session} = branched();
		const infos = session.branchInfo!();
		assert.deepEqual(
			infos.map((b) => [b.name, b.current, b.parent, b.split]),
			[
				['main', false, undefined, undefined],
				['branch-1', true, 'main', 500],
			],
		);
		assert.equal(infos[0]!.now, 3000);
		assert.equal(infos[1]!.now, session.status().time);
		const labels = branchesMenu(session).items.map((i) => i.label);
		assert.match(labels[1]!, /^\* branch-1 t=0\.5s split 0\.5s$/);
		assert.match(labels[0]!, /^ {2}main t=3\.0s$/);
	});

	test('the mark follows a switch', () => {
		const {session} = branched();
		session.switchBranch('main');
		const [main, branch] = session.branchInfo!();
		assert.equal(main!.current, true);
		assert.equal(branch!.current, false);
		assert.match(branchLabel(main!), /^\* main/);
	});
});

describe(':goto before a branch split point', () => {
	test('shows that time on the parent and says so in one line', () => {
		const {session} = branched();
		playFor(session, 1000);
		session.pause();
		const result = session.run('goto 200ms');
		assert.equal(result.ok, true);
		assert.equal(session.status().time, 200);
		assert.equal(session.status().branch, 'main');
		assert.match(
			result.ok ? (result.message ?? '') : '',
			/t=200ms is before branch-1 left main at t=500ms: shown on main/,
		);
		// The branch is kept and B/`branch` go back to it.
		assert.equal(session.run('branch branch-1').ok, true);
		assert.equal(session.status().branch, 'branch-1');
	});

	test('a time after the split point stays on the branch, without a note', () => {
		const {session} = branched();
		playFor(session, 1000);
		session.pause();
		const result = session.run('goto 1s');
		assert.equal(session.status().branch, 'branch-1');
		assert.equal(session.status().time, 1000);
		assert.equal(result.ok && result.message, undefined);
	});
});
