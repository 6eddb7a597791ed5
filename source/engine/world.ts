// The world: the node's kernel, the runtime on it, and the narration a scenario shows.
import type {ClusterSetup} from '../cluster/index.js';
import {bootKernel, type Kernel} from '../kernel/index.js';
import {emptyRuntime, type RuntimeState} from '../runtime/index.js';
import {type ClusterWorld, clusterWorld} from './cluster-world.js';

/** A question asked by the scenario; `answer`, `explain` and `rules` once it is revealed. */
export type Question = {
	question: string;
	choices: string[];
	answer?: number;
	explain?: string;
	rules?: string[];
};

export type Narration = {caption?: string; chapter?: string; notes?: string; ask?: Question};

export type World = {
	kernel: Kernel;
	runtime: RuntimeState;
	narration: Narration;
	seed: number;
	/** Index of the next scenario timeline step to play. */
	cue: number;
	/** Several nodes and a scheduler (R-SCHED); absent: the single node it always was. */
	cluster?: ClusterWorld;
};

export type NodeOptions = {
	seed?: number;
	/** Node memory in bytes. */
	memory?: number;
	podPidsLimit?: number;
	pidMax?: number;
	/** Nodes and a scheduler: `kernel` and `runtime` are then the first node's. */
	cluster?: ClusterSetup;
};

/** A node before anything has happened: boot a kernel, no pods. `boot` (engine) starts its daemons. */
export function emptyWorld(options: NodeOptions = {}): World {
	const seed = options.seed ?? 1;
	if (options.cluster) {
		const {home, cluster} = clusterWorld(options.cluster, seed, options.podPidsLimit, options.pidMax);
		return {...home, narration: {}, seed, cue: 0, cluster};
	}
	return {
		kernel: bootKernel({
			seed,
			memory: options.memory,
			pidMax: options.pidMax,
			init: {name: 'init', comm: 'systemd'},
		}),
		runtime: emptyRuntime(options.podPidsLimit),
		narration: {},
		seed,
		cue: 0,
	};
}
