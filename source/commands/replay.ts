// `podplay replay`: play a scenario headless; print the transcript, the pods and the process tree,
// or NDJSON with --json.
import {
	headlessPace,
	nodeNames,
	nodeWorld,
	playerWorld,
	playUntil,
	scenarioEnd,
	startPlayer,
	type World,
} from '../engine/index.js';
import type {Scenario} from '../scenario/index.js';
import {jsonLine} from '../text/printable.js';
import {nodeTable, placementTable, schedulerFigures} from './cluster-tables.js';
import {containerLogs, podEvents} from './describe.js';
import {exitCodes, type Output, style} from './output.js';
import {podTable, processTable, snapshot} from './snapshot.js';
import {formatLine, scenarioHeader, transcript} from './transcript.js';

export type ReplayOptions = {until?: number; json: boolean; seed?: number};

const batchLines = 512;

export function replay(s: Scenario, options: ReplayOptions, o: Output): number {
	const until = options.until ?? scenarioEnd(s);
	const player = playUntil(startPlayer(s, {seed: options.seed, freeze: false}), until, headlessPace);
	const world = playerWorld(player);
	const lines = transcript(player, until);
	if (options.json) {
		for (let i = 0; i < lines.length; i += batchLines)
			o.out(
				lines
					.slice(i, i + batchLines)
					.map(jsonLine)
					.join('\n'),
			);
		o.out(jsonLine(snapshot(world)));
		return exitCodes.ok;
	}
	for (const line of scenarioHeader(o, s)) o.out(line);
	// A long transcript leaves in batches of lines (one write each), not one write per line.
	for (let i = 0; i < lines.length; i += batchLines)
		o.out(
			lines
				.slice(i, i + batchLines)
				.map((line) => formatLine(o, line))
				.join('\n'),
		);
	const snap = snapshot(world);
	o.out('');
	o.out(style(o, 'bold', `Pods at ${(world.kernel.now / 1000).toFixed(1)}s`));
	for (const line of podTable(snap)) o.out(line);
	if (world.cluster) {
		o.out('');
		o.out(style(o, 'bold', 'Nodes'));
		for (const line of nodeTable(snap)) o.out(line);
		if (world.cluster.state.config.name !== 'kubernetes') {
			o.out('');
			o.out(style(o, 'bold', 'Placements'));
			for (const line of placementTable(snap)) o.out(line);
		}
		o.out('');
		for (const line of schedulerFigures(world)) o.out(line);
	}
	// In a cluster, each node's pods, logs and processes in turn (the first node is the world itself).
	const nodes = world.cluster ? nodeNames(world) : [undefined];
	o.out('');
	for (const line of [
		...nodes.flatMap((n) => podEvents(n ? nodeWorld(world, n) : world)),
		...pendingEvents(world),
	])
		o.out(line.startsWith('Events') ? style(o, 'bold', line) : line);
	const logs = nodes.flatMap((n) => containerLogs(n ? nodeWorld(world, n) : world));
	if (logs.length > 0) o.out('');
	for (const line of logs) o.out(line.startsWith('kubectl') ? style(o, 'bold', line) : line);
	for (const n of nodes) {
		o.out('');
		o.out(style(o, 'bold', n ? `Processes on ${n}` : 'Processes'));
		for (const line of processTable(n ? nodeWorld(world, n) : world)) o.out(line);
	}
	return exitCodes.ok;
}

/** K10: a Pending Pod's events are the scheduler's FailedScheduling warnings. */
function pendingEvents(world: World): string[] {
	const c = world.cluster?.state;
	if (c?.config.name !== 'kubernetes') return [];
	return c.workloads
		.filter((w) => c.pods[w.name]?.waiting === 'pending')
		.flatMap((w) => [
			`Events of pod ${w.name}:`,
			'  Type     Reason            From               Message',
			`  Warning  FailedScheduling  default-scheduler  ${c.pods[w.name]!.message}`,
		]);
}
