// What a world needs to run a cluster: the nodes, the scheduler, the Pods as the scheduler sees them,
// and what to start on a node's runtime when a Pod is bound there.
import type {ProgramSpec} from '../programs/index.js';
import type {PodSpec} from '../runtime/index.js';
import type {NodeSpec, SchedulerConfig, Workload} from './types.js';

export type ClusterSetup = {
	nodes: NodeSpec[];
	scheduler: SchedulerConfig;
	workloads: Workload[];
	/** Keyed by pod name: the spec and programs its node's runtime starts once it is bound. */
	pods: Record<string, {spec: PodSpec; programs: Record<string, ProgramSpec>}>;
};
