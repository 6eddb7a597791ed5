// Plays a scenario through the playground's own session on a virtual clock and keeps the screens it
// shows, with their times in the recording: no terminal, no wall clock, the same frames every run.
// Narration waits for the viewer: a `say` stays on screen long enough to be read before the next
// narration replaces it (two at one moment both show, in order), and each chapter gets a marker.
import {type Action, scenarioEnd} from '../engine/index.js';
import type {Scenario} from '../scenario/index.js';
import {entryOf} from '../session/core.js';
import {createSession, type EngineSession} from '../session/index.js';
import {MIN_COLUMNS, MIN_ROWS} from '../ui/layout.js';
import {makeTheme} from '../ui/theme-data.js';
import {handClock} from './hand-clock.js';
import {type Message, screenLines} from './screen.js';

/** A `:` command to run at virtual time `at` (ms), as if typed in the playground. */
export type KeyCue = {at: number; command: string};

export type FilmOptions = {
	columns: number;
	rows: number;
	/** Virtual seconds per recorded second (one of the playground's speeds). */
	speed: number;
	/** Frames per recorded second. */
	fps: number;
	/** Virtual ms to stop at (default: the scenario's end). */
	until?: number;
	keys: readonly KeyCue[];
	ascii: boolean;
	color: boolean;
	/** The longest a narration line holds the recording, in ms. */
	maxHoldMs: number;
	seed?: number;
	scenariosDir: string;
};

/** One screen and when it appears, in ms of the recording. */
export type Frame = {ms: number; lines: string[]};
export type Marker = {ms: number; label: string};
export type Film = {frames: Frame[]; markers: Marker[]; session: EngineSession};

/** A recording that cannot be made as asked: one sentence for the user. */
export class FilmError extends Error {}

/** Captions are read at about 17 characters a second (subtitling practice), at least 1.5 s. */
export function readingMs(text: string, maxMs: number): number {
	return Math.min(maxMs, Math.max(1500, Math.round((text.length / 17) * 1000)));
}

/** How long a narration moment holds the recording before the next may replace it, in ms. */
function holdOf(action: Action | undefined, maxMs: number): number | undefined {
	if (action?.type === 'say') return readingMs(action.text, maxMs);
	if (action?.type === 'chapter') return readingMs(`${action.title}: ${action.notes ?? ''}`, maxMs);
	// A question is read, then thought about: held as long as the idle limit allows.
	if (action?.type === 'ask') return maxMs;
	// A `pause: true` waits for the viewer; a recording has none, so it holds as long as allowed.
	if (action?.type === 'pause') return maxMs;
	if (action?.type === 'reveal') return readingMs(action.explain, maxMs);
	return undefined;
}

export function film(scenario: Scenario, o: FilmOptions): Film {
	if (o.columns < MIN_COLUMNS || o.rows < MIN_ROWS)
		throw new FilmError(
			`--size ${o.columns}x${o.rows} is below the playground's smallest screen, ${MIN_COLUMNS}x${MIN_ROWS}`,
		);
	const clock = handClock();
	const frameMs = 1000 / o.fps;
	const session = createSession(scenario, {
		seed: o.seed,
		scenariosDir: o.scenariosDir,
		clock,
		frameMs,
		playing: false,
	});
	if (o.speed !== 1) {
		const set = session.run(`speed ${o.speed}`);
		if (!set.ok) throw new FilmError(`--speed: ${set.message}`);
	}
	const theme = makeTheme({ascii: o.ascii, color: o.color});
	const until = o.until ?? scenarioEnd(scenario);
	const keys = [...o.keys].sort((a, b) => a.at - b.at);
	const frames: Frame[] = [];
	const markers: Marker[] = [];
	const now = () => session.status().time;
	const index = () => session.core().player.history.index;
	const position = () => `${now()}/${index()}/${session.core().sub ?? ''}/${session.core().held ?? 0}`;
	let castMs = 0;
	let holdUntil = 0;
	let message: Message | undefined;

	const shoot = () => {
		const lines = screenLines(session, theme, o.columns, o.rows, message)!;
		const last = frames.at(-1)?.lines;
		if (!last || lines.some((line, y) => line !== last[y])) frames.push({ms: castMs, lines});
	};
	// Every narration moment played since moment `from` gets its own frame, in order.
	const narrate = (from: number) => {
		const to = index();
		// Slow motion may be part way through moment `to`: the narration frames come back to it.
		const sub = session.core().sub;
		const core = session.core();
		let shown = false;
		for (let i = from + 1; i <= to; i++) {
			const action = entryOf(core, i).action;
			const hold = holdOf(action, o.maxHoldMs);
			if (hold === undefined) continue;
			session.seek(i);
			castMs = Math.max(castMs, holdUntil);
			if (action?.type === 'chapter') markers.push({ms: castMs, label: action.title});
			shoot();
			// A pause stops the world too: the recording stands still on it, then plays on.
			if (action?.type === 'pause') castMs += hold;
			holdUntil = action?.type === 'pause' ? castMs : castMs + hold;
			shown = true;
		}
		if (shown) session.seek(to, sub);
	};

	session.play();
	shoot();
	let k = 0;
	while (now() < until) {
		const from = index();
		const key = keys[k];
		const target = Math.min(until, now() + frameMs * o.speed);
		if (key && key.at <= target) {
			session.goto(key.at);
			narrate(from);
			const result = session.run(key.command);
			if (!result.ok) throw new FilmError(`--keys: at ${key.at / 1000}s, ${key.command}: ${result.message}`);
			message = {text: `:${key.command}${result.message ? ` — ${result.message}` : ''}`, error: false};
			k += 1;
		} else {
			// Past the scenario's end the playground stops; --until asks for more.
			if (!session.status().playing) session.play();
			const before = position();
			clock.frame();
			castMs += frameMs;
			// Nothing moved, not even an event of a moment in slow motion: the recording is over.
			if (position() === before) break;
			narrate(from);
		}
		shoot();
	}
	const late = keys[k];
	if (late) throw new FilmError(`--keys: ${late.at / 1000}s is after the recording ends (${until / 1000}s)`);
	return {frames, markers, session};
}
