// Runs a program in a real pseudo-terminal and keeps a headless xterm screen of what it drew, so
// end-to-end tests read the screen as a user sees it. Waits poll for a condition; never fixed sleeps.
import {execFileSync} from 'node:child_process';
import {existsSync, readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {spawn} from '@lydell/node-pty';
import xterm from '@xterm/headless';

const {Terminal} = xterm;

/** A cell drawn with a foreground or background colour. */
export type ColouredCell = {x: number; y: number; char: string};

export type Term = {
	screen(): string[];
	text(): string;
	write(data: string): void;
	resize(columns: number, rows: number): void;
	/** Polls the screen (after xterm has parsed everything received) until `test` holds. */
	waitFor(test: (text: string) => boolean, what: string, timeoutMs?: number): Promise<void>;
	/** Raw bytes written by the program so far (for escape sequences such as leaving the alternate screen). */
	output(): string;
	/** Cells on screen that carry a colour (NO_COLOR checks). */
	colouredCells(): ColouredCell[];
	exited: Promise<number>;
	kill(): void;
	/** Calls `act` as soon as the program has written `text`, in the same tick as the bytes arrive. */
	onceWritten(text: string, act: () => void): void;
	/** Sends a signal to the program (TERM, INT, HUP as a user's kill or a closed terminal would). */
	signal(name: 'SIGTERM' | 'SIGINT' | 'SIGHUP'): void;
	readonly isAlternate: () => boolean;
};

export type TermOptions = {
	columns?: number;
	rows?: number;
	/** Changes to the environment; `undefined` removes a variable. */
	env?: Record<string, string | undefined>;
};

// Generous: several test files run at once on a loaded 2-core machine.
const DEFAULT_WAIT_MS = 20_000;
const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

function environment(changes: TermOptions['env'] = {}): Record<string, string> {
	// CI=false: with CI set Ink draws only the final frame at exit (toolchain-notes).
	const env: Record<string, string | undefined> = {
		...process.env,
		CI: 'false',
		TERM: 'xterm-256color',
		FORCE_COLOR: '1',
		NO_COLOR: undefined,
		...changes,
	};
	return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

export function startTerm(command: string, args: string[], options: TermOptions = {}): Term {
	const {columns: cols = 80, rows = 24} = options;
	let columns = cols;
	const terminal = new Terminal({cols, rows, allowProposedApi: true});
	const env = environment(options.env);
	const pty = spawn(command, args, {
		cols,
		rows,
		cwd: process.cwd(),
		env,
		// node-pty sets TERM to this name, whatever env says: keep a test's TERM (TERM=dumb).
		name: env.TERM ?? 'xterm-256color',
	});
	let raw = '';
	let alive = true;
	const watchers: {text: string; act: () => void}[] = [];
	pty.onData((data) => {
		raw += data;
		terminal.write(data);
		for (const w of watchers.splice(0))
			if (raw.includes(w.text)) w.act();
			else watchers.push(w);
	});
	const exited = new Promise<number>((resolve) =>
		pty.onExit(({exitCode}) => {
			alive = false;
			resolve(exitCode);
		}),
	);
	const screen = () => {
		const buffer = terminal.buffer.active;
		return Array.from(
			{length: terminal.rows},
			(_, y) => buffer.getLine(y)?.translateToString(true, 0, columns) ?? '',
		);
	};
	// xterm parses asynchronously: an empty write's callback runs after everything received so far.
	const flushed = () => new Promise<void>((resolve) => terminal.write('', resolve));
	return {
		screen,
		text: () => screen().join('\n'),
		write: (data) => pty.write(data),
		resize(c, r) {
			columns = c;
			pty.resize(c, r);
			terminal.resize(c, r);
		},
		async waitFor(test, what, timeoutMs = DEFAULT_WAIT_MS) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				await flushed();
				if (test(screen().join('\n'))) return;
				if (Date.now() > deadline)
					throw new Error(`timed out waiting for ${what}; screen:\n${screen().join('\n')}`);
				await pause();
			}
		},
		output: () => raw,
		colouredCells() {
			const buffer = terminal.buffer.active;
			const found: ColouredCell[] = [];
			for (let y = 0; y < terminal.rows; y++) {
				const line = buffer.getLine(y);
				for (let x = 0; line && x < columns; x++) {
					const cell = line.getCell(x);
					if (cell && !(cell.isFgDefault() && cell.isBgDefault())) found.push({x, y, char: cell.getChars()});
				}
			}
			return found;
		},
		exited,
		kill() {
			if (alive) pty.kill();
		},
		onceWritten(text, act) {
			if (raw.includes(text)) act();
			else watchers.push({text, act});
		},
		signal(name) {
			if (alive) process.kill(pty.pid, name);
		},
		isAlternate: () => terminal.buffer.active.type === 'alternate',
	};
}

/**
 * Keys typed before Ink has put the terminal in raw mode are lost (toolchain-notes): after the first
 * frame, type `/` until the search prompt answers, then close it with one Esc. Repeating `/` is
 * harmless: a second `/` only lands in the search text. On a loaded machine keys typed in quick
 * succession can arrive in one read (an Esc glued to the next byte is read as Meta), so the Esc goes
 * only once the prompt line has stopped changing, and it is never repeated.
 */
export async function waitForKeys(term: Term, firstFrame: (text: string) => boolean): Promise<void> {
	await term.waitFor(firstFrame, 'the first frame');
	const promptLine = (text: string) => text.split('\n').find((l) => l.startsWith('/'));
	const deadline = Date.now() + DEFAULT_WAIT_MS;
	while (promptLine(term.text()) === undefined) {
		if (Date.now() > deadline) throw new Error(`the program never answered a key; screen:\n${term.text()}`);
		term.write('/');
		await term.waitFor((s) => promptLine(s) !== undefined, 'the search prompt', 500).catch(() => undefined);
	}
	let last = promptLine(term.text());
	for (let stable = 0; stable < 10; ) {
		await pause();
		const now = promptLine(term.text());
		stable = now === last ? stable + 1 : 0;
		last = now;
	}
	term.write('\u001B');
	await term.waitFor((s) => promptLine(s) === undefined, 'the search prompt to close');
}

/** The fake playground, run the way users run TypeScript sources here (the pinned Node plus tsx). */
export function startFakeApp(args: string[] = [], options: TermOptions = {}): Term {
	return startTerm(
		'node_modules/.bin/node',
		['--import', 'tsx', 'test/fixtures/ui/fake-app.tsx', ...args],
		options,
	);
}

const CLI = 'dist/cli.js';

function newestIn(dir: string): number {
	let newest = 0;
	for (const entry of readdirSync(dir, {withFileTypes: true})) {
		const path = join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
	}
	return newest;
}

/** Builds `dist/cli.js` (scripts/build.js) when it is missing or older than a source file. */
export function ensureBuilt(): void {
	const built = existsSync(CLI) ? statSync(CLI).mtimeMs : 0;
	if (built > Math.max(newestIn('source'), statSync('scripts/build.js').mtimeMs)) return;
	execFileSync(process.execPath, ['scripts/build.js'], {stdio: 'inherit'});
}

/** The built CLI, as users run it: `node dist/cli.js ARGS` on the repository's Node. */
export function startCli(args: string[] = [], options: TermOptions = {}): Term {
	ensureBuilt();
	return startTerm(process.execPath, [CLI, ...args], options);
}
