// Time travel. Every moment stays reachable, not every world resident: a branch records what was
// done at each moment (its action, the events it caused, its virtual time) in an append-only
// chunked log, keeps a keyframe world now and then, and rebuilds any other world on demand by
// replaying the actions from the nearest keyframe (step is deterministic, so the rebuilt world is
// the one that was played). Recently used worlds stay in a small cache, so stepping back and forth
// is a lookup. Rewinding is showing an older moment; acting there starts a branch, which shares its
// parent's moments up to the one it was made from; every branch is kept and can be revisited.
import type {KernelEvent} from '../kernel/index.js';
import {deepCopy} from '../kernel/index.js';
import type {Action} from './actions.js';
import {replayInPlace, type StepOptions, step} from './step.js';
import type {World} from './world.js';

export type Moment = {world: World; action?: Action; events: readonly KernelEvent[]};

/** A moment without its world: what was done, what it caused, when, and every event through it. */
export type Entry = {
	readonly action?: Action;
	readonly events: readonly KernelEvent[];
	readonly now: number;
	/** Events in the moments leading here (this one included), on this branch and those it left. */
	readonly total: number;
};

export type Branch = {
	readonly name: string;
	/** Where it left its parent branch: the moment it was made from (this branch's moment 0). */
	readonly from?: {branch: string; index: number};
	/** Moments on this branch (this version of it). */
	readonly length: number;
	readonly log: Log;
};

export type History = {
	readonly branches: Readonly<Record<string, Branch>>;
	readonly current: string;
	readonly index: number;
	/** Shared by every version of this history: worlds rebuilt or played lately. */
	readonly cache: WorldCache;
	/** How worlds are stepped when they are rebuilt (the options it was last played with). */
	readonly options: StepOptions;
	readonly tuning: Tuning;
};

/** How many worlds stay resident: the trade between memory and the time to rebuild a moment. */
export type Tuning = {
	/** A keyframe at least every this many moments… */
	keyframeEvery: number;
	/** …or sooner once replaying the moments since the last one would fire this many events and timers. */
	keyframeCost: number;
	/** Worlds kept in the cache of recent worlds. */
	cacheSize: number;
	/**
	 * Keyframes a branch keeps at most: past it every other one goes and the spacing doubles, so
	 * memory stays flat however long the session (rebuilding a moment replays up to one spacing).
	 */
	maxKeyframes: number;
};

/**
 * Replaying a lively node's moments on a private copy costs ~0.1 ms each, so a keyframe every 512
 * moments still rebuilds any moment in a few tens of milliseconds; a keyframe costs its changes.
 * Past 512 keyframes (about 65,000 moments at first) they are thinned: 30 minutes at ×64 (~180,000
 * moments) keep a few hundred worlds, not thousands. The cache holds the last moments played or
 * rebuilt (a rebuild leaves its last few moments there as worlds of their own).
 */
export const defaultTuning: Tuning = {
	keyframeEvery: 128,
	keyframeCost: 4000,
	cacheSize: 32,
	maxKeyframes: 512,
};

/** Moments per chunk of a log: appending copies nothing; a chunk is never changed below `length`. */
const chunkSize = 1024;

/**
 * The append-only record of one branch. Versions of a branch share it: each reads only its first
 * `length` entries, and appending in place is allowed only to the version at its end (else the
 * log is copied first), so no version ever sees another change.
 */
export type Log = {
	readonly id: number;
	readonly chunks: Entry[][];
	filled: number;
	/** Moment indices that have a keyframe, ascending, and their worlds. */
	readonly keyframes: number[];
	readonly worlds: Map<number, World>;
	/** Replay cost since the last keyframe (events plus timers set), for the keyframe policy. */
	cost: number;
	/** Moments between keyframes now (doubles each time the keyframes are thinned). */
	spacing: number;
};

let logIds = 0;
const noEvents: readonly KernelEvent[] = Object.freeze([]);

function newLog(spacing: number): Log {
	logIds += 1;
	return {id: logIds, chunks: [], filled: 0, keyframes: [], worlds: new Map(), cost: 0, spacing};
}

function push(log: Log, entry: Entry): void {
	const chunk = log.chunks[log.filled >> 10];
	if (chunk) chunk.push(entry);
	else log.chunks.push([entry]);
	log.filled += 1;
}

function keyframe(log: Log, index: number, world: World, max = Number.POSITIVE_INFINITY): void {
	log.keyframes.push(index);
	log.worlds.set(index, world);
	log.cost = 0;
	if (log.keyframes.length <= max) return;
	// Every other keyframe goes (the first stays): every version of the branch can still rebuild
	// any of its moments, from a keyframe up to twice as far back.
	const kept = log.keyframes.filter((_, i) => i % 2 === 0);
	for (const frame of log.keyframes) if (!kept.includes(frame)) log.worlds.delete(frame);
	log.keyframes.splice(0, log.keyframes.length, ...kept);
	log.spacing *= 2;
}

/** The log of a branch version that is about to grow: itself at its end, else a copy of its part. */
function growable(branch: Branch): Log {
	const {log, length} = branch;
	if (log.filled === length) return log;
	const copy = newLog(log.spacing);
	for (let i = 0; i < length; i++) push(copy, entryIn(log, i));
	for (const index of log.keyframes) if (index < length) keyframe(copy, index, log.worlds.get(index)!);
	return copy;
}

function entryIn(log: Log, index: number): Entry {
	return log.chunks[index >> 10]![index & (chunkSize - 1)]!;
}

/**
 * A small least-recently-used cache of worlds, keyed by moment and log. Keys stay small integers
 * (fast to hash) by holding only the log id's low bits; the log kept beside each world tells two
 * logs sharing a key apart. `last` answers the most common question (the newest world) at once.
 */
export type WorldCache = {
	readonly worlds: Map<number, {log: Log; world: World}>;
	readonly size: number;
	last?: {log: Log; index: number; world: World};
};

const cacheKey = (log: Log, index: number) => index * 1024 + (log.id & 1023);

function cached(cache: WorldCache, log: Log, index: number): World | undefined {
	const {last} = cache;
	if (last !== undefined && last.index === index && last.log === log) return last.world;
	const key = cacheKey(log, index);
	const slot = cache.worlds.get(key);
	if (slot === undefined || slot.log !== log) return undefined;
	cache.worlds.delete(key);
	cache.worlds.set(key, slot);
	cache.last = {log, index, world: slot.world};
	return slot.world;
}

function remember(cache: WorldCache, log: Log, index: number, world: World): void {
	const key = cacheKey(log, index);
	cache.worlds.delete(key);
	cache.worlds.set(key, {log, world});
	if (cache.worlds.size > cache.size) cache.worlds.delete(cache.worlds.keys().next().value!);
	cache.last = {log, index, world};
}

export function startHistory(world: World, options: StepOptions = {}, tuning = defaultTuning): History {
	const log = newLog(tuning.keyframeEvery);
	push(log, {events: [], now: world.kernel.now, total: 0});
	keyframe(log, 0, world);
	return {
		branches: {main: {name: 'main', length: 1, log}},
		current: 'main',
		index: 0,
		cache: {worlds: new Map(), size: tuning.cacheSize},
		options,
		tuning,
	};
}

export function currentBranch(h: History): Branch {
	return h.branches[h.current]!;
}

/** Moments on the current branch. */
export function branchLength(h: History): number {
	return currentBranch(h).length;
}

/** Moment `index` of the current branch without its world (cheap). */
export function entryAt(h: History, index: number): Entry {
	return entryIn(currentBranch(h).log, index);
}

export function currentEntry(h: History): Entry {
	return entryAt(h, h.index);
}

/** The world at moment `index` of `branch` (default: the current one), rebuilt if not resident. */
export function worldAt(h: History, index: number, branch: Branch = currentBranch(h)): World {
	const {log} = branch;
	const hit = cached(h.cache, log, index) ?? log.worlds.get(index);
	if (hit) return hit;
	// The nearest resident world at or before `index`: a cached one, or the keyframe before it.
	const frame = nearestKeyframe(log, index);
	let base = frame;
	let world = log.worlds.get(frame)!;
	for (let i = index - 1; i > frame; i--) {
		const found = h.cache.worlds.get(cacheKey(log, i));
		if (found?.log === log) {
			base = i;
			world = found.world;
			break;
		}
	}
	// Far from it: replay on a private copy changed in place (no immer bookkeeping per moment, several
	// times faster), keeping only the last few moments as separate worlds for stepping back.
	if (index - base > steppedTail) {
		const until = index - steppedTail;
		world = replayInPlace(deepCopy(world), actionsIn(log, base + 1, until));
		base = until;
		remember(h.cache, log, base, world);
	}
	const options = {...h.options, freeze: false};
	for (let i = base + 1; i <= index; i++) {
		world = step(world, entryIn(log, i).action!, options).world;
		remember(h.cache, log, i, world);
	}
	return world;
}

/** Moments before the one asked for that a rebuild leaves in the cache as worlds of their own. */
const steppedTail = 8;

function* actionsIn(log: Log, from: number, to: number): Generator<Action> {
	for (let i = from; i <= to; i++) yield entryIn(log, i).action!;
}

function nearestKeyframe(log: Log, index: number): number {
	const frames = log.keyframes;
	let lo = 0;
	let hi = frames.length - 1;
	let found = 0;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (frames[mid]! <= index) {
			found = frames[mid]!;
			lo = mid + 1;
		} else hi = mid - 1;
	}
	return found;
}

export function currentMoment(h: History): Moment {
	const entry = currentEntry(h);
	return {world: worldAt(h, h.index), events: entry.events, ...(entry.action ? {action: entry.action} : {})};
}

/** Act at the current moment. Acting from an earlier moment starts (or continues) a new branch. */
export function act(h: History, action: Action, options: StepOptions = h.options): History {
	const branch = currentBranch(h);
	const before = currentEntry(h);
	const world = worldAt(h, h.index);
	const result = step(world, action, options);
	const entry: Entry = {
		action,
		events: result.events.length === 0 ? noEvents : result.events.slice(),
		now: result.world.kernel.now,
		total: before.total + result.events.length,
	};
	const atEnd = h.index === branch.length - 1;
	const log = atEnd ? growable(branch) : newLog(h.tuning.keyframeEvery);
	if (!atEnd) {
		push(log, before);
		keyframe(log, 0, world);
	}
	push(log, entry);
	const index = log.filled - 1;
	log.cost += 1 + result.events.length + Math.max(0, result.world.kernel.timerSeq - world.kernel.timerSeq);
	if (index - (log.keyframes.at(-1) ?? 0) >= log.spacing || log.cost >= h.tuning.keyframeCost)
		keyframe(log, index, result.world, h.tuning.maxKeyframes);
	remember(h.cache, log, index, result.world);
	if (atEnd) {
		const grown: Branch = {...branch, length: index + 1, log};
		return {...h, branches: {...h.branches, [h.current]: grown}, index, options};
	}
	const name = nextBranchName(h);
	const fresh: Branch = {name, from: {branch: h.current, index: h.index}, length: 2, log};
	return {...h, branches: {...h.branches, [name]: fresh}, current: name, index: 1, options};
}

function nextBranchName(h: History): string {
	let n = Object.keys(h.branches).length;
	while (h.branches[`branch-${n}`]) n += 1;
	return `branch-${n}`;
}

/** Return to moment `index` of the current branch (clamped). */
export function seek(h: History, index: number): History {
	const last = branchLength(h) - 1;
	return {...h, index: Math.max(0, Math.min(last, index))};
}

/** The last moment at or before virtual time `t` on the current branch (time never goes back). */
export function indexAtOrBefore(h: History, t: number): number {
	let lo = 0;
	let hi = branchLength(h) - 1;
	let found = 0;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (entryAt(h, mid).now <= t) {
			found = mid;
			lo = mid + 1;
		} else hi = mid - 1;
	}
	return found;
}

/** The first moment at or after virtual time `t` on the current branch (or the last one). */
export function seekTime(h: History, t: number): History {
	let lo = 0;
	let hi = branchLength(h) - 1;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (entryAt(h, mid).now >= t) hi = mid;
		else lo = mid + 1;
	}
	return seek(h, lo);
}

export function switchBranch(h: History, name: string): History {
	const branch = h.branches[name];
	if (!branch) return h;
	return {...h, current: name, index: branch.length - 1};
}

/** Entries of the current branch up to the current moment, then those of the branches it left. */
export function* entriesBackwards(h: History): Generator<Entry> {
	let branch: Branch | undefined = currentBranch(h);
	let index = h.index;
	while (branch) {
		// Moment 0 of a branch is the moment it was made from: its parent yields it.
		const first = branch.from ? 1 : 0;
		for (let i = index; i >= first; i--) yield entryIn(branch.log, i);
		if (!branch.from) return;
		index = branch.from.index;
		branch = h.branches[branch.from.branch];
	}
}
