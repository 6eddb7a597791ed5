// Tab completion: full command lines that start with what was typed. Runs on a key press, not
// per frame, so it may look at every process; it returns at most MAX candidates.
import {signalNames, tableValues} from '../kernel/index.js';
import {formatDuration} from '../scenario/duration.js';
import {breakpointKinds} from './breakpoints.js';
import {commandNames, spawnPrograms, supervisors} from './commands.js';
import {type Core, SPEEDS, worldOf} from './core.js';
import {chapters} from './time.js';

const MAX = 100;
const signals = signalNames.map((s) => s.replace(/^SIG/, ''));
const onOff = ['on', 'off'];

function pods(c: Core): string[] {
	return worldOf(c).runtime.order;
}

function containers(c: Core): string[] {
	const {runtime} = worldOf(c);
	return runtime.order.flatMap((name) => runtime.pods[name]!.spec.containers.map((x) => `${name}/${x.name}`));
}

/** Containers first, then sandboxes, commands by name, host PIDs. */
function targets(c: Core, word: string): string[] {
	const {runtime, kernel} = worldOf(c);
	const list = [
		...runtime.order.flatMap((name) => [
			...runtime.pods[name]!.containers.map((x) => `${name}/${x.name}`),
			`${name}/POD`,
		]),
	];
	if (word.startsWith('c')) {
		const comms = new Set<string>();
		for (const p of tableValues(kernel.procs)) comms.add(`comm:${p.comm}`);
		list.push(...[...comms].sort());
	}
	if (word.startsWith('p') || /^\d/.test(word))
		for (const p of tableValues(kernel.procs))
			list.push(/^\d/.test(word) ? String(p.hostPid) : `pid:${p.hostPid}`);
	return list;
}

function argumentChoices(c: Core, command: string, position: number, word: string): string[] {
	switch (command) {
		case 'kill':
			return [targets(c, word), signals][position] ?? [];
		case 'share':
		case 'hostipc':
			return [pods(c), onOff][position] ?? [];
		case 'delete':
			return position === 0 ? pods(c) : [];
		case 'supervise':
			return [containers(c), [...supervisors]][position] ?? [];
		case 'spawn':
			return [targets(c, word), spawnPrograms][position] ?? [];
		case 'orphan':
			return position === 0 ? targets(c, word) : [];
		case 'goto':
			return position === 0 ? [...new Set(chapters(c).map((ch) => formatDuration(ch.at)))] : [];
		case 'speed':
			return position === 0 ? SPEEDS.map(String) : [];
		case 'load':
			return position === 0 ? c.scenarioNames : [];
		case 'break':
			return [[...breakpointKinds], onOff][position] ?? [];
		case 'branch':
			return position === 0 ? Object.keys(c.player.history.branches) : [];
		default:
			return [];
	}
}

export function complete(c: Core, partial: string): string[] {
	const words = partial.replace(/^\s+/, '').split(/\s+/);
	if (words.length === 1) return commandNames.filter((n) => n.startsWith(words[0]!));
	const [command = '', ...rest] = words;
	const word = rest.at(-1) ?? '';
	const head = [command, ...rest.slice(0, -1)].join(' ');
	const out: string[] = [];
	for (const choice of argumentChoices(c, command, rest.length - 1, word)) {
		if (!choice.startsWith(word)) continue;
		out.push(`${head} ${choice}`);
		if (out.length === MAX) break;
	}
	return out;
}
