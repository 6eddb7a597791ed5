// One program in a pseudo-terminal, for start-up and idle figures: its raw output, time to the
// first output that passes a test, and its CPU time from /proc/PID/stat.
import {readFileSync} from 'node:fs';
import {spawn} from '@lydell/node-pty';
import {childEnv} from './child-env.js';

export const screen = {columns: 120, rows: 40};

export type PtyRun = {
	pid: number;
	output(): string;
	/** Milliseconds from spawn until `test(output)` first held, or undefined on timeout. */
	until(test: (output: string) => boolean, timeoutMs?: number): Promise<number | undefined>;
	write(data: string): void;
	exited: Promise<number>;
	kill(): void;
};

export function runInPty(command: string, args: string[]): PtyRun {
	const started = performance.now();
	let raw = '';
	const waiters: (() => void)[] = [];
	const pty = spawn(command, args, {
		cols: screen.columns,
		rows: screen.rows,
		cwd: process.cwd(),
		env: childEnv(),
		name: 'xterm-256color',
	});
	pty.onData((data) => {
		raw += data;
		for (const w of waiters.splice(0)) w();
	});
	let done = false;
	const exited = new Promise<number>((resolve) =>
		pty.onExit(({exitCode}) => {
			done = true;
			for (const w of waiters.splice(0)) w();
			resolve(exitCode);
		}),
	);
	return {
		pid: pty.pid,
		output: () => raw,
		async until(test, timeoutMs = 15_000) {
			const deadline = started + timeoutMs;
			while (!test(raw)) {
				if (done || performance.now() > deadline) return undefined;
				// Woken by the next output (or exit); the timer only bounds the wait.
				await new Promise<void>((resolve) => {
					const timer = setTimeout(resolve, Math.max(0, deadline - performance.now()));
					waiters.push(() => {
						clearTimeout(timer);
						resolve();
					});
				});
			}
			return performance.now() - started;
		},
		write: (data) => pty.write(data),
		exited,
		kill: () => {
			if (!done) pty.kill();
		},
	};
}

/** utime + stime of a process in milliseconds (/proc/PID/stat fields 14 and 15, in clock ticks). */
export function cpuMsOf(pid: number): number | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// Fields after "(comm) ": state is field 3, so utime (14) and stime (15) are at 11 and 12.
		const ticks = Number(fields[11]) + Number(fields[12]);
		return (ticks * 1000) / 100;
	} catch {
		return undefined;
	}
}
