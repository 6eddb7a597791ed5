// The playground on a cluster (R-SCHED): the cluster pane's view and lines, `:node`, and actions on
// the node on screen.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, test} from 'node:test';
import {createSession} from '../../source/session/index.js';
import {clusterLines} from '../../source/ui/cluster-pane.js';
import {makeTheme} from '../../source/ui/theme-data.js';
import {manualClock, testScenario} from './helpers.js';

const file = 'scenarios/coscheduling-app-logcollector.yaml';

function cluster() {
	const session = createSession(testScenario(readFileSync(file, 'utf8')), {
		scenariosDir: 'scenarios',
		clock: manualClock(),
	});
	return session;
}

describe('playground on a cluster', () => {
	test("R-SCHED-S8 the pane shows binpack's placement on node-a, the stranded log-collector, and the node on screen", () => {
		const session = cluster();
		session.goto(2000);
		const view = session.cluster?.();
		assert.ok(view);
		assert.equal(view.scheduler, 'Docker Swarm (binpack)');
		assert.deepEqual(
			view.nodes.map((n) => [n.name, n.allocated / 2 ** 20, n.placed, n.shown]),
			[
				['node-a', 1024, ['app'], true],
				['node-b', 0, [], false],
			],
		);
		assert.match(view.state, /stranded: app\/log-collector/);
		// NO_COLOR keeps bold (no colour): compare the text.
		const lines = clusterLines(makeTheme({ascii: true, color: false}), view, 80, 4).map((l) =>
			l.replace(/\u001B\[[\d;]*m/g, ''),
		);
		assert.equal(lines.length, 4);
		assert.match(lines[1], /^>node-a #+\.+ 1Gi\/1280Mi app$/);
		assert.match(lines[2], /^ node-b \.+ 0\/2Gi$/);
		for (const line of lines) assert.ok(line.length <= 80, `fits 80 columns: ${line}`);
	});

	test(':node switches the tree; kills then act on that node (on-node actions), an unknown node is one sentence', () => {
		const session = cluster();
		session.goto(13_000);
		assert.ok(!session.processRows(0, 50).some((r) => r.comm === 'pause'), 'node-a: no pod');
		assert.deepEqual(session.run('node'), {ok: true, message: "showing node-b's processes"});
		const pause = session.processRows(0, 50).find((r) => r.comm === 'pause');
		assert.ok(pause, "node-b's tree has the pod");
		const app = session.processRows(0, 50).find((r) => r.comm === 'app');
		assert.ok(app);
		const result = session.run(`kill pid:${app.hostPid} KILL`);
		assert.equal(result.ok, true, result.message);
		assert.match(result.message ?? '', /app/);
		assert.equal(session.run('node node-c').ok, false);
		assert.match(
			session.run('node node-c').message ?? '',
			/no node "node-c" — did you mean "node-a"\?|no node "node-c"/,
		);
		assert.deepEqual(session.run('node node-a'), {ok: true, message: "showing node-a's processes"});
	});

	test(':compare shows the same pods under each scheduler in the cluster pane, and closes again', () => {
		const session = cluster();
		assert.equal(session.run('compare').ok, true);
		const compare = session.cluster?.()?.compare;
		assert.deepEqual(
			compare?.map((r) => r.label),
			['kubernetes', 'swarm:binpack', 'swarm:spread', 'mesos', 'omega'],
		);
		assert.match(
			compare?.[1]?.outcome ?? '',
			/^app → node-a; log-collector ✘ no resources available to schedule container \(stranded\)/,
		);
		session.run('compare');
		assert.equal(session.cluster?.()?.compare, undefined);
	});

	test('a single node says there is no other node to show', () => {
		const session = createSession(testScenario(), {scenariosDir: 'scenarios', clock: manualClock()});
		assert.equal(session.cluster?.(), undefined);
		assert.equal(session.run('node').ok, false);
		assert.equal(session.run('compare').ok, false);
	});
});
