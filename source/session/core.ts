// The session's state as plain data, and the reads every other module shares. Pure: the shell
// (index.ts) owns the only timer and the listeners.
import {
	type Action,
	branchLength,
	type Entry,
	entryAt,
	type History,
	nodeWorld,
	type Player,
	perform,
	startPlayer,
	type World,
	worldAt,
} from '../engine/index.js';
import type {Scenario} from '../scenario/index.js';
import {type Breakpoints, noBreakpoints} from './breakpoints.js';

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16, 64] as const;

/** Virtual time per `advance` moment: the grain of rewinding and of breakpoints. */
export const MAX_STEP_MS = 250;

export type Core = {
	scenario: Scenario;
	player: Player;
	speed: number;
	playing: boolean;
	breakpoints: Breakpoints;
	/** Host PIDs whose subtrees are folded. */
	collapsed: ReadonlySet<number>;
	/** Why play last stopped on its own (a breakpoint, the scenario's end). */
	stopped?: string;
	/** Bundled scenario names, for `load` completion. */
	scenarioNames: string[];
	/** In a cluster: the node whose process tree is shown (the first node when absent). */
	node?: string;
	/** In a cluster: the cluster pane shows the compare view (`:compare`). */
	compare?: boolean;
};

export function startCore(scenario: Scenario, seed?: number, scenarioNames: string[] = []): Core {
	return {
		scenarioNames,
		scenario,
		// No deep freeze: nothing changes a world once made, and stepping is several times faster.
		player: startPlayer(scenario, {seed, freeze: false}),
		speed: 1,
		playing: false,
		breakpoints: noBreakpoints(),
		collapsed: new Set(),
	};
}

export const history = (c: Core): History => c.player.history;
/** The world as the playground shows it: in a cluster, the node on screen (R-SCHED). */
export const worldOf = (c: Core): World => {
	const world = worldAt(c.player.history, c.player.history.index);
	return c.node ? nodeWorld(world, c.node) : world;
};
/** The world at moment `index` of the current branch (rebuilt from a keyframe if need be). */
export const worldAtIndex = (c: Core, index: number): World => worldAt(c.player.history, index);
/** Moment `index` of the current branch without its world: action, events, time. */
export const entryOf = (c: Core, index: number): Entry => entryAt(c.player.history, index);
export const nowOf = (c: Core): number => entryOf(c, c.player.history.index).now;
export const lastIndex = (c: Core): number => branchLength(c.player.history) - 1;
export const atBranchEnd = (c: Core): boolean => c.player.history.index === lastIndex(c);

export function withHistory(c: Core, h: History): Core {
	return {...c, player: {...c.player, history: h}};
}

export function withIndex(c: Core, index: number): Core {
	const h = c.player.history;
	return withHistory(c, {...h, index: Math.max(0, Math.min(lastIndex(c), index))});
}

/** Act at the current moment; from a rewound moment this starts a branch (history.ts). */
export function performAll(c: Core, actions: readonly Action[]): Core {
	let player = c.player;
	const home = worldAt(c.player.history, c.player.history.index).cluster?.home;
	// On another node of a cluster, a PID means that node's process: the action goes there.
	const onNode = (a: Action): Action =>
		c.node && home && c.node !== home && (a.type === 'syscall' || a.type === 'signal')
			? {type: 'on-node', node: c.node, action: a}
			: a;
	for (const action of actions) player = perform(player, onNode(action));
	return {...c, player, stopped: undefined};
}
