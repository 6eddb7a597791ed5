import {stat} from 'node:fs/promises';
import {parseScenario} from './parse-scenario.js';
import type {LoadResult} from './problem.js';
import {readBounded} from './read-bounded.js';
import type {Scenario} from './types.js';
import {MAX_BYTES} from './yaml-source.js';

/** Reads and validates a scenario or Pod manifest file; never throws for bad input. */
export async function loadScenarioFile(path: string): Promise<LoadResult<Scenario>> {
	const problem = (message: string): LoadResult<Scenario> => ({
		ok: false,
		problems: [{file: path, line: 1, column: 1, message}],
	});
	// A regular file says its size: a big one is refused before it is read. Devices and pipes say
	// 0, so the read itself is bounded too (read-bounded.ts).
	const size = await stat(path).then(
		(st) => (st.isFile() ? st.size : 0),
		() => 0,
	);
	if (size > MAX_BYTES)
		return problem(`file is ${(size / MAX_BYTES).toFixed(1)} MiB; a scenario file may be at most 1 MiB`);
	const read = await readBounded(path, MAX_BYTES);
	if (!read.ok)
		return problem(
			'tooBig' in read
				? 'file is bigger than 1 MiB; a scenario file may be at most 1 MiB'
				: read.code === 'ENOENT'
					? 'no such file'
					: read.code === 'EISDIR'
						? 'is a directory, not a scenario file'
						: `cannot read the file (${read.code})`,
		);
	const bytes = read.bytes;
	if (bytes.includes(0)) return problem('file contains NUL bytes: it looks binary, not a YAML scenario');
	let text: string;
	try {
		text = new TextDecoder('utf-8', {fatal: true}).decode(bytes);
	} catch {
		return problem('file is not valid UTF-8 text: it looks binary, not a YAML scenario');
	}
	return parseScenario(text, path);
}
