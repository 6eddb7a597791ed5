// Swarm, Mesos and Omega rules of scheduling.md §3–§5 and the extra setups of §9, named by rule id.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {SchedulerConfig} from '../../source/cluster/index.js';
import {lines, mesos, node, omega, pod, run, setup1, setup2, swarm} from './helpers.js';

describe('R-SCHED-S3 affinity filter', () => {
	test('a follower whose leader was refused finds no node that satisfies container==leader', () => {
		const {c, events} = run(
			swarm('binpack'),
			[node('n', 512)],
			[
				pod('p', [
					['lead', 1024],
					['follow', 256],
				]),
			],
		);
		assert.ok(
			lines(events).includes(
				't1 R-SCHED-S3 follow: Error response from daemon: Unable to find a node that satisfies the following conditions [available container slots] [container==lead (soft=false)]',
			),
		);
		assert.equal(c.pods.p.containers.follow.stranded, false);
	});
});

describe('R-SCHED-S4 memory is checked by the strategy, with overcommit 5 %', () => {
	test('1344Mi is the most a 1280Mi node takes (memScore 100)', () => {
		const {c} = run(swarm('spread'), [node('n', 1280)], [pod('p', [['x', 1344]]), pod('q', [['y', 14]])]);
		assert.equal(c.pods.p.containers.x.node, 'n');
		assert.equal(c.pods.q.containers.y.error, 'no resources available to schedule container');
	});
});

describe('R-SCHED-S5 random does no resource check', () => {
	test('over a few seeds, random puts App on Node_A and over-commits it with LogCollector', () => {
		const outcomes = Array.from(
			{length: 12},
			(_, seed) => run(swarm('random'), setup1.nodes, setup1.pods, 5000, [], seed).c,
		);
		const overcommitted = outcomes.filter((c) => c.pods.app.node === 'Node_A');
		assert.ok(overcommitted.length > 0 && overcommitted.length < outcomes.length);
		for (const c of outcomes) assert.equal(c.pods.app.scheduled, true);
	});
});

describe('R-SCHED-S2 and R-SCHED-S6 a soft affinity is dropped when it cannot be met', () => {
	test('Setup 2, binpack, affinity:container==~main: b silently lands on node-1, away from main', () => {
		const soft = {name: 'swarm', strategy: 'binpack', overcommit: 0.05, affinity: 'soft'} as const;
		const {c, events} = run(soft, setup2.nodes, setup2.pods);
		const text = lines(events);
		assert.ok(text.includes('t2 R-SCHED-S1 docker run --name B -m 1Gi -e affinity:container==~main'));
		assert.ok(
			text.includes(
				't2 R-SCHED-S6 B: the soft affinity container==~main cannot be met; Swarm tries again without it',
			),
		);
		assert.deepEqual(
			c.placements.map((p) => `${p.container}@${p.node}`),
			['main@node-2', 'A@node-2', 'B@node-1'],
		);
		assert.equal(c.pods.main.node, undefined, 'the group is split: no single node');
		assert.equal(c.pods.main.containers.B.stranded, undefined);
	});
});

describe('R-SCHED-S8 no rollback, no retry', () => {
	test('Setup 2 binpack: main and A stay on node-2 for good', () => {
		const {c} = run(swarm('binpack'), setup2.nodes, setup2.pods, 600_000);
		assert.deepEqual(
			c.placements.map((p) => `${p.container}@${p.node}`),
			['main@node-2', 'A@node-2'],
		);
		assert.equal(c.due, undefined);
	});
});

const x1 = () => ({
	nodes: [node('node-1', 2048), node('node-2', 2048)],
	pods: [
		pod('f1', [['f1', 1024]], {nodeName: 'node-1', endsAt: 1000}),
		pod('f2', [['f2', 1024]], {nodeName: 'node-1', endsAt: 2000}),
		pod('f3', [['f3', 1024]], {nodeName: 'node-2', endsAt: 3000}),
		pod('f4', [['f4', 1024]], {nodeName: 'node-2', endsAt: 4000}),
		pod(
			'g1',
			[
				['g1a', 1024],
				['g1b', 1024],
			],
			{schedulerName: 'F1'},
		),
		pod(
			'g2',
			[
				['g2a', 1024],
				['g2b', 1024],
			],
			{schedulerName: 'F2'},
		),
	],
	releases: [
		[1000, 'f1'],
		[2000, 'f2'],
		[3000, 'f3'],
		[4000, 'f4'],
	] as [number, string][],
});

describe('R-SCHED-M2 allocator: lowest share first, ties by registration order', () => {
	test('X1: o1 → F1, o2 → F2, o3 → F1 (tie), o4 → F2', () => {
		const {nodes, pods, releases} = x1();
		const {events} = run(mesos(['F1', 'F2']), nodes, pods, 10_000, releases);
		assert.deepEqual(
			lines(events).filter((l) => l.includes('R-SCHED-M2')),
			[
				't1 R-SCHED-M2 offer o1: node-1 1Gi → F1 (share 0.00)',
				't2 R-SCHED-M2 offer o2: node-1 1Gi → F2 (share 0.00; F1 0.25)',
				't3 R-SCHED-M2 offer o3: node-2 1Gi → F1 (share 0.25; F2 0.25)',
				't4 R-SCHED-M2 offer o4: node-2 1Gi → F2 (share 0.25; F1 0.50)',
			],
		);
	});
});

describe('R-SCHED-M5 deadlock of two hoarding frameworks (X1)', () => {
	test('declared at t4: each holds 1Gi on each agent and needs 2Gi on one', () => {
		const {nodes, pods, releases} = x1();
		const {c, events} = run(mesos(['F1', 'F2']), nodes, pods, 60_000, releases);
		assert.equal(c.deadlock, true);
		assert.equal(
			lines(events).at(-1),
			't4 R-SCHED-M5 deadlock: F1 holds node-1 1Gi, node-2 1Gi and needs 2Gi on one agent; F2 holds node-1 1Gi, node-2 1Gi and needs 2Gi on one agent; each waits for what another holds',
		);
		assert.equal(c.placements.length, 0);
		assert.equal(c.due, undefined);
	});
	test('not declared while a task is still due to end (t3)', () => {
		const {nodes, pods, releases} = x1();
		const {c} = run(mesos(['F1', 'F2']), nodes, pods, 3500, releases.slice(0, 3));
		assert.equal(c.deadlock, false);
	});
});

describe('R-SCHED-M4 hoarding', () => {
	test('X3: a group larger than every agent never fits; the framework holds 2560Mi and it is not a deadlock', () => {
		const {c, events} = run(
			mesos(),
			[node('node-1', 1280), node('node-2', 1280)],
			[
				pod('app', [
					['app', 1024],
					['log', 512],
				]),
			],
		);
		assert.ok(
			lines(events)
				.at(-1)!
				.startsWith('t1 R-SCHED-M4 app needs 1536Mi on one agent and no agent is that large; F holds 2560Mi'),
		);
		assert.equal(c.deadlock, false);
	});
	test('--offer_timeout rescinds held offers, which the allocator offers again by the same order', () => {
		const {nodes, pods, releases} = x1();
		const {events} = run(mesos(['F1', 'F2'], 2000), nodes, pods, 8000, releases);
		assert.ok(lines(events).some((l) => l.includes('rescinded from F1 after 2s (--offer_timeout)')));
	});
});

const x2 = (
	transactions: 'all-or-nothing' | 'incremental',
	conflicts: 'fine' | 'coarse' = 'fine',
): SchedulerConfig => ({
	name: 'omega',
	schedulers: [
		{name: 'S-svc', tJob: 2000, tTask: 5, transactions},
		{name: 'S-bat', tJob: 100, tTask: 5, transactions: 'incremental'},
	],
	conflicts,
	jobs: 'pod',
	placement: 'first-fit',
});
const x2pods = [
	pod(
		'g',
		[
			['main', 1024],
			['A', 1024],
			['B', 1024],
		],
		{schedulerName: 'S-svc'},
	),
	pod('x', [['x', 1024]], {schedulerName: 'S-bat'}),
];

describe('R-SCHED-O3 all-or-nothing: conflict, rollback, retry (X2)', () => {
	test('event by event', () => {
		const {c, events} = run(x2('all-or-nothing'), [node('node-1', 3072), node('node-2', 3072)], x2pods);
		assert.deepEqual(lines(events), [
			't0 R-SCHED-O1 S-svc syncs its private copy for g (node-1 3Gi free (seq 0), node-2 3Gi free (seq 0)); thinks 2015 ms',
			't0 R-SCHED-O1 S-bat syncs its private copy for x (node-1 3Gi free (seq 0), node-2 3Gi free (seq 0)); thinks 105 ms',
			't0.105 R-SCHED-O1 S-bat commits x → node-1: applied (seq 0 → 1)',
			't2.015 R-SCHED-O3 S-svc: conflict on node-1 (B: 1Gi > 0 free); all-or-nothing: rolled back main, A; 0 tasks committed',
			't2.015 R-SCHED-O2 S-svc resyncs and re-plans 3 tasks of g',
			't2.015 R-SCHED-O1 S-svc syncs its private copy for g (node-1 2Gi free (seq 1), node-2 3Gi free (seq 0)); thinks 2015 ms',
			't4.03 R-SCHED-O1 S-svc commits main, A, B → node-2: applied (seq 0 → 1)',
		]);
		assert.equal(c.pods.g.node, 'node-2');
	});
});

describe('R-SCHED-O5 conflict fraction and busyness', () => {
	test('X2: S-svc conflict fraction 1.0, busy 4.03 s of which 2.015 s wasted', async () => {
		const {omegaFigures} = await import('../../source/cluster/index.js');
		const {c} = run(x2('all-or-nothing'), [node('node-1', 3072), node('node-2', 3072)], x2pods, 5000);
		const svc = omegaFigures(c).find((f) => f.name === 'S-svc')!;
		assert.deepEqual([svc.conflictFraction, svc.busy, svc.wasted], [1, 4030, 2015]);
	});
});

describe('R-SCHED-O2 conflict detection', () => {
	test('X2-coarse: node-1 changed since the sync is a conflict even with room left; the retry commits on node-1', () => {
		const {c, events} = run(
			x2('all-or-nothing', 'coarse'),
			[node('node-1', 4096), node('node-2', 3072)],
			x2pods,
		);
		assert.ok(
			lines(events).some((l) =>
				l.startsWith(
					't2.015 R-SCHED-O3 S-svc: conflict on node-1 (node-1 changed since the sync (seq 0 → 1))',
				),
			),
		);
		assert.equal(c.pods.g.node, 'node-1');
	});
});

describe('R-SCHED-O4 scheduler loop: retries and abandonment', () => {
	test('X2-incremental: main and A committed on node-1, B never fits there: stranded after 1,000 attempts', () => {
		const {c} = run(x2('incremental'), [node('node-1', 3072), node('node-2', 3072)], x2pods, 3_000_000);
		assert.equal(c.pods.g.containers.main.node, 'node-1');
		assert.equal(c.pods.g.containers.B.stranded, true);
		assert.equal(c.pods.g.waiting, 'abandoned');
	});
	test('X3: nothing fits any copy: no transaction, abandoned after 100 attempts', () => {
		const {c, events} = run(
			omega(),
			[node('node-1', 1280), node('node-2', 1280)],
			[
				pod('app', [
					['app', 1024],
					['log', 512],
				]),
			],
			60_000,
		);
		assert.equal(lines(events).at(-1), 't11 R-SCHED-O4 S abandons app after 100 attempts');
		assert.equal(c.omega!.schedulers[0].transactions, 0);
	});
	test('one scheduler never rolls back (R-SCHED-O1)', () => {
		for (const s of [setup1, setup2])
			assert.equal(run(omega(), s.nodes, s.pods).c.omega!.schedulers[0].conflicts, 0);
	});
});
