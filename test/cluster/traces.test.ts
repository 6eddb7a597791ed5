// scheduling.md §7: the source notes' two setups under each scheduler, event by event.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {lines, mesos, omega, run, setup1, setup1k8s, setup2, swarm} from './helpers.js';

describe('§7.1 Swarm binpack reproduces the source notes (R-SCHED-S3, S4, S5, S8)', () => {
	test('Setup 1: App on Node_A, LogCollector refused, App runs alone', () => {
		const {c, events} = run(swarm('binpack'), setup1.nodes, setup1.pods);
		assert.deepEqual(lines(events), [
			't0 R-SCHED-S1 docker run --name App -m 1Gi',
			't0 R-SCHED-S4 App: binpack weights: Node_A 1176, Node_B 1147 → Node_A',
			't0 R-SCHED-S1 App created on Node_A',
			't1 R-SCHED-S1 docker run --name LogCollector -m 512Mi -e affinity:container==App',
			't1 R-SCHED-S3 LogCollector: affinity filter container==App keeps Node_A only',
			't1 R-SCHED-S4 LogCollector: binpack weights: Node_A excluded (memScore 114 > 100)',
			't1 R-SCHED-S4 LogCollector: Error response from daemon: no resources available to schedule container',
			't1 R-SCHED-S8 App keeps running without LogCollector; Swarm does not know they belong together: nothing is rolled back or retried',
		]);
		assert.equal(c.pods.app.containers.LogCollector.stranded, true);
		assert.equal(c.pods.app.containers.App.node, 'Node_A');
	});
	test('Setup 2: main and A on node-2, B refused, node-1 empty', () => {
		const {c, events} = run(swarm('binpack'), setup2.nodes, setup2.pods);
		assert.deepEqual(lines(events), [
			't0 R-SCHED-S1 docker run --name main -m 1Gi',
			't0 R-SCHED-S4 main: binpack weights: node-1 1131, node-2 1138 → node-2',
			't0 R-SCHED-S1 main created on node-2',
			't1 R-SCHED-S1 docker run --name A -m 1Gi -e affinity:container==main',
			't1 R-SCHED-S3 A: affinity filter container==main keeps node-2 only',
			't1 R-SCHED-S4 A: binpack weights: node-2 1176 → node-2',
			't1 R-SCHED-S1 A created on node-2',
			't2 R-SCHED-S1 docker run --name B -m 1Gi -e affinity:container==main',
			't2 R-SCHED-S3 B: affinity filter container==main keeps node-2 only',
			't2 R-SCHED-S4 B: binpack weights: node-2 excluded (memScore 114 > 100)',
			't2 R-SCHED-S4 B: Error response from daemon: no resources available to schedule container',
			't2 R-SCHED-S8 main, A keep running without B; Swarm does not know they belong together: nothing is rolled back or retried',
		]);
		assert.equal(c.placements.filter((p) => p.node === 'node-1').length, 0);
	});
});

describe("§7.2 Swarm spread, the default: the source notes' failure does not occur (R-SCHED-S7)", () => {
	test('Setup 1: App and LogCollector on Node_B (memScore 71)', () => {
		const {events} = run(swarm('spread'), setup1.nodes, setup1.pods);
		assert.deepEqual(lines(events), [
			't0 R-SCHED-S1 docker run --name App -m 1Gi',
			't0 R-SCHED-S4 App: spread weights: Node_A -824, Node_B -853 → Node_B',
			't0 R-SCHED-S1 App created on Node_B',
			't1 R-SCHED-S1 docker run --name LogCollector -m 512Mi -e affinity:container==App',
			't1 R-SCHED-S3 LogCollector: affinity filter container==App keeps Node_B only',
			't1 R-SCHED-S4 LogCollector: spread weights: Node_B -829 → Node_B',
			't1 R-SCHED-S1 LogCollector created on Node_B',
		]);
	});
	test('Setup 2: main, A and B on node-1 (B memScore 95 passes ≤ 100)', () => {
		const {c, events} = run(swarm('spread'), setup2.nodes, setup2.pods);
		assert.deepEqual(
			lines(events).filter((l) => l.includes('weights')),
			[
				't0 R-SCHED-S4 main: spread weights: node-1 -869, node-2 -862 → node-1',
				't1 R-SCHED-S4 A: spread weights: node-1 -837 → node-1',
				't2 R-SCHED-S4 B: spread weights: node-1 -805 → node-1',
			],
		);
		assert.equal(c.pods.main.node, 'node-1');
	});
});

describe('§7.3 Mesos, one hoarding framework (R-SCHED-M1, M2, M4)', () => {
	test('Setup 1: waits a tick holding 3328Mi, then both on Node_B, Node_A declined', () => {
		const {c, events} = run(mesos(), setup1.nodes, setup1.pods);
		assert.deepEqual(lines(events), [
			't0 R-SCHED-M4 App submitted to framework F; group {App, LogCollector} 1/2 assembled: not scheduled yet',
			't0 R-SCHED-M2 offer o1: Node_A 1280Mi → F (share 0.00)',
			't0 R-SCHED-M2 offer o2: Node_B 2Gi → F (share 0.38)',
			't0 R-SCHED-M4 F holds o1 Node_A 1280Mi, o2 Node_B 2Gi (3328Mi hoarded, unusable by anyone else): app 1/2 assembled',
			't1 R-SCHED-M4 LogCollector submitted to framework F; group {App, LogCollector} 2/2 assembled',
			't1 R-SCHED-M4 F: launchTasks(o2, [App, LogCollector]) → RUNNING on Node_B; the unused 512Mi goes back, filtered 5s',
			't1 R-SCHED-M1 F: declineOffer(o1 Node_A 1280Mi), filtered 5s',
		]);
		assert.equal(c.pods.app.node, 'Node_B');
	});
	test('Setup 2: waits two ticks holding 5632Mi, then all three on node-1 (exact fit)', () => {
		const {c, events} = run(mesos(), setup2.nodes, setup2.pods);
		const text = lines(events);
		assert.ok(
			text.includes(
				't0 R-SCHED-M4 F holds o1 node-1 3Gi, o2 node-2 2560Mi (5632Mi hoarded, unusable by anyone else): main 1/3 assembled',
			),
		);
		assert.ok(text.includes('t2 R-SCHED-M4 F: launchTasks(o1, [main, A, B]) → RUNNING on node-1'));
		assert.ok(text.includes('t2 R-SCHED-M1 F: declineOffer(o2 node-2 2560Mi), filtered 5s'));
		assert.equal(c.pods.main.node, 'node-1');
	});
});

describe('§7.4 Omega, one scheduler, all-or-nothing (R-SCHED-O1, O4)', () => {
	test('Setup 1: thinks 110 ms, commits both on Node_B, nothing rolls back', () => {
		const {c, events} = run(omega(), setup1.nodes, setup1.pods);
		assert.deepEqual(lines(events), [
			't0 R-SCHED-O1 S syncs its private copy for app (Node_A 1280Mi free (seq 0), Node_B 2Gi free (seq 0)); thinks 110 ms',
			't0.11 R-SCHED-O1 S commits App, LogCollector → Node_B: applied (seq 0 → 1)',
		]);
		assert.equal(c.omega!.schedulers[0].conflicts, 0);
	});
	test('Setup 2: thinks 115 ms, commits all three on node-1', () => {
		const {c, events} = run(omega(), setup2.nodes, setup2.pods);
		assert.equal(
			lines(events).at(-1),
			't0.115 R-SCHED-O1 S commits main, A, B → node-1: applied (seq 0 → 1)',
		);
		assert.equal(c.pods.main.node, 'node-1');
	});
});

describe('§7.5 Kubernetes: the Pod as one unit (R-SCHED-K2, K4, K7, K9)', () => {
	test('Setup 1: 1536Mi, node-a Insufficient memory, node-b taken without scoring', () => {
		const {c, events} = run({name: 'kubernetes'}, setup1k8s.nodes, setup1k8s.pods);
		assert.deepEqual(lines(events), [
			't0 R-SCHED-K2 app: PreFilter NodeResourcesFit: the Pod requests 1536Mi memory as one unit',
			't0 R-SCHED-K4 app: Filter NodeResourcesFit: node-a Insufficient memory (1536Mi > 1280Mi free); node-b fits (2Gi free)',
			't0 R-SCHED-K7 app: one feasible node, node-b, taken without scoring',
			't0 R-SCHED-K9 app: Normal Scheduled Successfully assigned default/app to node-b',
		]);
		assert.deepEqual(c.bound, [{pod: 'app', node: 'node-b'}]);
	});
	test('Setup 2: 3072Mi fits node-1 exactly (request > free fails, equal fits)', () => {
		const {c, events} = run({name: 'kubernetes'}, setup2.nodes, setup2.pods);
		assert.ok(
			lines(events).includes(
				't0 R-SCHED-K4 main: Filter NodeResourcesFit: node-1 fits (3Gi free); node-2 Insufficient memory (3Gi > 2560Mi free)',
			),
		);
		assert.equal(c.pods.main.node, 'node-1');
	});
});
