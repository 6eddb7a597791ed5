// A program's parameters are plain data, so a scenario can describe new behaviour without code.
import type {SignalName} from '../kernel/index.js';

export type ProgramSpec = {program: string; count?: number} & ProgramParams;

export type ProgramParams = {
	/** Command name shown in the process tree (default: the program's name). */
	comm?: string;
	/** Children started at once, each running its own program. */
	children?: ProgramSpec[];
	/** Reap every child with waitpid(-1, WNOHANG) on SIGCHLD (R-ZOMB-8). */
	reaps?: boolean;
	/** Signals with a handler; the handler exits with code 0. */
	handle?: SignalName[];
	/** Signals set to SIG_IGN. */
	ignore?: SignalName[];
	/** Signals blocked. */
	block?: SignalName[];
	/** Exit after this many milliseconds, with `exitCode` (default 0). */
	exitAfter?: number;
	exitCode?: number;
	/** Thread names, besides the main thread. */
	threads?: string[];
	subreaper?: boolean;
	/** Lines printed at start. */
	print?: string[];
	/** Bytes allocated at start. */
	memory?: number;
	/** Port listened on. */
	port?: number;
	/** sleep: seconds to sleep (default: forever). */
	seconds?: number;
	/** producer/consumer: the SysV queue key. */
	key?: number;
	/** producer: how many messages before "done". */
	messages?: number;
	/** producer, log writer, log collector: milliseconds between steps. */
	interval?: number;
	/** log writer/collector, init container copy: the file. */
	file?: string;
	from?: string;
	/** tini, dumb-init, systemd, sh: the program they start. */
	service?: ProgramSpec;
	/** systemd: RestartSec in milliseconds (default 100). */
	restartSec?: number;
	/** systemd: Restart= (default on-failure). */
	restart?: 'always' | 'on-failure' | 'no';
	/** sh: the command it execs once its foreground command is done (`sh -c 'a; exec b'`). */
	execAfter?: ProgramSpec;
	/** tini -g: forward signals to the child's process group. */
	group?: boolean;
	/** dumb-init -c: forward signals to the child only, not its group. */
	single?: boolean;
	/** dumb-init -r s:r: rewrite signal s to r ("0" drops it). */
	rewrite?: Record<string, string>;
	/** fork-bomb: milliseconds between generations. */
	delay?: number;
};

export function params(raw: Record<string, unknown>): ProgramParams {
	return raw as ProgramParams;
}

/** fork + exec of a spec: the call a parent makes to start it. */
export function specCall(spec: ProgramSpec): {name: string; params: Record<string, unknown>} {
	const {program, count: _count, ...rest} = spec;
	return {name: program, params: rest};
}

export function commOf(spec: ProgramSpec): string {
	return spec.comm ?? spec.program;
}
