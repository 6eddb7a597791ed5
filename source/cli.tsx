// podplay's command line (meow): the playground, and headless replay, check, list and export.
// Launch speed (issue 5): only small modules are imported up front; the rest is imported after the
// compile cache is on, and only what the command needs. meow is given package.json's fields, so it
// does not walk the file system for them (most of its cost at start).
import {readFileSync} from 'node:fs';
import * as nodeModule from 'node:module';
import meow from 'meow';
import {consoleOutput, exitCodes, type Output} from './commands/output.js';
import {quickLoad} from './commands/quick-load.js';
import {didYouMean} from './scenario/did-you-mean.js';
import {parseDuration} from './scenario/duration.js';

// V8 keeps the compiled bundle on disk (Node's default cache folder, as tsc does): later launches
// skip compiling it. Node < 22.1 has no compile cache; NODE_DISABLE_COMPILE_CACHE turns it off.
nodeModule.enableCompileCache?.();

// `podplay replay x | head`: a reader that went away is not an error worth a stack trace. Output
// that cannot be written (a full disk: ENOSPC) is one sentence and its own exit code, 74.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(0);
	const why = error.code === 'ENOSPC' ? 'no space left on device' : error.message.replace(/^\w+: /, '');
	process.stderr.write(`podplay: cannot write the output: ${why}${error.code ? ` (${error.code})` : ''}.\n`);
	process.exit(74);
});
// Errors that cannot be written change nothing: the exit code still says what happened (2 for bad input).
process.stderr.on('error', () => undefined);

const help = `
  Usage
    $ podplay [FILE|NAME]                  the playground (default scenario: default)
    $ podplay replay FILE|NAME [--until 30s] [--json]
    $ podplay check [FILE…]                run scenarios with their expectations (all bundled if none)
    $ podplay list                         the bundled scenarios
    $ podplay export FILE|NAME             the scenario's pods as plain Kubernetes manifests
    $ podplay rules [ID]                   the kernel and Kubernetes rules podplay follows
    $ podplay compare FILE|NAME [--schedulers kubernetes,swarm:binpack,…]
                                           the same pods under each scheduler, one outcome table
    $ podplay record FILE|NAME -o OUT.cast  record it through the playground's screen (.cast, .svg, .html)
    $ podplay present FILE|NAME            give it as a talk: stops at each chapter, say and question
    $ podplay present --check FILE|NAME    rehearse the talk headless
    $ podplay notes [--notes FILE]         speaker notes of the running presentation (second terminal)

  Options
    --until DURATION   replay: stop at this virtual time (e.g. 30s, 2m); default: the end
    --json             replay: NDJSON, one object per event, then a snapshot object
    --seed N           override the scenario's seed
    --schedulers LIST  compare: kubernetes, swarm[:spread|binpack|random], mesos,
                       omega[:incremental|all-or-nothing|per-container] (default: kubernetes,swarm:binpack,
                       swarm:spread,mesos,omega)
    --no-color         no colours (NO_COLOR is honoured too)
    --ascii            no box-drawing or tree glyphs

  Recording (podplay record)
    -o, --output FILE  OUT.cast (asciicast v2), OUT.svg (animated) or OUT.html (asciinema player)
    --size 100x30      screen size (default 100x30, readable on a projector)
    --speed N          virtual seconds per recorded second: 0.25, 0.5, 1, 2, 4, 8, 16, 64
    --until DURATION   stop at this virtual time (default: the scenario's end)
    --idle-limit SEC   no pause longer than this (default 5)
    --title TEXT       the recording's title
    --keys "2s kill web/app KILL; 5s share web on"   commands of the : line, at virtual times
    --theme NAME       asciinema, dracula, gruvbox-dark, solarized-dark, solarized-light, tango
    --force            replace an output file that podplay did not make

  Presenting (podplay present)
    → PgDn Space Enter next stop    ← PgUp back    g N chapter N    b blank    r back to the scenario
    1-9 answer a question    every playground key acts live (: command line, K, s, …)
    --check            rehearse headless: every stop drawn, every expectation and question judged
    --notes FILE       where the speaker notes go (default: a file only you can read)
    --size 100x30      the screen size --check rehearses for
    --help, --version

  Without a terminal (a pipe, CI), \`podplay FILE\` replays instead of opening the playground.

  Examples
    $ podplay zombies
    $ podplay replay kill-pid-1 --until 20s
    $ podplay check scenarios/*.yaml
    $ podplay compare coscheduling-main-a-b
    $ podplay record kill-pid-1 -o kill.cast --keys "3s kill web/app KILL"
`;

const commands = [
	'replay',
	'check',
	'list',
	'export',
	'rules',
	'compare',
	'record',
	'present',
	'notes',
	'play',
];
const flagNames = ['until', 'json', 'seed', 'schedulers', 'color', 'no-color', 'ascii', 'help', 'version'];
const recordFlags = [
	'o',
	'output',
	'size',
	'speed',
	'idle-limit',
	'title',
	'keys',
	'theme',
	'force',
	'check',
	'notes',
];

/** A typo is one sentence with a did-you-mean (before any other parsing, so it always reads so). */
function unknownFlag(argv: string[]): string | undefined {
	for (const arg of argv) {
		if (arg === '--') return undefined;
		const match = /^--?([^=]+)/.exec(arg);
		if (!match || /^-\d/.test(arg)) continue;
		const name = match[1];
		const known = [...flagNames, ...recordFlags];
		if (!known.includes(name)) return `unknown flag "${arg.split('=')[0]}"${didYouMean(name, known)}`;
	}
	return undefined;
}

const valueFlags = ['until', 'seed'];

/**
 * `--until -1s` and `--seed -3` are values, not flags: they are joined to their flag (`--until=-1s`)
 * so that they reach the one-sentence checks below. A value flag followed by nothing or by another
 * flag is one sentence too.
 */
function joinValues(argv: string[]): {argv: string[]; error?: string} {
	const out: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		const name = /^--([^=]+)$/.exec(arg)?.[1];
		if (arg === '--' || !name || !valueFlags.includes(name)) {
			out.push(arg);
			continue;
		}
		const value = argv[i + 1];
		const example = name === 'until' ? '--until 30s' : '--seed 42';
		if (value === undefined || /^--?[a-z]/i.test(value))
			return {argv, error: `--${name} needs a value, e.g. ${example}`};
		out.push(`--${name}=${value}`);
		i += 1;
	}
	return {argv: out};
}

function packageJson(): {version?: string; description?: string} {
	// dist/cli.js and source/cli.tsx are both one folder below the package's root.
	return JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
}

/** A launch validates one scenario: zod's JIT (a validator compiled with new Function) pays off
 * only over many parses, and compiling it costs more than it saves here. */
async function loadScenarios() {
	const [{config}, {loadScenario}] = await Promise.all([import('zod'), import('./commands/load.js')]);
	config({jitless: true});
	return loadScenario;
}

async function main(): Promise<number> {
	const plainOutput = consoleOutput({color: false, ascii: false});
	const typo = unknownFlag(process.argv.slice(2));
	if (typo) return usage(plainOutput, typo);
	const joined = joinValues(process.argv.slice(2));
	if (joined.error) return usage(plainOutput, joined.error);
	const pkg = packageJson();
	const cli = meow(help, {
		argv: joined.argv,
		importMeta: import.meta,
		pkg: {name: 'podplay', version: pkg.version, description: pkg.description},
		description: pkg.description,
		allowUnknownFlags: false,
		flags: {
			until: {type: 'string'},
			json: {type: 'boolean', default: false},
			seed: {type: 'string'},
			schedulers: {type: 'string'},
			color: {type: 'boolean', default: true},
			ascii: {type: 'boolean', default: false},
			output: {type: 'string', shortFlag: 'o'},
			size: {type: 'string'},
			speed: {type: 'string'},
			idleLimit: {type: 'string'},
			title: {type: 'string'},
			keys: {type: 'string'},
			theme: {type: 'string'},
			force: {type: 'boolean', default: false},
			check: {type: 'boolean', default: false},
			notes: {type: 'string'},
		},
	});
	// A bundled scenario comes parsed from the build; the full loader only when needed (issue 13).
	const loadScenario = async (nameOrFile: string, out: Output) =>
		quickLoad(nameOrFile) ?? (await loadScenarios())(nameOrFile, out);
	const color =
		cli.flags.color && !process.env.NO_COLOR && process.env.TERM !== 'dumb' && Boolean(process.stdout.isTTY);
	const o = consoleOutput({color, ascii: cli.flags.ascii || process.env.TERM === 'dumb'});
	const [first, ...rest] = cli.input;
	// meow answers --help and --version only alone; with anything else they are a mistake, not a load.
	const info = joined.argv.find((arg) => arg === '--help' || arg === '--version');
	if (info && cli.input.length > 0) return usage(o, `${info} takes no argument, got "${cli.input[0]}"`);
	const seed = cli.flags.seed === undefined ? undefined : Number(cli.flags.seed);
	if (seed !== undefined && !(/^\d{1,15}$/.test(cli.flags.seed ?? '') && Number.isSafeInteger(seed)))
		return usage(
			o,
			`--seed must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, got "${cli.flags.seed}"`,
		);
	const until = cli.flags.until === undefined ? undefined : parseDuration(cli.flags.until);
	if (until && !until.ok) return usage(o, `--until: ${until.message}`);
	const untilMs = until?.ok ? until.ms : undefined;

	switch (first) {
		case 'list':
			return rest.length > 0
				? usage(o, `list takes no argument, got "${rest[0]}"`)
				: (await import('./commands/list.js')).list(o);
		case 'rules':
			return rest.length > 1
				? usage(o, `rules takes at most one rule id, got "${rest[1]}" too`)
				: (await import('./commands/rules.js')).printRules(rest[0], o, process.stdout.columns || 80);
		case 'check':
			return (await import('./commands/check.js')).check(rest, seed, o);
		case 'compare': {
			if (rest.length !== 1) return usage(o, 'compare needs one scenario: podplay compare FILE|NAME');
			const s = await loadScenario(rest[0], o);
			if (!s) return exitCodes.usage;
			return (await import('./commands/compare.js')).compare(s, cli.flags.schedulers, seed, o);
		}
		case 'record': {
			if (rest.length !== 1)
				return usage(o, 'record needs one scenario: podplay record FILE|NAME -o OUT.cast');
			const {output, size, speed, idleLimit, title, keys, theme, force} = cli.flags;
			return (await import('./commands/record.js')).record(
				rest[0]!,
				{
					output,
					size,
					speed,
					idleLimit,
					title,
					keys,
					theme,
					force,
					until: untilMs,
					seed,
					ascii: o.ascii,
					color: cli.flags.color,
				},
				o,
			);
		}
		case 'present':
			if (rest.length !== 1) return usage(o, 'present needs one scenario: podplay present FILE|NAME');
			return (await import('./commands/present.js')).present(
				rest[0]!,
				{
					check: cli.flags.check,
					notes: cli.flags.notes,
					size: cli.flags.size,
					seed,
					ascii: o.ascii,
					color: cli.flags.color,
				},
				o,
			);
		case 'notes':
			if (rest.length > 0) return usage(o, `notes takes no argument, got "${rest[0]}" (use --notes FILE)`);
			return (await import('./commands/notes.js')).notes(cli.flags.notes, o);
		case 'replay':
		case 'export': {
			if (rest.length !== 1) return usage(o, `${first} needs one scenario: podplay ${first} FILE|NAME`);
			const s = await loadScenario(rest[0], o);
			if (!s) return exitCodes.usage;
			return first === 'export'
				? (await import('./commands/export.js')).exportPods(s, o)
				: (await import('./commands/replay.js')).replay(s, {until: untilMs, json: cli.flags.json, seed}, o);
		}
		default: {
			const target = first === 'play' ? rest[0] : first;
			const extra = first === 'play' ? rest[1] : rest[0];
			if (first !== 'play' && rest.length > 0 && didYouMean(first, commands))
				return usage(o, `unknown command "${first}"${didYouMean(first, commands)}`);
			if (extra !== undefined)
				return usage(o, `one scenario at a time: podplay [play] FILE|NAME, got "${extra}" too`);
			const s = await loadScenario(target ?? 'default', o);
			if (!s) {
				if (target && !/[/.]/.test(target) && didYouMean(target, commands))
					o.err(`podplay: (or a command${didYouMean(target, commands)})`);
				return exitCodes.usage;
			}
			const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
			if (!interactive)
				return (await import('./commands/replay.js')).replay(
					s,
					{until: untilMs, json: cli.flags.json, seed},
					o,
				);
			const {startPlayground} = await import('./session/run-playground.js');
			await startPlayground(s, {seed, ascii: o.ascii, color: cli.flags.color ? undefined : false});
			return exitCodes.ok;
		}
	}
}

function usage(o: Output, message: string): number {
	o.err(`podplay: ${message}${/[.?!]$/.test(message) ? '' : '.'} See podplay --help.`);
	return exitCodes.usage;
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		process.stderr.write(
			`podplay: internal error: ${error instanceof Error ? error.message : String(error)}\n${process.env.PODPLAY_DEBUG && error instanceof Error ? `${error.stack}\n` : ''}`,
		);
		process.exitCode = exitCodes.internal;
	},
);
