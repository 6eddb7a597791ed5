// What one run of a shell case shows, on the machine or in the model: the same shape on both sides.

/** A process inside the namespace as `ps -e -o pid,ppid,stat,args` shows it there. */
export type ProcRow = {pid: number; ppid: number; zombie: boolean; args: string};

export type ShellRun = {
	/** The namespace's processes at `observeAt`, by PID. */
	tree: ProcRow[];
	/** When PID 1 ended, in ms after it started; undefined if it was still running at the limit. */
	endedAt?: number;
	code?: number;
	output: string[];
};

export type ShellOutcome = {kind: 'ran'; run: ShellRun} | {kind: 'skipped'; reason: string};

/** The shell's own name in its argv and messages: `dash`, `busybox sh`, `/bin/sh`, `bash` all read `sh`. */
export function normaliseArgs(args: string): string {
	return args
		.replace(/^(busybox sh|\/bin\/sh|dash|bash|sh) /, 'sh ')
		.replace(/\n/g, ' ')
		.trimEnd();
}

export function normaliseOutput(line: string): string {
	return line.replace(/^(dash|bash|sh):/, 'sh:');
}

export function showTree(tree: readonly ProcRow[]): string {
	return tree.map((p) => `${p.pid}<${p.ppid}${p.zombie ? ' Z' : ''} ${p.args}`).join(', ') || '(empty)';
}
