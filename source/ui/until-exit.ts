// The one way a full-screen Ink app (playground, presenter) ends: q or Ctrl-C inside it, or SIGTERM,
// SIGHUP or a closed terminal (EIO) from outside. Each unmounts Ink, which restores the terminal
// (leaves the alternate screen, shows the cursor, ends raw mode) instead of dying with a stack trace.
import type {Instance} from 'ink';

export async function untilExit(instance: Instance, out: NodeJS.WriteStream = process.stdout): Promise<void> {
	const stop = () => instance.unmount();
	out.on('error', stop);
	process.once('SIGTERM', stop);
	process.once('SIGHUP', stop);
	try {
		await instance.waitUntilExit();
	} finally {
		process.off('SIGTERM', stop);
		process.off('SIGHUP', stop);
		out.off('error', stop);
	}
}
