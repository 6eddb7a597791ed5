// Read-only questions about a kernel state, for the layers above, the tests and the views.
import {tableGet, tableValues} from './table.js';
import type {Kernel, NsId, PidNamespace, Process} from './types.js';

export function getProcess(k: Kernel, pid: number): Process | undefined {
	return tableGet(k.procs, pid);
}

export function allProcesses(k: Kernel): Process[] {
	return [...tableValues(k.procs)];
}

/** The process with PID `pid` in PID namespace `ns`. */
export function processInNs(k: Kernel, ns: NsId, pid: number): Process | undefined {
	const table = (k.namespaces[ns] as PidNamespace | undefined)?.pids;
	const host = table ? tableGet(table, pid) : undefined;
	return host === undefined ? undefined : tableGet(k.procs, host);
}

/**
 * `target`'s PID as `viewer` numbers it (R-PIDNS-1, R-PIDNS-5): undefined when `target` is outside
 * the viewer's PID namespace and its descendants.
 */
export function pidSeenBy(k: Kernel, target: Process, viewer: Process): number | undefined {
	const level = (k.namespaces[viewer.ns.pid] as PidNamespace).level;
	const pid = target.pids[level];
	return pid !== undefined && processInNs(k, viewer.ns.pid, pid)?.hostPid === target.hostPid
		? pid
		: undefined;
}

/** `target`'s process group ID as `viewer`'s PID namespace numbers it (kill -PGID). */
export function pgidSeenBy(k: Kernel, target: Process, viewer: Process): number | undefined {
	const level = (k.namespaces[viewer.ns.pid] as PidNamespace).level;
	return pidSeenBy(k, target, viewer) === undefined ? undefined : target.pgrp[level];
}

/** Lowest host PID with that command name (`comm:NAME` targets). */
export function processByComm(k: Kernel, comm: string): Process | undefined {
	for (const p of tableValues(k.procs)) if (p.comm === comm) return p;
	return undefined;
}

/** PPID as a process sees it inside its own PID namespace: 0 for a parent outside (R-PIDNS-3). */
export function ppidInNs(k: Kernel, p: Process): number {
	const parent = tableGet(k.procs, p.parent);
	if (!parent) return 0;
	const level = p.pids.length - 1;
	const ns = k.namespaces[p.ns.pid] as PidNamespace;
	return tableGet(ns.pids, parent.pids[level] ?? -1) === parent.hostPid ? parent.pids[level] : 0;
}

export function streamLines(k: Kernel, stream: string): readonly string[] {
	return k.streams[stream] ?? [];
}
