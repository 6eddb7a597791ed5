// Renders into a fake terminal of a fixed size (ink-testing-library takes the height from the
// machine's terminal; this does not). Waits for frames by yielding to the event loop, never by sleeping.
import './force-color.js';
import {EventEmitter} from 'node:events';
import {render} from 'ink';
import type {ReactNode} from 'react';

const ansi = /\u001B\[[0-9;?]*[ -/]*[@-~]|\u001B\][^\u0007]*\u0007/g;
export const stripAnsi = (text: string) => text.replace(ansi, '');

class FakeStdout extends EventEmitter {
	isTTY = true;
	frames: string[] = [];
	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
	}
	write = (frame: string) => {
		this.frames.push(frame);
		return true;
	};
}

class FakeStdin extends EventEmitter {
	isTTY = true;
	private queue: string[] = [];
	write = (data: string) => {
		this.queue.push(data);
		this.emit('readable');
	};
	read = () => this.queue.shift() ?? null;
	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}

export const tick = () => new Promise<void>((resolve) => setImmediate(() => setTimeout(resolve, 0)));

export function renderFixed(node: ReactNode, size: {columns: number; rows: number}) {
	const stdout = new FakeStdout(size.columns, size.rows);
	const stdin = new FakeStdin();
	const instance = render(node, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	const rawFrame = () => stdout.frames.at(-1) ?? '';
	const frame = () => stripAnsi(rawFrame());
	return {
		stdout,
		frame,
		rawFrame,
		lines: () => frame().split('\n'),
		/** Types keys; waits until the frame reacts (or a few turns if it does not change). */
		async press(...keys: string[]) {
			for (const key of keys) {
				const before = stdout.frames.length;
				stdin.write(key);
				for (let i = 0; i < 20 && stdout.frames.length === before; i++) await tick();
			}
		},
		async waitFor(test: (frame: string) => boolean, what = 'the expected frame') {
			const deadline = Date.now() + 5000;
			while (!test(frame())) {
				if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last frame:\n${frame()}`);
				await tick();
			}
		},
		async resize(columns: number, rows: number) {
			stdout.columns = columns;
			stdout.rows = rows;
			stdout.emit('resize');
			await tick();
		},
		unmount: () => instance.unmount(),
	};
}
