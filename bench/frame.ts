// Issue 5: CPU per frame and bytes per frame on a 120×40 screen, with the real session over worlds
// of 1,000 and 50,000 processes. One process visible on screen changes (SIGSTOP/SIGCONT from the
// host, as the `s` menu sends), then one frame tick re-renders; process.cpuUsage brackets the
// re-render, the fake terminal counts the bytes Ink writes for it. Same Ink options as the CLI.
import {mountPlayground, turn, until} from './fake-terminal.js';
import {fmt, printFigure, printSkip} from './report.js';
import {collect, median} from './stats.js';

const sizes = [1000, 50_000];
const warmups = 30;
const samples = 15;
const screen = {columns: 120, rows: 40};

type Frame = {cpuMs: number; bytes: number};
type Result = {frames: Frame[]; missed: number};

async function measure(processes: number): Promise<Result | string> {
	process.env.FORCE_COLOR ??= '1';
	const {engine, notify, stdout, instance} = await mountPlayground(processes, screen.columns, screen.rows);
	try {
		if (!(await until(() => stdout.log.includes('systemd')))) return 'no first frame within 5 s';
		// Let the mount settle (effects re-render once): a late re-render after the first change
		// would draw it before the frame tick, and that tick would then have nothing to write.
		await new Promise((resolve) => setTimeout(resolve, 200));
		const target = engine.processRows(10, 1)[0]?.hostPid;
		if (target === undefined) return 'no process on screen to change';
		const frames: Frame[] = [];
		let missed = 0;
		for (let i = 0; i < warmups + samples; i++) {
			const result = engine.run(`kill pid:${target} ${i % 2 === 0 ? 'STOP' : 'CONT'}`);
			if (!result.ok) return `the session refused the change: ${result.message}`;
			// Collect before the wait, not right before the frame: V8 sweeps the collected heap on
			// helper threads afterwards, and process.cpuUsage counts every thread, so a collection just
			// before the frame charged its sweeping (larger with the 50k world) to the frame.
			collect();
			// Past Ink's 30 fps throttle, so the frame is written at once, not held back.
			await new Promise((resolve) => setTimeout(resolve, 40));
			stdout.log = '';
			const writes = stdout.writes;
			const bytes = stdout.bytes;
			const before = process.cpuUsage();
			notify();
			if (!(await until(() => stdout.writes > writes, 5000))) {
				missed += 1;
				continue;
			}
			await turn();
			const used = process.cpuUsage(before);
			if (i >= warmups) frames.push({cpuMs: (used.user + used.system) / 1000, bytes: stdout.bytes - bytes});
		}
		return frames.length > 0 ? {frames, missed} : 'no change drew a frame within 5 s';
	} finally {
		instance.unmount();
		engine.dispose();
	}
}

export async function benchFrames(): Promise<void> {
	const results: Record<number, number> = {};
	for (const size of sizes) {
		const name = `frame 120×40, ${size / 1000}k procs, one process changed`;
		const result = await measure(size);
		if (typeof result === 'string') {
			printSkip(name, result);
			continue;
		}
		const {frames, missed} = result;
		const note = missed > 0 ? `${missed} change(s) drew no frame within 5 s` : undefined;
		const cpu = median(frames.map((f) => f.cpuMs));
		const bytes = median(frames.map((f) => f.bytes));
		results[size] = cpu;
		printFigure({name: `CPU per ${name}`, value: fmt.ms(cpu), target: '≤ 10 ms', ok: cpu <= 10, note});
		printFigure({name: `bytes per ${name}`, value: fmt.bytes(bytes), target: '< 1 KB', ok: bytes < 1024});
	}
	const [small, big] = sizes.map((s) => results[s]);
	if (small !== undefined && big !== undefined) {
		const ratio = big / small;
		printFigure({
			name: 'CPU per frame, 50k ÷ 1k procs',
			value: fmt.ratio(ratio),
			target: '≈ 1×',
			ok: ratio <= 1.5,
		});
	}
}
