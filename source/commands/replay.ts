// `podplay replay`: play a scenario headless; print the transcript, the pods and the process tree,
// or NDJSON with --json.
import {playerWorld, playUntil, scenarioEnd, startPlayer} from '../engine/index.js';
import type {Scenario} from '../scenario/index.js';
import {containerLogs, podEvents} from './describe.js';
import {exitCodes, type Output, style} from './output.js';
import {podTable, processTable, snapshot} from './snapshot.js';
import {formatLine, scenarioHeader, transcript} from './transcript.js';

export type ReplayOptions = {until?: number; json: boolean; seed?: number};

export function replay(s: Scenario, options: ReplayOptions, o: Output): number {
	const until = options.until ?? scenarioEnd(s);
	const player = playUntil(startPlayer(s, {seed: options.seed, freeze: false}), until, 60_000);
	const world = playerWorld(player);
	const lines = transcript(player, until);
	if (options.json) {
		for (const line of lines) o.out(JSON.stringify(line));
		o.out(JSON.stringify(snapshot(world)));
		return exitCodes.ok;
	}
	for (const line of scenarioHeader(o, s)) o.out(line);
	for (const line of lines) o.out(formatLine(o, line));
	const snap = snapshot(world);
	o.out('');
	o.out(style(o, 'bold', `Pods at ${(world.kernel.now / 1000).toFixed(1)}s`));
	for (const line of podTable(snap)) o.out(line);
	o.out('');
	for (const line of podEvents(world)) o.out(line.startsWith('Events') ? style(o, 'bold', line) : line);
	const logs = containerLogs(world);
	if (logs.length > 0) o.out('');
	for (const line of logs) o.out(line.startsWith('kubectl') ? style(o, 'bold', line) : line);
	o.out('');
	o.out(style(o, 'bold', 'Processes'));
	for (const line of processTable(world)) o.out(line);
	return exitCodes.ok;
}
