// Runs a program in a real pseudo-terminal and keeps a headless xterm screen of what it drew, so
// end-to-end tests read the screen as a user sees it. Waits poll for a condition; never fixed sleeps.
import {spawn} from '@lydell/node-pty';
import xterm from '@xterm/headless';

const {Terminal} = xterm;

export type Term = {
	screen(): string[];
	text(): string;
	write(data: string): void;
	resize(columns: number, rows: number): void;
	waitFor(test: (text: string) => boolean, what: string, timeoutMs?: number): Promise<void>;
	/** Raw bytes written by the program so far (for escape sequences such as leaving the alternate screen). */
	output(): string;
	exited: Promise<number>;
	kill(): void;
	readonly isAlternate: () => boolean;
};

const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

export function startTerm(command: string, args: string[], size = {columns: 80, rows: 24}): Term {
	let columns = size.columns;
	const terminal = new Terminal({cols: size.columns, rows: size.rows, allowProposedApi: true});
	// CI=false: with CI set Ink draws only the final frame at exit (toolchain-notes).
	const env = {...process.env, CI: 'false', TERM: 'xterm-256color', FORCE_COLOR: '1'} as Record<
		string,
		string
	>;
	const pty = spawn(command, args, {
		cols: size.columns,
		rows: size.rows,
		cwd: process.cwd(),
		env,
		name: 'xterm-256color',
	});
	let raw = '';
	pty.onData((data) => {
		raw += data;
		terminal.write(data);
	});
	const exited = new Promise<number>((resolve) => pty.onExit(({exitCode}) => resolve(exitCode)));
	const screen = () => {
		const buffer = terminal.buffer.active;
		return Array.from(
			{length: terminal.rows},
			(_, y) => buffer.getLine(y)?.translateToString(true, 0, columns) ?? '',
		);
	};
	return {
		screen,
		text: () => screen().join('\n'),
		write: (data) => pty.write(data),
		resize(c, r) {
			columns = c;
			pty.resize(c, r);
			terminal.resize(c, r);
		},
		async waitFor(test, what, timeoutMs = 15_000) {
			const deadline = Date.now() + timeoutMs;
			// xterm parses asynchronously: flush with an empty write before each look.
			while (
				!test(await new Promise<string>((resolve) => terminal.write('', () => resolve(screen().join('\n')))))
			) {
				if (Date.now() > deadline)
					throw new Error(`timed out waiting for ${what}; screen:\n${screen().join('\n')}`);
				await pause();
			}
		},
		output: () => raw,
		exited,
		kill: () => pty.kill(),
		isAlternate: () => terminal.buffer.active.type === 'alternate',
	};
}

/** The fake playground, run the way users run TypeScript sources here (the pinned Node plus tsx). */
export function startFakeApp(args: string[] = [], size = {columns: 80, rows: 24}): Term {
	return startTerm(
		'node_modules/.bin/node',
		['--import', 'tsx', 'test/fixtures/ui/fake-app.tsx', ...args],
		size,
	);
}
