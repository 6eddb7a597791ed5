// Issue 5: launch to first frame of the built CLI in a pseudo-terminal, against `node -e 0` started
// the same way in the same round (the ratio is what the target names: ≤ 4×, issue 13).
import {existsSync} from 'node:fs';
import {runInPty} from './pty-run.js';
import {fmt, printFigure, printSkip} from './report.js';
import {median} from './stats.js';

const cli = 'dist/cli.js';
const rounds = 5;
/** The first frame shows the process tree, whose root is the host's init. */
const showsTree = (output: string) => output.includes('systemd');

async function nodeStart(): Promise<number | undefined> {
	const run = runInPty(process.execPath, ['-e', '0']);
	const started = performance.now();
	await run.exited;
	return performance.now() - started;
}

async function cliFirstFrame(): Promise<number | undefined> {
	const run = runInPty(process.execPath, [cli]);
	try {
		return await run.until(showsTree);
	} finally {
		run.kill();
		await run.exited;
	}
}

export async function benchStartup(): Promise<void> {
	const name = 'launch to first frame (built CLI, pty)';
	if (!existsSync(cli)) {
		printSkip(name, `${cli} is missing: run npm run build`);
		return;
	}
	const samples: {cli: number; node: number}[] = [];
	for (let i = 0; i < rounds; i++) {
		const node = await nodeStart();
		const first = await cliFirstFrame();
		if (first === undefined || node === undefined) {
			printSkip(name, 'the CLI drew no tree within 15 s');
			return;
		}
		samples.push({cli: first, node});
	}
	const ratio = median(samples.map((s) => s.cli / s.node));
	printFigure({
		name,
		value: fmt.ms(median(samples.map((s) => s.cli))),
		note: `node -e 0: ${fmt.ms(median(samples.map((s) => s.node)))}`,
	});
	printFigure({
		name: 'launch to first frame ÷ node -e 0',
		value: fmt.ratio(ratio),
		target: '≤ 4×',
		ok: ratio <= 4,
	});
}
