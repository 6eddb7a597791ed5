// Running the built CLI as a user would, without a terminal.
import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const cliPath = `${root}dist/cli.js`;

export type CliResult = {code: number; stdout: string; stderr: string};

/** Builds dist/cli.js once if a test runs before `npm test`'s build. */
export async function ensureBuilt(): Promise<void> {
	if (existsSync(cliPath)) return;
	await run(process.execPath, [`${root}scripts/build.js`]);
}

export function podplay(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
	return run(process.execPath, [cliPath, ...args], {...env, NO_COLOR: '1'});
}

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
	return new Promise((resolve) => {
		const child = execFile(
			command,
			args,
			{cwd: root, env: {...process.env, ...env}, maxBuffer: 64 * 1024 * 1024},
			(error, stdout, stderr) => {
				const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
				resolve({code, stdout, stderr});
			},
		);
		child.stdin?.end();
	});
}
