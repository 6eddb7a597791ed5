// Setups of scheduling.md §7 and §9 as plain cluster input, and a runner that returns the events.
import {
	advanceCluster,
	type ClusterEvent,
	type ClusterState,
	MiB,
	type NodeSpec,
	podRequest,
	podScoringRequest,
	releasePod,
	type SchedulerConfig,
	startCluster,
	type Workload,
} from '../../source/cluster/index.js';

export const Mi = MiB;

export function node(name: string, mi: number): NodeSpec {
	return {name, memory: mi * Mi};
}

/** A Pod of containers with memory requests in MiB; the first is the group's leader. */
export function pod(name: string, containers: [string, number][], extra: Partial<Workload> = {}): Workload {
	const resources = {
		containers: containers.map(([n, mi]) => ({name: n, requests: {memory: mi * Mi}})),
		initContainers: [],
	};
	return {
		name,
		namespace: 'default',
		members: containers.map(([n, mi]) => ({name: n, memory: mi * Mi, cpu: 0})),
		request: podRequest(resources),
		scoring: podScoringRequest(resources),
		...extra,
	};
}

export const setup1 = {
	nodes: [node('Node_A', 1280), node('Node_B', 2048)],
	pods: [
		pod('app', [
			['App', 1024],
			['LogCollector', 512],
		]),
	],
};
export const setup1k8s = {
	nodes: [node('node-a', 1280), node('node-b', 2048)],
	pods: [
		pod('app', [
			['app', 1024],
			['log-collector', 512],
		]),
	],
};
export const setup2 = {
	nodes: [node('node-1', 3072), node('node-2', 2560)],
	pods: [
		pod('main', [
			['main', 1024],
			['A', 1024],
			['B', 1024],
		]),
	],
};

export const swarm = (strategy: 'spread' | 'binpack' | 'random'): SchedulerConfig => ({
	name: 'swarm',
	strategy,
	overcommit: 0.05,
});
export const mesos = (frameworks: string[] = [], offerTimeout?: number): SchedulerConfig => ({
	name: 'mesos',
	frameworks,
	...(offerTimeout === undefined ? {} : {offerTimeout}),
});
export const omega = (
	transactions: 'incremental' | 'all-or-nothing' = 'all-or-nothing',
	extra: Partial<Extract<SchedulerConfig, {name: 'omega'}>> = {},
): SchedulerConfig => ({
	name: 'omega',
	schedulers: [{name: 'S', tJob: 100, tTask: 5, transactions}],
	conflicts: 'fine',
	jobs: 'pod',
	placement: 'first-fit',
	...extra,
});

/** Run until `until` ms; `releases` are pods that end at given times (before the scheduler acts then). */
export function run(
	config: SchedulerConfig,
	nodes: NodeSpec[],
	pods: Workload[],
	until = 60_000,
	releases: [number, string][] = [],
	seed = 1,
): {c: ClusterState; events: ClusterEvent[]} {
	const {cluster: c, events} = startCluster(config, nodes, pods, seed);
	for (const [t, name] of releases) {
		advanceCluster(c, t, events);
		releasePod(c, name, t, events);
	}
	advanceCluster(c, until, events);
	return {c, events};
}

/** Events as "t rule text" lines, for comparing against the traces (podplay's own notes left out). */
export function lines(events: ClusterEvent[]): string[] {
	return events.filter((e) => e.kind !== 'note').map((e) => `t${e.t / 1000} ${e.rule} ${e.text}`);
}
