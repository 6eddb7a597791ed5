// Recording helpers: bundled scenarios loaded once, a film with the defaults `podplay record` uses,
// and a headless xterm fed a cast's output (what a player shows).
import xterm from '@xterm/headless';
import {bundledDir} from '../../source/commands/load.js';
import type {CastEvent} from '../../source/record/asciicast.js';
import {type Film, type FilmOptions, film} from '../../source/record/film.js';
import {loadScenarioFile, type Scenario} from '../../source/scenario/index.js';
import {stripAnsi} from '../helpers/render.js';

export async function bundled(name: string): Promise<Scenario> {
	const result = await loadScenarioFile(`${bundledDir()}/${name}.yaml`);
	if (!result.ok) throw new Error(`${name} does not load`);
	return result.scenario;
}

export function shoot(scenario: Scenario, options: Partial<FilmOptions> = {}): Film {
	return film(scenario, {
		columns: 100,
		rows: 30,
		speed: 1,
		fps: 10,
		keys: [],
		ascii: false,
		color: true,
		maxHoldMs: 5000,
		scenariosDir: bundledDir(),
		...options,
	});
}

export type Player = {write(data: string): Promise<void>; screen(): string[]};

export function player(columns: number, rows: number): Player {
	const terminal = new xterm.Terminal({cols: columns, rows, allowProposedApi: true});
	return {
		write: (data) => new Promise((resolve) => terminal.write(data, resolve)),
		screen: () =>
			Array.from(
				{length: rows},
				(_, y) => terminal.buffer.active.getLine(y)?.translateToString(true, 0, columns) ?? '',
			),
	};
}

export const plain = (lines: readonly string[]) => lines.map((line) => stripAnsi(line).trimEnd());

export const outputs = (events: CastEvent[]) => events.filter(([, kind]) => kind === 'o');
