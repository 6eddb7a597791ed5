// Issue 5 figures, run only when the session layer exists (source/session/index.ts).
import {existsSync} from 'node:fs';
import {printSkip} from './report.js';

export async function benchUi(): Promise<void> {
	if (!existsSync(new URL('../source/session/index.ts', import.meta.url))) {
		printSkip('UI figures', 'source/session/ does not exist yet');
		return;
	}
	const [{benchStartup}, {benchFrames}, {benchSlowMotion}, {benchIdleCpu}] = await Promise.all([
		import('./startup.js'),
		import('./frame.js'),
		import('./slow-motion.js'),
		import('./idle-cpu.js'),
	]);
	await benchStartup();
	await benchFrames();
	await benchSlowMotion();
	await benchIdleCpu();
}
