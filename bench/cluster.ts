// Issue 11: scheduling 1,000 pods on 100 nodes under each scheduler, through the pure cluster layer
// (R-SCHED): decisions per second and wall time until the scheduler has nothing left to decide.
import {
	type ClusterEvent,
	MiB,
	type NodeSpec,
	podRequest,
	podScoringRequest,
	type SchedulerConfig,
	startCluster,
	stepCluster,
	type Workload,
} from '../source/cluster/index.js';
import {fmt, printFigure} from './report.js';
import {median, timeMs} from './stats.js';

const nodeCount = 100;
const podCount = 1000;
const runs = 3;

function nodes(): NodeSpec[] {
	return Array.from({length: nodeCount}, (_, i) => ({
		name: `node-${i}`,
		memory: (8 + (i % 5) * 4) * 1024 * MiB,
	}));
}

/** Pods of an app and a sidecar-like helper, sizes varying so nodes fill unevenly. */
function pods(): Workload[] {
	return Array.from({length: podCount}, (_, i) => {
		const members = [
			{name: 'app', memory: (256 + (i % 7) * 128) * MiB, cpu: 0},
			{name: 'helper', memory: (64 + (i % 3) * 64) * MiB, cpu: 0},
		];
		const resources = {
			containers: members.map((m) => ({name: m.name, requests: {memory: m.memory}})),
			initContainers: [],
		};
		return {
			name: `pod-${i}`,
			namespace: 'default',
			members,
			request: podRequest(resources),
			scoring: podScoringRequest(resources),
		};
	});
}

const schedulers: [string, SchedulerConfig][] = [
	['kubernetes', {name: 'kubernetes'}],
	['swarm spread', {name: 'swarm', strategy: 'spread', overcommit: 0.05}],
	['swarm binpack', {name: 'swarm', strategy: 'binpack', overcommit: 0.05}],
	['mesos', {name: 'mesos', frameworks: []}],
	[
		'omega',
		{
			name: 'omega',
			schedulers: [{name: 'S', tJob: 100, tTask: 5, transactions: 'incremental'}],
			conflicts: 'fine',
			jobs: 'pod',
			placement: 'first-fit',
		},
	],
];

export function benchCluster(): void {
	for (const [name, config] of schedulers) {
		const times: number[] = [];
		let steps = 0;
		let placed = 0;
		for (let run = 0; run < runs; run++) {
			const input = {nodes: nodes(), pods: pods()};
			times.push(
				timeMs(() => {
					const {cluster: c} = startCluster(config, input.nodes, input.pods, 1);
					const events: ClusterEvent[] = [];
					while (c.due !== undefined && !(c.kube && c.kube.active.length === 0)) stepCluster(c, events);
					steps = c.steps;
					placed = Object.values(c.pods).filter((p) => p.scheduled).length;
				}),
			);
		}
		const ms = median(times);
		printFigure({
			name: `schedule ${podCount} pods on ${nodeCount} nodes, ${name}`,
			value: fmt.rate((steps * 1000) / ms),
			note: `${fmt.count(steps)} decisions in ${fmt.ms(ms)}; ${placed} pods placed whole`,
		});
	}
}
