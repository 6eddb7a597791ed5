import {readFile, stat} from 'node:fs/promises';
import {parseScenario} from './parse-scenario.js';
import type {LoadResult} from './problem.js';
import type {Scenario} from './types.js';
import {MAX_BYTES} from './yaml-source.js';

/** Reads and validates a scenario or Pod manifest file; never throws for bad input. */
export async function loadScenarioFile(path: string): Promise<LoadResult<Scenario>> {
	const problem = (message: string): LoadResult<Scenario> => ({
		ok: false,
		problems: [{file: path, line: 1, column: 1, message}],
	});
	let bytes: Buffer;
	try {
		// Checked before reading, so a huge file is never loaded into memory.
		const {size} = await stat(path);
		if (size > MAX_BYTES)
			return problem(`file is ${(size / MAX_BYTES).toFixed(1)} MiB; a scenario file may be at most 1 MiB`);
		bytes = await readFile(path);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return problem(code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? 'unknown error'})`);
	}
	if (bytes.includes(0)) return problem('file contains NUL bytes: it looks binary, not a YAML scenario');
	let text: string;
	try {
		text = new TextDecoder('utf-8', {fatal: true}).decode(bytes);
	} catch {
		return problem('file is not valid UTF-8 text: it looks binary, not a YAML scenario');
	}
	return parseScenario(text, path);
}
