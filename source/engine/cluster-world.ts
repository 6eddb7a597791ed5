// A world with a cluster: the scheduler's state, and one kernel and runtime per node. The first node
// is the world's own kernel and runtime (so every single-node reader works unchanged on it); the
// others live here. Reading a node is a World-shaped view of it.
import {type ClusterEvent, type ClusterSetup, type ClusterState, startCluster} from '../cluster/index.js';
import {bootKernel, type Kernel} from '../kernel/index.js';
import {emptyRuntime, type RuntimeState} from '../runtime/index.js';
import type {World} from './world.js';

export type Host = {kernel: Kernel; runtime: RuntimeState};

export type ClusterWorld = {
	state: ClusterState;
	/** The node whose kernel and runtime are the world's own. */
	home: string;
	/** Every other node's kernel and runtime. */
	hosts: Record<string, Host>;
	pods: ClusterSetup['pods'];
	/** Pods started on a node's runtime: when one is gone from there, its resources are released. */
	started: Record<string, string>;
	/** Events of the scheduler's start (pods bound by spec.nodeName), emitted at boot. */
	initial: ClusterEvent[];
};

function bootHost(name: string, seed: number, memory: number, podPidsLimit?: number, pidMax?: number): Host {
	return {
		kernel: bootKernel({seed, memory, pidMax, init: {name: 'init', comm: 'systemd'}}),
		runtime: {...emptyRuntime(podPidsLimit), nodeName: name},
	};
}

export function clusterWorld(
	setup: ClusterSetup,
	seed: number,
	podPidsLimit?: number,
	pidMax?: number,
): {home: Host; cluster: ClusterWorld} {
	const {cluster: state, events} = startCluster(setup.scheduler, setup.nodes, setup.workloads, seed);
	const [first, ...rest] = setup.nodes;
	const hosts = Object.fromEntries(
		rest.map((node, i) => [node.name, bootHost(node.name, seed + i + 1, node.memory, podPidsLimit, pidMax)]),
	);
	return {
		home: bootHost(first.name, seed, first.memory, podPidsLimit, pidMax),
		cluster: {state, home: first.name, hosts, pods: setup.pods, started: {}, initial: events},
	};
}

/** The node names, in declaration order. */
export function nodeNames(world: World): string[] {
	return world.cluster ? world.cluster.state.nodes.map((n) => n.name) : [];
}

/** One node of the world as a World of its own (the world itself for the first node). */
export function nodeWorld(world: World, name: string): World {
	const cluster = world.cluster;
	if (!cluster || name === cluster.home) return world;
	const host = cluster.hosts[name];
	return host ? {...world, kernel: host.kernel, runtime: host.runtime} : world;
}

/** The node a pod runs on (started on its runtime), if any. */
export function podNode(world: World, pod: string): string | undefined {
	return world.cluster?.started[pod];
}

/** The view of the node a pod runs on, else the first node. */
export function podWorld(world: World, pod: string): World {
	const node = podNode(world, pod);
	return node ? nodeWorld(world, node) : world;
}
