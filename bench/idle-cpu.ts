// Issue 5: CPU while paused. The built CLI runs in a pty; once its first frame is up, Space pauses
// it (keys typed before Ink enters raw mode are lost, so Space is sent until the status bar says
// "paused"); then utime+stime from /proc/PID/stat are read before and after 10 s.
import {existsSync} from 'node:fs';
import {cpuMsOf, runInPty} from './pty-run.js';
import {fmt, printFigure, printSkip} from './report.js';

const cli = 'dist/cli.js';
const idleMs = 10_000;

async function pauseIt(run: ReturnType<typeof runInPty>): Promise<boolean> {
	if ((await run.until((o) => o.includes('systemd'))) === undefined) return false;
	for (let attempt = 0; attempt < 20; attempt++) {
		const seen = run.output().length;
		run.write(' ');
		const paused = await run.until((o) => o.slice(seen).includes('paused'), 15_000 + attempt * 500);
		if (paused !== undefined) return true;
	}
	return false;
}

export async function benchIdleCpu(): Promise<void> {
	const name = `CPU while paused, ${idleMs / 1000} s`;
	if (!existsSync(cli)) {
		printSkip(name, `${cli} is missing: run npm run build`);
		return;
	}
	const run = runInPty(process.execPath, [cli]);
	try {
		if (!(await pauseIt(run))) {
			printSkip(name, 'could not pause the playground (no "paused" in the status bar)');
			return;
		}
		// Let the last frame after pausing be written before counting.
		await new Promise((resolve) => setTimeout(resolve, 500));
		const before = cpuMsOf(run.pid);
		const bytesBefore = run.output().length;
		await new Promise((resolve) => setTimeout(resolve, idleMs));
		const after = cpuMsOf(run.pid);
		if (before === undefined || after === undefined) {
			printSkip(name, `cannot read /proc/${run.pid}/stat`);
			return;
		}
		const used = after - before;
		printFigure({
			name,
			value: fmt.ms(used),
			target: '≈ 0 (10 ms tick)',
			ok: used <= 10,
			note: `${((used / idleMs) * 100).toFixed(2)} % of a core; ${run.output().length - bytesBefore} bytes written`,
		});
	} finally {
		run.kill();
		await run.exited;
	}
}
