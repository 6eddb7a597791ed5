// The session's state as plain data, and the reads every other module shares. Pure: the shell
// (index.ts) owns the only timer and the listeners.
import {
	type Action,
	branchLength,
	type Entry,
	entryAt,
	type History,
	type Moment,
	nodeWorld,
	type Player,
	perform,
	startPlayer,
	type World,
	worldAfterEvents,
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
	const world = worldAt(c.player.history, c.player.history.index);
	return c.node ? nodeWorld(world, c.node) : world;
};
/** The world at moment `index` of the current branch (rebuilt from a keyframe if need be). */
export const worldAtIndex = (c: Core, index: number): World => worldAt(c.player.history, index);
/** Moment `index` of the current branch without its world: action, events, time. */
export const entryOf = (c: Core, index: number): Entry => entryAt(c.player.history, index);
/**
 * Moment `index` of the current branch: its action and events at once, its world rebuilt only when
 * read. One object per entry, so what is cached per moment (slow motion's worlds) stays cached.
 */
export function momentAt(c: Core, index: number): Moment {
	const h = c.player.history;
	const entry = entryAt(h, index);
	let moment = moments.get(entry);
	if (!moment) {
		moment = {
			events: entry.events,
			...(entry.action ? {action: entry.action} : {}),
			get world() {
				return worldAt(h, index);
			},
		};
		moments.set(entry, moment);
	}
	return moment;
}
const moments = new WeakMap<Entry, Moment>();
export const nowOf = (c: Core): number => entryOf(c, c.player.history.index).now;
export const lastIndex = (c: Core): number => branchLength(c.player.history) - 1;
export const atBranchEnd = (c: Core): boolean => c.player.history.index === lastIndex(c);

export function withHistory(c: Core, h: History): Core {
	return {...c, player: {...c.player, history: h}};
}

export function withIndex(c: Core, index: number, sub?: number): Core {
	const h = c.player.history;
	const moved = withHistory(c, {...h, index: Math.max(0, Math.min(lastIndex(c), index))});
	return {
		...moved,
		sub: sub === undefined || sub >= entryAt(h, moved.player.history.index).events.length ? undefined : sub,
		held: 0,
	};
}

/** The moment before the current one on its branch (a branch's first moment is its parent's). */
export function previousWorld(c: Core): World | undefined {
	const {index} = c.player.history;
	return index > 0 ? worldAt(c.player.history, index - 1) : undefined;
}

/** The world on screen: the current moment's, or in slow motion the world after its first events. */
export function shownWorld(c: Core): World {
	const before = c.sub === undefined ? undefined : previousWorld(c);
	if (before === undefined) return worldOf(c);
	const world = worldAfterEvents(before, momentAt(c, c.player.history.index), c.sub!);
	return c.node ? nodeWorld(world, c.node) : world;
}

/** Events of the current moment not shown yet (slow motion). */
export function hiddenEvents(c: Core): number {
	return c.sub === undefined ? 0 : entryOf(c, c.player.history.index).events.length - c.sub;
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
	// Acting shows the moment it acts on whole first: what follows comes from its final world.
	return {...c, player, stopped: undefined, sub: undefined};
}
