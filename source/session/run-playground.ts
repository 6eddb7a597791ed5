// The playground's entry: load the scenario, make the session, run the Ink app until the user quits.
import * as nodeModule from 'node:module';
import {fileURLToPath} from 'node:url';
import type {Scenario} from '../scenario/index.js';
import {drawFirstFrame, undoFirstFrame} from '../ui/first-frame.js';
import {createSession} from './index.js';
import {bundledLoader} from './load.js';
import {guardTerminal} from './signal-guard.js';

export type PlaygroundStartOptions = {
	seed?: number;
	ascii?: boolean;
	color?: boolean;
	/** Bundled scenarios for `load NAME` (default: the package's scenarios folder). */
	scenariosDir?: string;
	/** Start playing at once (default true). */
	playing?: boolean;
	stdout?: NodeJS.WriteStream;
	stdin?: NodeJS.ReadStream;
};

export class PlaygroundError extends Error {}

/** The package's `scenarios/` folder, from source/ or dist/. */
export function defaultScenariosDir(): string {
	const here = fileURLToPath(import.meta.url);
	return `${here.replace(/[/\\](source|dist)[/\\].*$/, '')}/scenarios`;
}

/**
 * Runs the playground on a scenario (already loaded, or a bundled name or file to load). A scenario
 * that cannot be loaded rejects with a PlaygroundError whose message is one sentence with its
 * position, for the CLI to print.
 */
export async function startPlayground(
	scenario: Scenario | string,
	options: PlaygroundStartOptions = {},
): Promise<void> {
	const scenariosDir = options.scenariosDir ?? defaultScenariosDir();
	let loaded: Scenario;
	if (typeof scenario === 'string') {
		const result = await bundledLoader(scenariosDir)(scenario);
		if (!result.ok) throw new PlaygroundError(result.message);
		loaded = result.scenario;
	} else loaded = scenario;
	const session = createSession(loaded, {seed: options.seed, scenariosDir, playing: options.playing ?? true});
	const ui = {ascii: options.ascii, color: options.color, stdout: options.stdout, stdin: options.stdin};
	// A signal from the first byte on restores the terminal (signal-guard.ts).
	const guard = guardTerminal(() => undoFirstFrame(ui));
	// The first frame is drawn before Ink and React load (issue 5): they are most of the launch.
	const drawn = drawFirstFrame(session, ui);
	// What was compiled up to the first frame goes to the compile cache now (cli.tsx turned it on),
	// not only at exit: a launch that is closed or killed before Ink is up still speeds up the next.
	nodeModule.flushCompileCache?.();
	let started = false;
	try {
		const {runPlayground} = await import('../ui/run.js');
		started = true;
		const running = runPlayground(session, {...ui, replaceFirstFrame: drawn});
		// runPlayground has installed Ink's TERM and HUP handlers before its first await.
		guard.handOver(['SIGTERM', 'SIGHUP']);
		await running;
	} finally {
		guard.dispose();
		if (drawn && !started) undoFirstFrame(ui);
		session.dispose();
	}
}
