// The container runtime and the kubelet, built on the kernel model.

export type {RuntimeAction} from './actions.js';
export {applyRuntimeAction} from './actions.js';
export type {RtCtx} from './context.js';
export {logStream} from './context.js';
export {startNodeDaemons} from './node.js';
export {fireRuntimeTimer, observe} from './observe.js';
export * from './pod-spec.js';
export * from './status.js';
export * from './types.js';
