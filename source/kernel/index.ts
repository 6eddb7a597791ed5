// The kernel model: Linux processes, namespaces, signals, reaping, SysV queues and cgroups, as
// pure functions over plain data. No Kubernetes words here.

export type {BootOptions} from './boot.js';
export {bootKernel} from './boot.js';
export type {CgroupLimits} from './cgroup.js';
export {createCgroup} from './cgroup.js';
export type {Ctx} from './context.js';
export {emit, label, peekProc, proc} from './context.js';
export {deepCopy} from './copy.js';
export {drain, runCalls} from './dispatch.js';
export type {Errno} from './errno.js';
export {errnoText} from './errno.js';
export {exitProcess} from './exit.js';
export type {ForkOptions} from './fork.js';
export {forkProcess} from './fork.js';
export {createPinnedNs, hexKey, pinNs, unpinNs} from './namespaces.js';
export * from './queries.js';
export {rawField} from './raw.js';
export {kernelStep} from './run.js';
export {forceKill, sendSignal} from './signal.js';
export * from './signals.js';
export type {KernelAction, Settle, TimerHandler} from './step.js';
export {advanceTo, applyKernelAction} from './step.js';
export type * from './syscalls.js';
export {tableGet, tableValues} from './table.js';
export {addTimer, cancelTimers, commitTimers} from './timers.js';
export type * from './types.js';
export {sealOwned} from './working.js';
