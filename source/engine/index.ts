// The engine: the world, one step, time travel and what changed.
export * from './actions.js';
export * from './cluster-world.js';
export * from './diff.js';
export * from './history.js';
export * from './player.js';
export {worldAfterEvents} from './slow-motion.js';
export * from './step.js';
export * from './world.js';
