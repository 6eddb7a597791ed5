import {render} from 'ink';
import {App} from './app.js';
import {dumbStdout} from './dumb-terminal.js';
import {type ResolvedUiOptions, resolveUiOptions, type UiOptions} from './options.js';
import type {Session} from './session.js';
import {makeTheme, ThemeContext} from './theme.js';
import {untilExit} from './until-exit.js';

export type PlaygroundOptions = UiOptions & {
	/** Streams (tests). Default: the process's. */
	stdout?: NodeJS.WriteStream;
	stdin?: NodeJS.ReadStream;
	/** A first frame drawn without Ink is on screen (first-frame.ts): Ink replaces it. */
	replaceFirstFrame?: boolean;
};

/**
 * Ink enters the alternate screen again (xterm.js then keeps the old contents) and writes its first
 * frame from the cursor without erasing: so clear the first frame, inside a synchronized update
 * (mode 2026), and no blank screen is ever shown.
 */
const beginReplacing = '\u001B[?2026h\u001B[H\u001B[2J';
const endReplacing = '\u001B[?2026l';

export function Playground({session, options}: {session: Session; options: ResolvedUiOptions}) {
	return (
		<ThemeContext.Provider value={makeTheme(options)}>
			<App session={session} />
		</ThemeContext.Provider>
	);
}

/**
 * Runs the playground full-screen until `q`, Ctrl-C or SIGTERM, then restores the terminal (Ink
 * leaves the alternate screen, shows the cursor and ends raw mode on unmount) and pauses the session.
 */
export async function runPlayground(session: Session, options: PlaygroundOptions = {}): Promise<void> {
	const resolved = resolveUiOptions(options);
	const given = options.stdout ?? process.stdout;
	// TERM=dumb: the primary screen, and no synchronized-output marks (dumb-terminal.ts).
	const out = resolved.dumb ? dumbStdout(given) : given;
	const replacing = options.replaceFirstFrame && !resolved.dumb;
	if (replacing) out.write(beginReplacing);
	const instance = render(<Playground session={session} options={resolved} />, {
		stdout: out,
		stdin: options.stdin,
		alternateScreen: !resolved.dumb,
		incrementalRendering: true,
		exitOnCtrlC: false,
		maxFps: 30,
		patchConsole: false,
	});
	// Ink draws its first frame inside render() and ends the synchronized update with it; this only
	// makes sure the update is ended whatever Ink did.
	if (replacing) out.write(endReplacing);
	try {
		await untilExit(instance, out);
	} finally {
		session.pause();
	}
}
