// A fixed-size terminal for Ink that counts what the app writes (bytes per frame).
import {EventEmitter} from 'node:events';

export class FakeTerminal extends EventEmitter {
	isTTY = true;
	writes = 0;
	bytes = 0;
	/** Everything written since the caller last cleared it. */
	log = '';
	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
	}
	write = (chunk: string | Uint8Array) => {
		this.writes += 1;
		this.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
		this.log += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
		return true;
	};
}

export class FakeInput extends EventEmitter {
	isTTY = true;
	read = () => null;
	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}

/** One turn of the event loop, so React and Ink can run (never a fixed sleep). */
export const turn = () => new Promise<void>((resolve) => setImmediate(() => setTimeout(resolve, 0)));

/** Waits (bounded) until `test` holds, turning the event loop. */
export async function until(test: () => boolean, limitMs = 5000): Promise<boolean> {
	const deadline = performance.now() + limitMs;
	while (!test()) {
		if (performance.now() > deadline) return false;
		await turn();
	}
	return true;
}

/** The playground over a big session, rendered with the CLI's Ink options into a fake terminal. */
export async function mountPlayground(processes: number, columns: number, rows: number) {
	const [{render}, {createElement}, {Playground}, {resolveUiOptions}, {bigSession}] = await Promise.all([
		import('ink'),
		import('react'),
		import('../source/ui/run.js'),
		import('../source/ui/options.js'),
		import('./big-session.js'),
	]);
	const {session, engine, notify} = bigSession(processes);
	const stdout = new FakeTerminal(columns, rows);
	const instance = render(createElement(Playground, {session, options: resolveUiOptions({})}), {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stdin: new FakeInput() as unknown as NodeJS.ReadStream,
		alternateScreen: true,
		incrementalRendering: true,
		exitOnCtrlC: false,
		maxFps: 30,
		patchConsole: false,
	});
	return {session, engine, notify, stdout, instance};
}
