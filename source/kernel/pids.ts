// PID namespaces: allocation, lookup and the namespace chain (R-PIDNS-1, R-PIDNS-4, R-PIDNS-5).
import type {Ctx} from './context.js';
import {peekNs, pidNs, proc} from './context.js';
import {copying} from './cow.js';
import {rawField} from './raw.js';
import {tableDelete, tableGet, tableHas, tableSet} from './table.js';
import type {HostPid, NsId, PidNamespace, Process} from './types.js';

/** PIDs below this are skipped once allocation has wrapped (kernel/pid.c RESERVED_PIDS). */
export const reservedPids = 300;

/**
 * R-PIDNS-4: the next PID after the last one handed out, skipping any still taken (zombies
 * included), wrapping at pid_max to 300 after the first pass; never the lowest free number.
 */
export function allocPid(ns: PidNamespace): number | undefined {
	const min = ns.lastPid >= reservedPids ? reservedPids : 1;
	const span = ns.pidMax - min;
	const pids = rawField(ns, 'pids');
	let candidate = ns.lastPid;
	for (let tries = 0; tries < span; tries++) {
		candidate += 1;
		if (candidate >= ns.pidMax) candidate = min;
		if (!tableHas(pids, candidate)) return candidate;
	}
	return undefined;
}

/** The PID namespaces from the root down to `id` (NSpid order, R-PIDNS-1). */
export function nsChain(ctx: Ctx, id: NsId): PidNamespace[] {
	const chain: PidNamespace[] = [];
	let current: PidNamespace | undefined = pidNs(ctx, id);
	while (current) {
		chain.unshift(current);
		current = current.parent === undefined ? undefined : pidNs(ctx, current.parent);
	}
	return chain;
}

/** Is `inner` the same namespace as `outer` or nested below it? */
export function isWithin(ctx: Ctx, inner: NsId, outer: NsId): boolean {
	let current: PidNamespace | undefined = peekNs(ctx, inner);
	while (current) {
		if (current.id === outer) return true;
		current = current.parent === undefined ? undefined : peekNs(ctx, current.parent);
	}
	return false;
}

/** R-PIDNS-5: what a PID means to a process in namespace `ns`; only its own and nested namespaces are visible. */
export function lookupPid(ctx: Ctx, ns: NsId, pid: number): Process | undefined {
	const host = tableGet(peekNs(ctx, ns).pids, pid);
	return host === undefined ? undefined : proc(ctx, host);
}

/** Task `host` takes `pid` in `ns` (a process or a thread, R-PIDNS-1). */
export function takePid(ctx: Ctx, ns: PidNamespace, pid: number, host: HostPid): void {
	ns.pids = tableSet(rawField(ns, 'pids'), pid, host, copying(ctx));
	ns.count += 1;
	ns.lastPid = pid;
}

/** `pid` in `ns` is free again (R-ZOMB-4). */
export function freePid(ctx: Ctx, ns: PidNamespace, pid: number): void {
	ns.pids = tableDelete(rawField(ns, 'pids'), pid, copying(ctx));
	ns.count -= 1;
}

/** The PID of `target` as a process in namespace `ns` sees it; 0 when it is outside (R-PIDNS-3). */
export function pidSeenFrom(ctx: Ctx, target: Process, ns: NsId): number {
	const level = peekNs(ctx, ns).level;
	if (!isWithin(ctx, target.ns.pid, ns)) return 0;
	return target.pids[level];
}

export function isNsInit(p: Process): boolean {
	return p.pids[p.pids.length - 1] === 1;
}
