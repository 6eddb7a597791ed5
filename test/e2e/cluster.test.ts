// A co-scheduling scenario in the built CLI, in a real pseudo-terminal (R-SCHED): the cluster pane
// shows the nodes with their memory, and the tree switches between nodes (m, :node NAME).
import assert from 'node:assert/strict';
import {afterEach, before, describe, test} from 'node:test';
import {ensureBuilt, type Term} from '../helpers/term.js';
import {command, messageLine, open} from './screen.js';

let term: Term | undefined;
afterEach(() => {
	term?.kill();
	term = undefined;
});

describe('the cluster pane in a real terminal', {timeout: 240_000}, () => {
	before(() => ensureBuilt());

	test('80×24: Swarm binpack strands log-collector; under Kubernetes the Pod runs on node-b; m and :node switch the tree', async () => {
		term = await open(['coscheduling-app-logcollector'], {columns: 80, rows: 24, at: '2s'});
		const t = term;
		const screen = t.text();
		assert.match(screen, /Cluster .*Docker Swarm \(binpack\)/);
		assert.match(screen, /node-a .*1Gi\/1280Mi app\b/);
		assert.match(screen, /node-b .*0\/2Gi/);
		assert.match(screen, /stranded: app\/log-collector/);
		await command(t, 'goto 13s');
		await t.waitFor(
			(s) => /kube-scheduler \(v1\.35\)/.test(s) && /node-b .*1536Mi\/2Gi app/.test(s),
			'Kubernetes bound app to node-b',
		);
		// The first node's tree: only its daemons.
		assert.doesNotMatch(t.text(), /log-collector\s+app\/log-coll/);
		t.write('m');
		await t.waitFor((s) => messageLine(s).includes("showing node-b's processes"), 'm switches to node-b');
		await t.waitFor(
			(s) => /pause .*app\/POD/.test(s) && /›node-b/.test(s),
			"node-b's tree: the pod's pause and containers",
		);
		await command(t, 'node node-a');
		await t.waitFor(
			(s) => messageLine(s).includes("showing node-a's processes") && /›node-a/.test(s),
			':node node-a',
		);
		await t.waitFor((s) => !/pause .*app\/POD/.test(s), "node-a's tree has no pod");
		await command(t, 'node node-c');
		await t.waitFor((s) => messageLine(s).includes('no node "node-c"'), 'an unknown node is one sentence');
	});
});
