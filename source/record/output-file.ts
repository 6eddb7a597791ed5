// Writing a recording: never over a file podplay did not make (unless forced), and never half a
// file (written beside it, then renamed over it).
import {closeSync, openSync, readSync, renameSync, statSync, unlinkSync, writeFileSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';

/** Every recording names its maker: the cast header's `command`, a comment in SVG and HTML. */
export const MAKER = 'podplay record';

export type Format = 'cast' | 'svg' | 'html';

export function formatOf(path: string): Format | undefined {
	const match = /\.(cast|svg|html?)$/i.exec(path);
	if (!match) return undefined;
	const ext = match[1]!.toLowerCase();
	return ext === 'htm' ? 'html' : (ext as Format);
}

/** The first bytes of a file, or undefined when there is none. */
function head(path: string, bytes = 4096): string | undefined {
	let fd: number | undefined;
	try {
		fd = openSync(path, 'r');
		const buffer = Buffer.alloc(bytes);
		const n = readSync(fd, buffer, 0, bytes, 0);
		return buffer.subarray(0, n).toString('utf8');
	} catch {
		return undefined;
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}

export function madeByPodplay(start: string): boolean {
	const firstLine = start.split('\n', 1)[0] ?? '';
	try {
		const header = JSON.parse(firstLine);
		if (typeof header?.command === 'string' && header.command.startsWith(MAKER)) return true;
	} catch {
		// Not a cast: look for the SVG/HTML comment.
	}
	return start.includes(`<!-- ${MAKER}`);
}

export type Written = {ok: true} | {ok: false; message: string};

export function writeRecording(path: string, content: string, force: boolean): Written {
	let exists = false;
	try {
		const stat = statSync(path);
		if (stat.isDirectory()) return {ok: false, message: `${path} is a directory`};
		exists = true;
	} catch {
		exists = false;
	}
	if (exists && !force && !madeByPodplay(head(path) ?? ''))
		return {
			ok: false,
			message: `${path} exists and was not made by podplay record; add --force to replace it`,
		};
	const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
	try {
		writeFileSync(temp, content);
		renameSync(temp, path);
		return {ok: true};
	} catch (error) {
		try {
			unlinkSync(temp);
		} catch {
			// Nothing was written.
		}
		const code = (error as NodeJS.ErrnoException).code;
		return {ok: false, message: `cannot write ${path}${code ? ` (${code})` : ''}`};
	}
}
