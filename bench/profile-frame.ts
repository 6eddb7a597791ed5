// Profiling aid (not part of `npm run bench`): renders the playground over a big session and plays
// N frames of one changed process, so `node --cpu-prof --import tsx bench/profile-frame.ts 1000 60`
// shows where a frame's CPU goes. Prints each frame's CPU and bytes, then the medians.
// GC=before|after (with --expose-gc): collect before the 40 ms wait, or just before the frame (the
// latter charges V8's concurrent sweeping to the frame: why bench/frame.ts collects before the wait).
// SHOW_LAST=1 prints the bytes of the last frame.
import './production.js';
import {mountPlayground, turn, until} from './fake-terminal.js';
import {collect, median} from './stats.js';

const processes = Number(process.argv[2] ?? 1000);
const frames = Number(process.argv[3] ?? 60);
process.env.FORCE_COLOR ??= '1';
const {engine, notify, stdout, instance} = await mountPlayground(processes, 120, 40);
await until(() => stdout.log.includes('systemd'));
const target = engine.processRows(10, 1)[0]?.hostPid;
const cpu: number[] = [];
const bytes: number[] = [];
let last = '';
for (let i = 0; i < frames; i++) {
	engine.run(`kill pid:${target} ${i % 2 === 0 ? 'STOP' : 'CONT'}`);
	if (process.env.GC === 'before') collect();
	await new Promise((resolve) => setTimeout(resolve, 40));
	if (process.env.GC === 'after') collect();
	stdout.log = '';
	const writes = stdout.writes;
	const before = stdout.bytes;
	const started = process.cpuUsage();
	notify();
	if (!(await until(() => stdout.writes > writes, 2000))) {
		process.stdout.write(
			`frame ${i}: no write ${writes} ${stdout.writes} ${JSON.stringify(stdout.log.slice(-200))}\n`,
		);
		continue;
	}
	await turn();
	const used = process.cpuUsage(started);
	cpu.push((used.user + used.system) / 1000);
	bytes.push(stdout.bytes - before);
	last = stdout.log;
}
instance.unmount();
engine.dispose();
process.stdout.write(`${cpu.map((c) => c.toFixed(1)).join(' ')}\n${bytes.join(' ')}\n`);
process.stdout.write(`cpu ${median(cpu).toFixed(2)} ms, bytes ${median(bytes)}\n`);
if (process.env.SHOW_LAST) process.stdout.write(`${JSON.stringify(last)}\n`);
process.exit(0);
