// The session's state as plain data, and the reads every other module shares. Pure: the shell
// (index.ts) owns the only timer and the listeners.
import {
	type Action,
	currentMoment,
	type History,
	type Moment,
	nodeWorld,
	type Player,
	perform,
	startPlayer,
	type World,
	worldAfterEvents,
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
	/**
	 * Slow motion: how many events of the current moment are shown (the world after them); none
	 * set, the whole moment. Acting or moving to another moment shows moments whole again.
	 */
	sub?: number;
	/** Real milliseconds the current event has been on screen while playing (slow motion). */
	held?: number;
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
	const world = currentMoment(c.player.history).world;
	return c.node ? nodeWorld(world, c.node) : world;
};
export const nowOf = (c: Core): number => worldOf(c).kernel.now;
export const momentsOf = (c: Core): Moment[] => c.player.history.branches[c.player.history.current]!.moments;
export const lastIndex = (c: Core): number => momentsOf(c).length - 1;
export const atBranchEnd = (c: Core): boolean => c.player.history.index === lastIndex(c);

export function withHistory(c: Core, h: History): Core {
	return {...c, player: {...c.player, history: h}};
}

export function withIndex(c: Core, index: number, sub?: number): Core {
	const h = c.player.history;
	const moved = withHistory(c, {...h, index: Math.max(0, Math.min(lastIndex(c), index))});
	return {
		...moved,
		sub: sub === undefined || sub >= currentMoment(moved.player.history).events.length ? undefined : sub,
		held: 0,
	};
}

/** The moment before the current one on its branch (a branch's first moment is its parent's). */
export function previousWorld(c: Core): World | undefined {
	const {index} = c.player.history;
	return index > 0 ? momentsOf(c)[index - 1]!.world : undefined;
}

/** The world on screen: the current moment's, or in slow motion the world after its first events. */
export function shownWorld(c: Core): World {
	const before = c.sub === undefined ? undefined : previousWorld(c);
	if (before === undefined) return worldOf(c);
	const world = worldAfterEvents(before, currentMoment(c.player.history), c.sub!);
	return c.node ? nodeWorld(world, c.node) : world;
}

/** Events of the current moment not shown yet (slow motion). */
export function hiddenEvents(c: Core): number {
	return c.sub === undefined ? 0 : currentMoment(c.player.history).events.length - c.sub;
}

/** Act at the current moment; from a rewound moment this starts a branch (history.ts). */
export function performAll(c: Core, actions: readonly Action[]): Core {
	let player = c.player;
	const home = currentMoment(c.player.history).world.cluster?.home;
	// On another node of a cluster, a PID means that node's process: the action goes there.
	const onNode = (a: Action): Action =>
		c.node && home && c.node !== home && (a.type === 'syscall' || a.type === 'signal')
			? {type: 'on-node', node: c.node, action: a}
			: a;
	for (const action of actions) player = perform(player, onNode(action));
	// Acting shows the moment it acts on whole first: what follows comes from its final world.
	return {...c, player, stopped: undefined, sub: undefined};
}
