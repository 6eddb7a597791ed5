// The cluster layer: placing Pods and containers on nodes by memory, under the scheduler a scenario
// picks (R-SCHED). Above the runtime: one runtime per node lives in the engine; below knows nothing.
export * from './cluster.js';
export {fitErrorMessage, KUBERNETES_VERSION} from './kubernetes.js';
export {omegaFigures} from './omega.js';
export {type Outcome, outcome} from './outcome.js';
export {
	type ContainerResources,
	containerRequest,
	DEFAULT_MEMORY,
	type PodResources,
	podRequest,
	podScoringRequest,
} from './request.js';
export type {ClusterSetup} from './setup.js';
export {TICK} from './state.js';
export {NO_RESOURCES} from './swarm.js';
export * from './types.js';
export {formatMemory, GiB, MiB} from './units.js';
