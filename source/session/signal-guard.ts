// From the first byte the playground writes (the first frame, before Ink has loaded) a TERM, INT or
// HUP must leave the terminal as it was: primary screen, cursor shown, raw mode off. Ink installs
// its own handlers once it runs; until then, and for INT (Ink reads Ctrl-C as a key, so a real
// SIGINT has no handler) throughout, this guard restores the terminal and exits 128+N.
import {constants} from 'node:os';

const signals = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
type Guarded = (typeof signals)[number];

export type SignalGuard = {
	/** Ink is up and handles these signals itself from now on. */
	handOver(handled: readonly Guarded[]): void;
	dispose(): void;
};

export function guardTerminal(restore: () => void): SignalGuard {
	const handlers = new Map<Guarded, () => void>();
	for (const signal of signals) {
		const handler = () => {
			try {
				restore();
			} catch {
				// A hung-up terminal cannot be written to (EIO): there is nothing left to restore.
			}
			process.exit(128 + constants.signals[signal]);
		};
		handlers.set(signal, handler);
		process.on(signal, handler);
	}
	const remove = (signal: Guarded) => {
		const handler = handlers.get(signal);
		if (handler) process.off(signal, handler);
		handlers.delete(signal);
	};
	return {
		handOver: (handled) => handled.forEach(remove),
		dispose: () => signals.forEach(remove),
	};
}
