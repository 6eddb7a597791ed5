// Speaker notes in a second terminal: the presenter writes what is on screen to a file only its
// user can read (a 0700 folder in XDG_RUNTIME_DIR or the temp folder, a 0600 file, replaced
// whole), and `podplay notes` follows it. `--notes FILE` names another file for both.
import {lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';

export type NotesState = {
	title: string;
	chapter?: {number: number; title: string; notes?: string};
	next?: {number: number; title: string};
	chapters: number;
	/** The narration on screen now. */
	stop?: string;
	waiting: boolean;
	live: boolean;
	/** Wall-clock ms when the talk started (elapsed time is the speaker's, not the simulation's). */
	startedAt: number;
	ended: boolean;
};

export function defaultNotesPath(env = process.env): string {
	const uid = process.getuid?.() ?? 0;
	const base = env.XDG_RUNTIME_DIR ? join(env.XDG_RUNTIME_DIR, 'podplay') : join(tmpdir(), `podplay-${uid}`);
	return join(base, 'present.json');
}

/** The folder exists, is ours, is no symlink and nobody else can read it; else one sentence. */
function privateFolder(dir: string): string | undefined {
	try {
		mkdirSync(dir, {recursive: true, mode: 0o700});
		const stat = lstatSync(dir);
		const uid = process.getuid?.();
		if (!stat.isDirectory()) return `${dir} is not a folder`;
		if (uid !== undefined && stat.uid !== uid) return `${dir} belongs to another user`;
		if ((stat.mode & 0o077) !== 0) return `${dir} can be read by other users (chmod 700 it)`;
		return undefined;
	} catch (error) {
		return `cannot make ${dir} (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
	}
}

export function writeNotes(path: string, state: NotesState, own = true): string | undefined {
	const problem = own ? privateFolder(dirname(path)) : undefined;
	if (problem) return problem;
	const temp = `${path}.${process.pid}.tmp`;
	try {
		writeFileSync(temp, `${JSON.stringify(state)}\n`, {mode: 0o600});
		renameSync(temp, path);
		return undefined;
	} catch (error) {
		return `cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
	}
}

export function readNotes(path: string): NotesState | undefined {
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as NotesState;
	} catch {
		return undefined;
	}
}

const clock = (ms: number) => {
	const s = Math.max(0, Math.floor(ms / 1000));
	return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** What the notes terminal shows. */
export function notesText(state: NotesState | undefined, now: number): string[] {
	if (!state) return ['Waiting for a presentation (podplay present NAME in another terminal)…'];
	const chapter = state.chapter;
	return [
		`${state.title}    elapsed ${clock(now - state.startedAt)}${state.ended ? '    (ended)' : ''}`,
		'',
		chapter
			? `Now: chapter ${chapter.number}/${state.chapters} — ${chapter.title}`
			: 'Now: before the first chapter',
		...(chapter?.notes ? [`  ${chapter.notes}`] : []),
		...(state.stop ? ['', `On screen: ${state.stop}`] : []),
		'',
		state.next ? `Next: chapter ${state.next.number} — ${state.next.title}` : 'Next: the end',
		'',
		state.live ? 'LIVE: off the scenario (r returns)' : state.waiting ? 'Waiting for you: → next' : 'Playing',
	];
}
