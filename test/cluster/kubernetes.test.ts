// Kubernetes rules of scheduling.md §2 (pinned v1.35), named by rule id.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {
	DEFAULT_MEMORY,
	fitErrorMessage,
	type PodResources,
	podRequest,
	podScoringRequest,
} from '../../source/cluster/index.js';
import {lines, Mi, node, pod, run} from './helpers.js';

const k8s = {name: 'kubernetes'} as const;
const c = (name: string, mi: number, sidecar = false) => ({name, requests: {memory: mi * Mi}, sidecar});

describe("R-SCHED-K2 effective request: the code's formula", () => {
	const cases: [string, PodResources, number][] = [
		[
			'Setup 1: containers App + LogCollector',
			{containers: [c('app', 1024), c('log', 512)], initContainers: []},
			1536,
		],
		[
			'Setup 1, LogCollector a native sidecar',
			{containers: [c('app', 1024)], initContainers: [c('log', 512, true)]},
			1536,
		],
		[
			'Setup 1, LogCollector a regular init container',
			{containers: [c('app', 1024)], initContainers: [c('log', 512)]},
			1024,
		],
		[
			'Setup 2: main + A + B',
			{containers: [c('main', 1024), c('a', 1024), c('b', 1024)], initContainers: []},
			3072,
		],
		[
			'a regular init container after a sidecar adds the sidecar (docs would say 1536)',
			{containers: [c('app', 512)], initContainers: [c('s', 1024, true), c('i', 1024)]},
			2048,
		],
		[
			'init [war 2048, sidecar 512, init 1024], app 1024',
			{containers: [c('app', 1024)], initContainers: [c('war', 2048), c('s', 512, true), c('i', 1024)]},
			2048,
		],
	];
	for (const [name, resources, mi] of cases)
		test(`${name}: ${mi}Mi`, () => assert.equal(podRequest(resources).memory, mi * Mi));
	test('overhead is added last; pod-level requests replace the aggregate', () => {
		const base = {containers: [c('app', 1024)], initContainers: []};
		assert.equal(podRequest({...base, overhead: {memory: 128 * Mi}}).memory, 1152 * Mi);
		assert.equal(
			podRequest({...base, podRequests: {memory: 2048 * Mi}, overhead: {memory: 128 * Mi}}).memory,
			2176 * Mi,
		);
	});
});

describe('R-SCHED-K3 requests, not limits', () => {
	test('a limit without a request is the request', () => {
		assert.equal(
			podRequest({containers: [{name: 'a', limits: {memory: 300 * Mi}}], initContainers: []}).memory,
			300 * Mi,
		);
	});
	test('no request: 0 for the Filter, 200 MB and 100m for scoring', () => {
		const resources = {containers: [{name: 'a'}], initContainers: []};
		assert.deepEqual(podRequest(resources), {memory: 0, cpu: 0});
		assert.deepEqual(podScoringRequest(resources), {memory: DEFAULT_MEMORY, cpu: 100});
	});
});

describe('R-SCHED-K4 NodeResourcesFit: request > free fails, equal fits', () => {
	test('3Gi on a node with exactly 3Gi free binds', () => {
		const {c: cluster} = run(k8s, [node('n', 3072)], [pod('p', [['x', 3072]])]);
		assert.equal(cluster.pods.p.node, 'n');
	});
	test('one byte more is Insufficient memory', () => {
		const big = pod('p', [['x', 3072]]);
		big.request = {memory: 3072 * Mi + 1, cpu: 0};
		const {c: cluster} = run(k8s, [node('n', 3072)], [big]);
		assert.equal(cluster.pods.p.scheduled, false);
		assert.match(cluster.pods.p.message!, /1 Insufficient memory/);
	});
	test('cpu is checked where the node declares it', () => {
		const p = pod('p', [['x', 10]]);
		p.request = {memory: 10 * Mi, cpu: 500};
		const {c: cluster} = run(k8s, [{name: 'n', memory: 1024 * Mi, cpu: 250}], [p]);
		assert.match(cluster.pods.p.message!, /1 Insufficient cpu/);
	});
});

describe('R-SCHED-K5 FailedScheduling message (FitError.Error)', () => {
	test('reasons counted and sorted as strings', () => {
		const n = (name: string) => ({name, memory: 1, cpu: 1});
		const message = fitErrorMessage(3, [
			{node: n('a'), reasons: ['Insufficient memory'], unresolvable: false},
			{node: n('b'), reasons: ['Insufficient memory', 'Insufficient cpu'], unresolvable: false},
			{node: n('c'), reasons: ['Insufficient memory'], unresolvable: false},
		]);
		assert.equal(
			message,
			'0/3 nodes are available: 1 Insufficient cpu, 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
		);
	});
});

describe('R-SCHED-K6 preemption outcome', () => {
	test('X3a: nodes smaller than the Pod: Preemption is not helpful (v1.34+)', () => {
		const {c: cluster, events} = run(
			k8s,
			[node('node-1', 1280), node('node-2', 1280)],
			[
				pod('app', [
					['app', 1024],
					['log-collector', 512],
				]),
			],
		);
		assert.ok(
			lines(events).includes(
				't0 R-SCHED-K5 app: Warning FailedScheduling default-scheduler 0/2 nodes are available: 2 Insufficient memory. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
			),
		);
		assert.equal(cluster.pods.app.reason, 'Unschedulable');
	});
	test('X3b: big enough nodes, used by priority-0 pods: No preemption victims found', () => {
		const {c: cluster} = run(
			k8s,
			[node('node-1', 2048), node('node-2', 2048)],
			[
				pod('u1', [['u', 768]], {nodeName: 'node-1'}),
				pod('u2', [['u', 768]], {nodeName: 'node-2'}),
				pod('app', [
					['app', 1024],
					['log-collector', 512],
				]),
			],
		);
		assert.equal(
			cluster.pods.app.message,
			'0/2 nodes are available: 2 Insufficient memory. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
		);
	});
});

describe('R-SCHED-K7 scoring', () => {
	test('LeastAllocated: the node with the most memory left after placement wins', () => {
		const {c: cluster, events} = run(
			k8s,
			[node('small', 2048), node('big', 4096)],
			[pod('p', [['x', 1024]])],
		);
		assert.ok(lines(events).includes('t0 R-SCHED-K7 p: Score LeastAllocated: small 50, big 75'));
		assert.equal(cluster.pods.p.node, 'big');
	});
});

describe('R-SCHED-K8 ties: a seeded draw among the top scores', () => {
	const nodes = [node('n1', 2048), node('n2', 2048), node('n3', 2048)];
	const pick = (seed: number) => run(k8s, nodes, [pod('p', [['x', 1024]])], 1000, [], seed).c.pods.p.node;
	test('same seed, same node', () => assert.equal(pick(7), pick(7)));
	test('the draw reaches every tied node over seeds', () => {
		const seen = new Set(Array.from({length: 40}, (_, seed) => pick(seed)));
		assert.deepEqual([...seen].sort(), ['n1', 'n2', 'n3']);
	});
});

describe('R-SCHED-K9 assume and bind the whole Pod at once', () => {
	test("one placement carrying the Pod's request; the next cycle counts it", () => {
		const {c: cluster} = run(
			k8s,
			[node('n', 2048)],
			[
				pod('a', [
					['x', 1024],
					['y', 512],
				]),
				pod('b', [['z', 1024]]),
			],
		);
		assert.deepEqual(
			cluster.placements.map((p) => [p.pod, p.memory / Mi]),
			[['a', 1536]],
		);
		assert.equal(cluster.pods.b.scheduled, false);
		assert.deepEqual(cluster.bound, [{pod: 'a', node: 'n'}]);
	});
});

describe('R-SCHED-K10 Pending, and a retry when an assigned pod is deleted', () => {
	test('X1 under Kubernetes: Pending, then bound at t2 (node-1) and t4 (node-2)', () => {
		const nodes = [node('node-1', 2048), node('node-2', 2048)];
		const pods = [
			pod('f1', [['f1', 1024]], {nodeName: 'node-1'}),
			pod('f2', [['f2', 1024]], {nodeName: 'node-1'}),
			pod('f3', [['f3', 1024]], {nodeName: 'node-2'}),
			pod('f4', [['f4', 1024]], {nodeName: 'node-2'}),
			pod('g1', [
				['a', 1024],
				['b', 1024],
			]),
			pod('g2', [
				['a', 1024],
				['b', 1024],
			]),
		];
		const {c: cluster, events} = run(k8s, nodes, pods, 10_000, [
			[1000, 'f1'],
			[2000, 'f2'],
			[3000, 'f3'],
			[4000, 'f4'],
		]);
		const binds = lines(events).filter((l) => l.includes('R-SCHED-K9'));
		assert.deepEqual(binds, [
			't2 R-SCHED-K9 g1: Normal Scheduled Successfully assigned default/g1 to node-1',
			't4 R-SCHED-K9 g2: Normal Scheduled Successfully assigned default/g2 to node-2',
		]);
		assert.equal(cluster.pods.g2.reason, undefined);
	});
	test('a Pod that never fits is retried every 5 minutes, staying Pending', () => {
		const {events} = run(k8s, [node('n', 1024)], [pod('p', [['x', 2048]])], 11 * 60_000);
		assert.equal(events.filter((e) => e.kind === 'failed-scheduling').length, 3);
	});
});
