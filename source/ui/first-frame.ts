// Draws the first screen before Ink has loaded: Ink and React take most of the launch (issue 5;
// toolchain-notes: "whatever the first frame does not need is loaded after it"). Ink then draws
// the same lines over it (first-screen.ts; run.tsx, replaceFirstFrame).
import {isatty} from 'node:tty';
import {firstScreen} from './first-screen.js';
import {resolveUiOptions, type UiOptions} from './options.js';
import type {Session} from './session.js';
import {makeTheme} from './theme-data.js';

type Streams = {stdout?: NodeJS.WriteStream; stdin?: NodeJS.ReadStream};

/** Ink's own rule (is-in-ci): in CI it draws only the last frame at exit, so no first frame either. */
const set = (key: string) => key in process.env && process.env[key] !== '0' && process.env[key] !== 'false';
const inCi = () => set('CI') || set('CONTINUOUS_INTEGRATION');

/** Writes the first frame into the alternate screen; false when there is no terminal to draw on. */
export function drawFirstFrame(session: Session, options: UiOptions & Streams = {}): boolean {
	const stdout = options.stdout ?? process.stdout;
	// isatty(0), not process.stdin: making the stdin stream loads modules the frame does not need.
	const keys = options.stdin ? Boolean(options.stdin.isTTY) : isatty(0);
	const resolved = resolveUiOptions(options);
	// A dumb terminal has no alternate screen to draw it in: Ink draws the first frame there.
	if (!stdout.isTTY || !keys || inCi() || resolved.dumb) return false;
	const lines = firstScreen(session, makeTheme(resolved), stdout.columns, stdout.rows);
	if (!lines) return false;
	// Alternate screen, cursor hidden, home: what Ink's own first frame starts with.
	stdout.write(`\u001B[?1049h\u001B[?25l\u001B[H${lines.join('\n')}`);
	// Keys typed before Ink listens wait in the terminal for it, instead of echoing over the frame.
	(options.stdin ?? process.stdin).setRawMode(true);
	return true;
}

/** Undoes drawFirstFrame when Ink never took over (it failed to load). */
export function undoFirstFrame(options: Streams = {}): void {
	const stdout = options.stdout ?? process.stdout;
	const stdin = options.stdin ?? process.stdin;
	if (stdin.isTTY) stdin.setRawMode(false);
	stdout.write('\u001B[?1049l\u001B[?25h');
}
