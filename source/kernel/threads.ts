// Thread exit: children forked by that thread stay with the process, yet their parent-death
// signal fires (R-REAP-1, E17).
import {chargePids} from './cgroup.js';
import {childList} from './children.js';
import type {Ctx} from './context.js';
import {emit, label, proc} from './context.js';
import {freePid, nsChain} from './pids.js';
import {sendSignal} from './signal.js';
import type {Process} from './types.js';

/** Free the TIDs and pids.current slots of every thread but the main one (exit_group, exec). */
export function releaseOtherThreads(ctx: Ctx, p: Process): void {
	const chain = nsChain(ctx, p.ns.pid);
	for (const thread of p.threads.slice(1)) {
		for (const [level, tid] of thread.tids.entries()) freePid(ctx, chain[level], tid);
		chargePids(ctx, p.cgroup, -1);
	}
	p.threads = p.threads.slice(0, 1);
}

export function exitThread(ctx: Ctx, p: Process, name: string): void {
	const index = p.threads.findIndex((t, i) => i > 0 && t.name === name);
	if (index < 0) return;
	const [thread] = p.threads.splice(index, 1);
	const chain = nsChain(ctx, p.ns.pid);
	for (const [level, tid] of thread.tids.entries()) freePid(ctx, chain[level], tid);
	chargePids(ctx, p.cgroup, -1);
	for (const childPid of childList(p)) {
		const child = proc(ctx, childPid);
		if (!child || child.parentThread !== name) continue;
		delete child.parentThread;
		emit(
			ctx,
			'R-REAP-1',
			'reparent',
			`thread ${name} of ${label(p)} exited: its child ${label(child)} keeps PPID ${p.hostPid} (a live thread of the same process adopts it)${child.pdeathsig ? `, yet its parent-death signal ${child.pdeathsig} fires` : ''}`,
			{pid: child.hostPid},
		);
		if (child.pdeathsig) sendSignal(ctx, 'kernel', child, child.pdeathsig);
	}
}
