import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {makeSession, playFor} from './helpers.js';

describe('pane reads are made once per moment (issue 5: a frame costs the screen, not the world)', () => {
	test('the same moment hands out the same rows; a new moment makes new ones', () => {
		const {session} = makeSession();
		playFor(session, 1500);
		session.pause();
		const [pods, queues, namespaces] = [session.pods(), session.queues(), session.namespaces()];
		assert.equal(session.pods(), pods);
		assert.equal(session.queues(), queues);
		assert.equal(session.namespaces(), namespaces);
		session.stepForward();
		assert.notEqual(session.pods(), pods);
		assert.notEqual(session.queues(), queues);
		session.stepBack();
		assert.equal(session.pods(), pods, 'back at the first moment: its rows again');
	});
});
