// Where the launch goes: `node -e 0`, the CLI's own start (`--version`), a headless replay of the
// default scenario's first moment, and the playground's first frame, each in a pty, medians.
// Not part of `npm run bench`: a tool for working on the launch (node --import tsx bench/launch-phases.ts).
import {runInPty} from './pty-run.js';
import {median} from './stats.js';

const rounds = Number(process.env.ROUNDS ?? 7);

async function time(args: string[], done?: (output: string) => boolean): Promise<number> {
	const samples: number[] = [];
	for (let i = 0; i < rounds; i++) {
		const run = runInPty(process.execPath, args);
		const started = performance.now();
		if (done) {
			const ms = await run.until(done);
			run.kill();
			await run.exited;
			samples.push(ms ?? Number.NaN);
		} else {
			await run.exited;
			samples.push(performance.now() - started);
		}
	}
	return median(samples);
}

const phases: [string, string[], ((o: string) => boolean)?][] = [
	['node -e 0', ['-e', '0']],
	['podplay --version', ['dist/cli.js', '--version']],
	['podplay replay default --until 0', ['dist/cli.js', 'replay', 'default', '--until', '0']],
	['podplay (first frame)', ['dist/cli.js'], (o) => o.includes('systemd')],
];
for (const [name, args, done] of phases) {
	const ms = await time(args, done);
	process.stdout.write(`${name.padEnd(40)} ${ms.toFixed(1)} ms\n`);
}
process.exit(0);
