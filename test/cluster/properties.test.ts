// Invariants over random clusters (fast-check): determinism (R-SCHED-C4) and no over-commit where
// the scheduler checks memory (R-SCHED-K4, S4, M4, O2).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import type {SchedulerConfig} from '../../source/cluster/index.js';
import {Mi, mesos, node, omega, pod, run, swarm} from './helpers.js';

const cluster = fc.record({
	nodes: fc.array(fc.integer({min: 2, max: 32}), {minLength: 1, maxLength: 5}),
	pods: fc.array(fc.array(fc.integer({min: 1, max: 16}), {minLength: 1, maxLength: 3}), {
		minLength: 1,
		maxLength: 6,
	}),
	seed: fc.nat(1000),
});

const configs: [string, SchedulerConfig, number][] = [
	['kubernetes', {name: 'kubernetes'}, 1],
	// memScore is an integer division: (used + request)·100 / total < 101 passes.
	['swarm spread', swarm('spread'), 1.05 * 1.01],
	['swarm binpack', swarm('binpack'), 1.05 * 1.01],
	['mesos', mesos(), 1],
	['omega', omega(), 1],
	['omega incremental', omega('incremental'), 1],
];

function build(input: {nodes: number[]; pods: number[][]}) {
	const nodes = input.nodes.map((n, i) => node(`n${i}`, n * 128));
	const pods = input.pods.map((sizes, i) =>
		pod(
			`p${i}`,
			sizes.map((s, j) => [`c${j}`, s * 128] as [string, number]),
		),
	);
	return {nodes, pods};
}

for (const [name, config, factor] of configs) {
	test(`R-SCHED-C4 ${name}: same cluster and seed, same events; nothing placed beyond what the node takes`, () => {
		fc.assert(
			fc.property(cluster, (input) => {
				const {nodes, pods} = build(input);
				const a = run(config, nodes, pods, 30_000, [], input.seed);
				const b = run(config, nodes, pods, 30_000, [], input.seed);
				assert.deepEqual(a.events, b.events);
				for (const n of nodes) {
					const used = a.c.placements.filter((p) => p.node === n.name).reduce((x, p) => x + p.memory, 0);
					assert.ok(used <= Math.floor(n.memory * factor) + Mi, `${n.name}: ${used} > ${n.memory}`);
				}
			}),
			{numRuns: 60},
		);
	});
}

test('R-SCHED-K1 every Pod is either bound whole to one node or Pending with its message', () => {
	fc.assert(
		fc.property(cluster, (input) => {
			const {nodes, pods} = build(input);
			const {c} = run({name: 'kubernetes'}, nodes, pods, 1000, [], input.seed);
			for (const p of pods) {
				const s = c.pods[p.name];
				if (s.scheduled) assert.equal(c.placements.filter((x) => x.pod === p.name).length, 1);
				else assert.match(s.message!, /^0\/\d+ nodes are available: /);
			}
		}),
		{numRuns: 100},
	);
});
