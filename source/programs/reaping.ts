// The waitpid(-1, WNOHANG) loop reaping inits run on SIGCHLD (R-ZOMB-8).
import {type ExitStatus, type ProgramEvent, type Syscall, signalExitCode} from '../kernel/index.js';

export const reapReply = 'reap';

export function reapOnce(): Syscall {
	return {call: 'wait', pid: -1, nohang: true, reply: reapReply};
}

export type Reaped = {pid: number; status?: ExitStatus};

/** After a `reap` return: the child reaped, or undefined when none was left (0 or ECHILD). */
export function reaped(event: ProgramEvent): Reaped | undefined {
	if (event.type !== 'return' || event.reply !== reapReply || event.errno) return undefined;
	const value = event.value as Reaped;
	return value.pid > 0 ? value : undefined;
}

export function isReapReturn(event: ProgramEvent): boolean {
	return event.type === 'return' && event.reply === reapReply;
}

/** 128 + N for a signal, as shells, runtimes, tini and dumb-init report it (R-SIG-8). */
export function exitCodeOf(status: ExitStatus | undefined): number {
	if (!status) return 0;
	return 'code' in status ? status.code : signalExitCode(status.signal);
}
