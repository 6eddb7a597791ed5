// Issue 9: slow motion at ×1. PID 1 of the big pod's container is killed (the kernel kills its whole
// namespace: thousands of exits and reaps in one moment), time goes back before that moment and
// plays: the cascade unfolds one event per pause, each event's world derived by replaying the step
// up to it (engine/slow-motion.ts). The frame timer is driven by hand, one 50 ms frame per tick, for
// one second of real time at ×1: frames drawn in that second, and CPU per drawn frame (deriving the
// event's world, reading the rows with their change marks, React, Ink). 1k processes by default
// (BENCH_SIZES=1000,50000 for more): each frame replays the kill's step up to the event shown, so
// a frame's cost grows with the events before it, and at 50k the cascade has some 200k events.
import {mountPlayground, turn, until} from './fake-terminal.js';
import {fmt, printFigure, printSkip} from './report.js';
import {collect, median} from './stats.js';

const sizes = (process.env.BENCH_SIZES ?? '1000').split(',').map(Number);
const screen = {columns: 120, rows: 40};
/** The session's default frame: 20 frames a second. */
const FRAMES_PER_SECOND = 20;

async function measure(processes: number) {
	process.env.FORCE_COLOR ??= '1';
	const {engine, stdout, instance} = await mountPlayground(processes, screen.columns, screen.rows);
	try {
		if (!(await until(() => stdout.log.includes('systemd')))) return 'no first frame within 5 s';
		const killed = engine.run('kill big/app:1 KILL');
		if (!killed.ok) return `the session refused the kill: ${killed.message}`;
		const cascade = engine.status().processes;
		// The moment before the kill (same virtual time): playing reaches the kill on the first frame.
		engine.seek(engine.core().player.history.index - 1);
		engine.play();
		await turn();
		const cpu: number[] = [];
		let drawn = 0;
		let busy = 0;
		// Two seconds: the first warms up, the second is measured.
		for (let i = 0; i < 2 * FRAMES_PER_SECOND; i++) {
			collect();
			await new Promise((resolve) => setTimeout(resolve, 40));
			const writes = stdout.writes;
			const before = process.cpuUsage();
			engine.tick();
			await until(() => stdout.writes > writes, 200);
			await turn();
			const used = process.cpuUsage(before);
			const ms = (used.user + used.system) / 1000;
			if (i < FRAMES_PER_SECOND) continue;
			busy += ms;
			if (stdout.writes > writes) {
				drawn += 1;
				cpu.push(ms);
			}
		}
		const event = engine.status().event;
		return {drawn, busy, cpu: cpu.length > 0 ? median(cpu) : 0, event, cascade};
	} finally {
		instance.unmount();
		engine.dispose();
	}
}

export async function benchSlowMotion(): Promise<void> {
	for (const size of sizes) {
		const name = `slow motion ×1, 120×40, ${size / 1000}k procs`;
		const result = await measure(size);
		if (typeof result === 'string') {
			printSkip(name, result);
			continue;
		}
		const at = result.event ? `at event ${result.event.shown} of ${result.event.of}` : 'cascade over';
		printFigure({
			name: `frames/s, ${name}`,
			value: `${result.drawn}/s`,
			target: `${FRAMES_PER_SECOND}/s timer`,
			note: `${fmt.ms(result.busy)} CPU in that second; ${at}`,
		});
		printFigure({
			name: `CPU per frame, ${name}`,
			value: fmt.ms(result.cpu),
			target: '≤ 10 ms',
			ok: result.cpu <= 10,
		});
	}
}
