// Reading a scenario file without trusting its size: stat() says 0 for /dev/zero, /dev/urandom, pipes
// and /dev/stdin, so the read itself stops one byte past the limit, whatever the file is.
import {open} from 'node:fs/promises';

export type BoundedRead = {ok: true; bytes: Buffer} | {ok: false; tooBig: true} | {ok: false; code: string};

export async function readBounded(path: string, limit: number): Promise<BoundedRead> {
	let handle: Awaited<ReturnType<typeof open>> | undefined;
	try {
		handle = await open(path, 'r');
		const buffer = Buffer.alloc(limit + 1);
		let filled = 0;
		while (filled < buffer.length) {
			const {bytesRead} = await handle.read(buffer, filled, buffer.length - filled, null);
			if (bytesRead === 0) break;
			filled += bytesRead;
		}
		return filled > limit ? {ok: false, tooBig: true} : {ok: true, bytes: buffer.subarray(0, filled)};
	} catch (error) {
		return {ok: false, code: (error as NodeJS.ErrnoException).code ?? 'unknown error'};
	} finally {
		await handle?.close().catch(() => undefined);
	}
}
