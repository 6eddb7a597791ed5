// The `:` command line and the commands the keys build (source/ui/commands.ts). Pure: a command
// becomes engine actions performed at the current moment, or a change of the session's state.
// Never throws: every problem is one sentence, with a did-you-mean where one helps.
import {
	type Action,
	currentMoment,
	eventCount,
	eventsSince,
	nodeNames,
	nodeWorld,
	switchBranch,
} from '../engine/index.js';
import {getProcess, type KernelEvent, type SignalName, signalNames} from '../kernel/index.js';
import {userPrograms} from '../programs/index.js';
import {didYouMean} from '../scenario/did-you-mean.js';
import {parseDuration} from '../scenario/duration.js';
import {normaliseSignal} from '../scenario/signals.js';
import {parseContainerRef} from '../scenario/target.js';
import type {RunResult} from '../ui/session.js';
import {branchForTime} from './branch-goto.js';
import {breakpointKinds} from './breakpoints.js';
import {type Core, performAll, SPEEDS, withHistory, worldOf} from './core.js';
import {pick} from './question.js';
import {findTarget} from './targets.js';
import {goto, isLongJump} from './time.js';

export type CommandOutcome = {core: Core; result: RunResult; load?: string; jump?: number};

type Handler = (c: Core, args: string[]) => CommandOutcome;

export const usage: Record<string, string> = {
	kill: 'kill TARGET [SIGNAL]',
	share: 'share POD on|off',
	hostipc: 'hostipc POD on|off',
	supervise: 'supervise POD/CONTAINER systemd|tini|dumb-init|none',
	spawn: 'spawn TARGET [PROGRAM]',
	orphan: 'orphan TARGET',
	delete: 'delete POD',
	goto: 'goto TIME',
	speed: 'speed N',
	load: 'load NAME',
	play: 'play',
	pause: 'pause',
	break: 'break zombie|pid1-exit|queue-gone on|off',
	branch: 'branch NAME',
	node: 'node [NAME]',
	compare: 'compare',
	answer: 'answer N',
	help: 'help',
};

export const commandNames = Object.keys(usage);
export const supervisors = ['systemd', 'tini', 'dumb-init', 'none'] as const;
/** The programs a user can start with `spawn` (the node's own daemons are not among them). */
export const spawnPrograms = userPrograms;

const ok = (c: Core, message?: string): CommandOutcome => ({
	core: c,
	result: {ok: true, ...(message ? {message} : {})},
});
const fail = (c: Core, message: string): CommandOutcome => ({core: c, result: {ok: false, message}});
const wrongUsage = (c: Core, name: string): CommandOutcome => fail(c, `usage: ${usage[name]}`);

export function runCommand(c: Core, text: string): CommandOutcome {
	const [name = '', ...args] = text
		.trim()
		.split(/\s+/)
		.filter((w) => w !== '');
	if (name === '') return fail(c, `type a command: ${commandNames.join(', ')}`);
	// Own keys only: "constructor" or "toString" typed at the prompt are unknown commands.
	const handler = Object.hasOwn(handlers, name) ? handlers[name] : undefined;
	if (!handler) {
		const hint = didYouMean(name, commandNames);
		return fail(c, `unknown command "${name}"${hint || '; type help for the list'}`);
	}
	try {
		return handler(c, args);
	} catch (error) {
		// A simulation bug must not take the playground down: report it in one sentence.
		return fail(c, `${name} failed: ${error instanceof Error ? error.message : String(error)}`);
	}
}

/** Perform actions and report what they did: the first event explains it; a refusal fails. */
function act(c: Core, actions: Action[]): CommandOutcome {
	const before = eventCount(c.player);
	const next = performAll(c, actions);
	const events = eventsSince(next.player, before);
	const refused = events.find(isRefusal);
	if (refused) return fail(next, refused.text);
	const first = events.find((e) => e.kind !== 'unchanged') ?? events[0];
	return ok(next, first ? `${first.text} (${first.rule})` : undefined);
}

function isRefusal(e: KernelEvent): boolean {
	return e.kind === 'rejected' || (e.kind === 'errno' && e.rule === 'R-PIDNS-5');
}

function onOff(word: string | undefined): boolean | undefined {
	return word === 'on' ? true : word === 'off' ? false : undefined;
}

function podProblem(c: Core, pod: string): string | undefined {
	// In a cluster a pod may run on another node than the one on screen.
	const world = currentMoment(c.player.history).world;
	const order = world.cluster
		? nodeNames(world).flatMap((n) => nodeWorld(world, n).runtime.order)
		: worldOf(c).runtime.order;
	return order.includes(pod) ? undefined : `no pod "${pod}"${didYouMean(pod, order)}`;
}

function podField(field: 'shareProcessNamespace' | 'hostIPC', name: string): Handler {
	return (c, [pod, value, ...rest]) => {
		const on = onOff(value);
		if (!pod || on === undefined || rest.length > 0) return wrongUsage(c, name);
		const problem = podProblem(c, pod);
		if (problem) return fail(c, problem);
		return act(c, [{type: 'setPodField', pod, field, value: on}]);
	};
}

const kill: Handler = (c, [target, signalText = 'TERM', ...rest]) => {
	if (!target || rest.length > 0) return wrongUsage(c, 'kill');
	const signal = normaliseSignal(signalText);
	if (!signal.ok) return fail(c, signal.message);
	if (!(signalNames as string[]).includes(signal.signal))
		return fail(c, `the simulation does not model ${signal.signal}`);
	const found = findTarget(worldOf(c), target);
	if (!found.ok) return fail(c, found.message);
	return act(c, [{type: 'signal', pid: found.process.hostPid, signal: signal.signal as SignalName}]);
};

const supervise: Handler = (c, [ref, how, ...rest]) => {
	const parsed = ref ? parseContainerRef(ref) : undefined;
	if (!parsed || !how || rest.length > 0) return wrongUsage(c, 'supervise');
	if (!(supervisors as readonly string[]).includes(how))
		return fail(
			c,
			`unknown supervisor "${how}"${didYouMean(how, supervisors) || `; use ${supervisors.join(', ')}`}`,
		);
	const problem = podProblem(c, parsed.pod);
	if (problem) return fail(c, problem);
	const pod = worldOf(c).runtime.pods[parsed.pod]!;
	const names = pod.spec.containers.map((x) => x.name);
	if (!names.includes(parsed.container))
		return fail(
			c,
			`pod ${parsed.pod} has no container "${parsed.container}"${didYouMean(parsed.container, names)}`,
		);
	return act(c, [
		{
			type: 'supervise',
			pod: parsed.pod,
			container: parsed.container,
			with: how as (typeof supervisors)[number],
		},
	]);
};

/** A live process to fork from: zombies cannot (R-ZOMB-1). */
function forkParent(c: Core, target: string): {ok: true; pid: number} | {ok: false; message: string} {
	const found = findTarget(worldOf(c), target);
	if (!found.ok) return found;
	const p = found.process;
	if (p.state === 'Z') return {ok: false, message: `${p.comm} ${p.hostPid} is a zombie and cannot fork`};
	return {ok: true, pid: p.hostPid};
}

const spawn: Handler = (c, [target, program = 'sleep', ...rest]) => {
	if (!target || rest.length > 0) return wrongUsage(c, 'spawn');
	if (!spawnPrograms.includes(program))
		return fail(
			c,
			`unknown program "${program}"${didYouMean(program, spawnPrograms) || `; use one of ${spawnPrograms.join(', ')}`}`,
		);
	const parent = forkParent(c, target);
	if (!parent.ok) return fail(c, parent.message);
	return act(c, [
		{
			type: 'syscall',
			pid: parent.pid,
			call: {call: 'fork', program: {name: program, params: {}}, comm: program},
		},
	]);
};

/**
 * `sh -c 'sleep &'`: the process forks a shell that starts sleep in the background and exits at
 * once, so the sleep is orphaned and adopted by the nearest subreaper or the namespace's init
 * (R-REAP-2, R-REAP-3).
 */
const orphan: Handler = (c, [target, ...rest]) => {
	if (!target || rest.length > 0) return wrongUsage(c, 'orphan');
	const parent = forkParent(c, target);
	if (!parent.ok) return fail(c, parent.message);
	const before = new Set(getProcess(worldOf(c).kernel, parent.pid)?.children ?? []);
	const shell = {name: 'app', params: {children: [{program: 'sleep'}]}};
	const forked = act(c, [
		{type: 'syscall', pid: parent.pid, call: {call: 'fork', program: shell, comm: 'sh'}},
	]);
	if (!forked.result.ok) return forked;
	const after = getProcess(worldOf(forked.core).kernel, parent.pid)?.children ?? [];
	const middle = after.find((pid) => !before.has(pid));
	if (middle === undefined) return forked;
	const exited = act(forked.core, [{type: 'syscall', pid: middle, call: {call: 'exit', code: 0}}]);
	const events = eventsSince(exited.core.player, eventCount(forked.core.player));
	const adopted = events.find((e) => e.kind === 'reparent');
	return adopted ? ok(exited.core, `${adopted.text} (${adopted.rule})`) : exited;
};

const del: Handler = (c, [pod, ...rest]) => {
	if (!pod || rest.length > 0) return wrongUsage(c, 'delete');
	const problem = podProblem(c, pod);
	if (problem) return fail(c, problem);
	return act(c, [{type: 'deletePod', pod}]);
};

const gotoCommand: Handler = (c, [text, ...rest]) => {
	if (!text || rest.length > 0) return wrongUsage(c, 'goto');
	const duration = parseDuration(text);
	if (!duration.ok) return fail(c, duration.message);
	// A long way ahead of what was played: the shell runs it in slices, showing progress.
	if (isLongJump(c, duration.ms)) return {...ok(c), jump: duration.ms};
	// On a branch, a time before its split point is shown on the branch that lived it (branch-goto.ts).
	const on = branchForTime(c, duration.ms);
	return ok(goto(on.core, duration.ms), on.message);
};

const speed: Handler = (c, [text, ...rest]) => {
	const match = text === undefined ? null : /^[x×]?(\d+(?:\.\d+)?|\.\d+)[x×]?$/.exec(text);
	const value = match ? Number(match[1]) : Number.NaN;
	if (rest.length > 0 || !SPEEDS.includes(value as (typeof SPEEDS)[number]))
		return fail(c, `speed must be one of ${SPEEDS.join(', ')}`);
	return ok({...c, speed: value}, `speed ×${value}`);
};

const breakCommand: Handler = (c, [kind, value, ...rest]) => {
	const on = onOff(value);
	if (!kind || on === undefined || rest.length > 0) return wrongUsage(c, 'break');
	if (!(breakpointKinds as string[]).includes(kind))
		return fail(
			c,
			`unknown breakpoint "${kind}"${didYouMean(kind, breakpointKinds) || `; use ${breakpointKinds.join(', ')}`}`,
		);
	return ok({...c, breakpoints: {...c.breakpoints, [kind]: on}}, `breakpoint ${kind} ${value}`);
};

const branch: Handler = (c, [name, ...rest]) => {
	if (!name || rest.length > 0) return wrongUsage(c, 'branch');
	const names = Object.keys(c.player.history.branches);
	if (!names.includes(name))
		return fail(c, `no branch "${name}"${didYouMean(name, names) || `; branches: ${names.join(', ')}`}`);
	return ok(withHistory(c, switchBranch(c.player.history, name)), `on branch ${name}`);
};

/** `node NAME` shows that node's process tree; `node` alone the next one (R-SCHED, one runtime per node). */
const nodeCommand: Handler = (c, [name, ...rest]) => {
	if (rest.length > 0) return wrongUsage(c, 'node');
	const names = nodeNames(currentMoment(c.player.history).world);
	if (names.length === 0)
		return fail(c, 'this scenario is a single node; a scenario with "nodes:" is a cluster');
	const shown = c.node ?? names[0];
	const next = name ?? names[(names.indexOf(shown) + 1) % names.length];
	if (!names.includes(next))
		return fail(c, `no node "${next}"${didYouMean(next, names) || `; nodes: ${names.join(', ')}`}`);
	return ok({...c, node: next}, `showing ${next}'s processes`);
};

const answer: Handler = (c, [choice, ...rest]) => {
	if (rest.length > 0) return wrongUsage(c, 'answer');
	const picked = pick(c, choice);
	return picked.ok ? ok(picked.core, picked.message) : fail(c, picked.message);
};

const handlers: Record<string, Handler> = {
	kill,
	share: podField('shareProcessNamespace', 'share'),
	hostipc: podField('hostIPC', 'hostipc'),
	supervise,
	spawn,
	orphan,
	delete: del,
	goto: gotoCommand,
	speed,
	load: (c, [name, ...rest]) =>
		!name || rest.length > 0
			? wrongUsage(c, 'load')
			: {core: c, result: {ok: true, message: `loading ${name}…`}, load: name},
	play: (c) => ok({...c, playing: true, stopped: undefined}),
	pause: (c) => ok({...c, playing: false}),
	break: breakCommand,
	branch,
	node: nodeCommand,
	compare: (c, args) => {
		if (args.length > 0) return wrongUsage(c, 'compare');
		if (!currentMoment(c.player.history).world.cluster)
			return fail(c, 'compare needs a cluster: a scenario with "nodes:"');
		return ok(
			{...c, compare: !c.compare},
			c.compare
				? 'the cluster pane shows the nodes again'
				: 'the same pods under each scheduler (podplay compare)',
		);
	},
	answer,
	help: (c) => ok(c, `commands: ${Object.values(usage).join('; ')}`),
};
