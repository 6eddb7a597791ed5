// do_exit: zombies, reparenting of orphans and the death of a namespace init
// (R-ZOMB-1..3, R-REAP-2..8, R-PIDNS-7). Src: kernel/exit.c, kernel/pid_namespace.c.
import {chargeMemory, chargePids} from './cgroup.js';
import {addChild, becameZombie, childList, removeChild} from './children.js';
import type {Ctx} from './context.js';
import {emit, forgetNs, label, namespace, peekProc, pidNs, proc, removeProc} from './context.js';
import {dropRef} from './namespaces.js';
import {freePid, nsChain} from './pids.js';
import {forceKill, sendSignal} from './signal.js';
import {signalExitCode} from './signals.js';
import {tableSome, tableValues} from './table.js';
import {releaseOtherThreads} from './threads.js';
import type {ExitStatus, NetNamespace, PidNamespace, Process} from './types.js';
import {retryWait} from './wait.js';
import {clearBlocker} from './wakeups.js';

export function describeStatus(status: ExitStatus): string {
	return 'code' in status
		? `code ${status.code}`
		: `signal ${status.signal} (exit code ${signalExitCode(status.signal)})`;
}

/**
 * A process ends (exit_group, or a fatal signal). It drops its namespaces, hands its children to a
 * new parent and stays a zombie until its parent reaps it. A namespace init first takes every
 * other process of its namespace down with it (R-PIDNS-7).
 */
export function exitProcess(ctx: Ctx, p: Process, status: ExitStatus): void {
	if (p.state === 'Z' || p.exiting) return;
	const ns = pidNs(ctx, p.ns.pid);
	if (ns.init === p.hostPid && ns.parent === undefined) {
		emit(
			ctx,
			'R-PIDNS-8',
			'refused',
			`${label(p)} is the node's init: its exit would panic the kernel, which podplay does not simulate; it keeps running`,
			{pid: p.hostPid},
		);
		return;
	}
	teardown(ctx, p);
	if (ns.init === p.hostPid) {
		ns.allocating = false;
		const others = [...tableValues(ns.pids)].filter((host) => host !== p.hostPid);
		if (others.length > 0) {
			zapNamespace(ctx, p, ns, status, new Set(others));
			return;
		}
	}
	becomeZombie(ctx, p, status);
}

/** R-PIDNS-7: SIGKILL to everyone else in the namespace; init waits, SIGCHLD ignored, until all are gone. */
function zapNamespace(
	ctx: Ctx,
	init: Process,
	ns: PidNamespace,
	status: ExitStatus,
	others: Set<number>,
): void {
	init.exiting = status;
	init.actions.SIGCHLD = 'ignore';
	emit(
		ctx,
		'R-PIDNS-7',
		'ns-init-exit',
		`${label(init)}, PID 1 of PID namespace [${ns.id}], exited with ${describeStatus(status)}: the kernel SIGKILLs the ${others.size} other process(es) in it, and its parent sees the exit only once they are gone`,
		{pid: init.hostPid, data: {ns: ns.id, killed: [...others]}},
	);
	for (const host of others) {
		const victim = proc(ctx, host);
		if (victim) forceKill(ctx, victim);
	}
	// zap_pid_ns_processes reaps its own zombie children (kernel_wait4 loop).
	for (const child of [...childList(init)]) {
		const c = peekProc(ctx, child);
		if (c?.state === 'Z') release(ctx, c, 'R-PIDNS-7');
	}
	finishZap(ctx, ns);
}

/** Called whenever a PID of `ns` is freed: the exiting init completes once it is alone. */
function finishZap(ctx: Ctx, ns: PidNamespace): void {
	const init = ns.init === undefined ? undefined : proc(ctx, ns.init);
	if (!init?.exiting || ns.count > 1) return;
	const status = init.exiting;
	delete init.exiting;
	becomeZombie(ctx, init, status);
}

/** Everything do_exit drops before the zombie stage: threads, namespaces, ports, memory, waits. */
function teardown(ctx: Ctx, p: Process): void {
	clearBlocker(ctx, p);
	delete p.resume;
	p.pending = [];
	releaseOtherThreads(ctx, p);
	const net = namespace(ctx, p.ns.net) as NetNamespace | undefined;
	if (net) {
		for (const [port, owner] of Object.entries(net.ports))
			if (owner === p.hostPid) delete net.ports[Number(port)];
	}
	if (p.rss > 0) chargeMemory(ctx, p, -p.rss);
	// exit_task_namespaces: a zombie holds its PIDs, not its IPC, net, UTS or mount namespace.
	for (const type of ['ipc', 'net', 'uts', 'mnt'] as const) dropRef(ctx, p.ns[type]);
}

function becomeZombie(ctx: Ctx, p: Process, status: ExitStatus): void {
	reparentChildren(ctx, p);
	p.state = 'Z';
	p.exit = status;
	becameZombie(ctx, p);
	const parent = proc(ctx, p.parent);
	emit(
		ctx,
		'R-ZOMB-1',
		'exit',
		`${label(p)} exited with ${describeStatus(status)}; it is a zombie until its parent ${parent ? label(parent) : '(none)'} reaps it`,
		{pid: p.hostPid, data: {status, parent: p.parent, comm: p.comm}},
	);
	notifyParent(ctx, p);
}

/** do_notify_parent: SIGCHLD to the parent, or auto-reap if it ignores SIGCHLD (R-ZOMB-2, R-ZOMB-3). */
function notifyParent(ctx: Ctx, p: Process): void {
	const parent = proc(ctx, p.parent);
	if (!parent) {
		release(ctx, p, 'R-ZOMB-1');
		return;
	}
	if (autoReaps(parent)) {
		release(ctx, p, 'R-ZOMB-3');
		retryWait(ctx, parent);
		return;
	}
	sendSignal(ctx, 'kernel', parent, 'SIGCHLD', p);
	retryWait(ctx, parent);
}

/** R-ZOMB-3: SIGCHLD at SIG_IGN or SA_NOCLDWAIT: children vanish at exit. */
export function autoReaps(p: Process): boolean {
	return p.actions.SIGCHLD === 'ignore' || p.nocldwait || p.exiting !== undefined;
}

/**
 * forget_original_parent: every child gets a new parent — the nearest live subreaper among the
 * ancestors at the father's PID-namespace level (R-REAP-2), else PID 1 of the father's namespace
 * (R-REAP-3, R-REAP-4).
 */
function reparentChildren(ctx: Ctx, father: Process): void {
	if (father.children.length === 0) return;
	const {reaper, rule, why} = findNewReaper(ctx, father);
	for (const childPid of [...childList(father)]) {
		const child = proc(ctx, childPid);
		if (!child) continue;
		removeChild(ctx, father, child);
		if (!reaper) {
			// Off the father's list already: released as nobody's child.
			if (child.state === 'Z') release(ctx, child, 'R-REAP-3');
			continue;
		}
		child.parent = reaper.hostPid;
		delete child.parentThread;
		child.adoptedAt = ctx.k.now;
		addChild(ctx, reaper, child);
		const outside = child.ns.pid !== father.ns.pid && rule !== 'R-REAP-2';
		emit(
			ctx,
			outside ? 'R-REAP-4' : rule,
			'reparent',
			`orphan ${label(child)} reparented to ${why} ${label(reaper)}${outside ? ", chosen by the father's namespace, not the child's" : ''}`,
			{pid: child.hostPid, data: {from: father.hostPid, to: reaper.hostPid}},
		);
		if (child.pdeathsig) sendSignal(ctx, 'kernel', child, child.pdeathsig);
		if (child.state === 'Z') adoptZombie(ctx, reaper, child);
	}
}

/** R-REAP-8: an adopted zombie signals its new parent at once; a parent ignoring SIGCHLD frees it. */
function adoptZombie(ctx: Ctx, reaper: Process, child: Process): void {
	if (autoReaps(reaper)) {
		release(ctx, child, 'R-REAP-8');
		return;
	}
	emit(
		ctx,
		'R-REAP-8',
		'sigchld',
		`adopted zombie ${label(child)} sends SIGCHLD to its new parent ${label(reaper)}`,
		{
			pid: child.hostPid,
		},
	);
	sendSignal(ctx, 'kernel', reaper, 'SIGCHLD', child);
	retryWait(ctx, reaper);
}

function findNewReaper(ctx: Ctx, father: Process): {reaper?: Process; rule: string; why: string} {
	const level = father.pids.length - 1;
	let candidate = peekProc(ctx, father.parent);
	while (candidate && candidate.pids.length - 1 === level && candidate.parent !== 0) {
		if (candidate.subreaper && candidate.state !== 'Z' && !candidate.exiting) {
			return {reaper: proc(ctx, candidate.hostPid), rule: 'R-REAP-2', why: 'nearest subreaper'};
		}
		candidate = peekProc(ctx, candidate.parent);
	}
	const ns = pidNs(ctx, father.ns.pid);
	const init = ns.init === undefined ? undefined : proc(ctx, ns.init);
	if (init && init.hostPid !== father.hostPid && init.state !== 'Z') {
		return {reaper: init, rule: 'R-REAP-3', why: `PID 1 of namespace [${ns.id}],`};
	}
	return {reaper: proc(ctx, 1), rule: 'R-REAP-3', why: 'the host init'};
}

/**
 * Reap: the zombie goes and its PIDs are free again at every level (R-ZOMB-4), as is its pids.current
 * slot (R-ZOMB-1).
 */
export function release(ctx: Ctx, p: Process, rule: string, reaper?: Process): void {
	const chain = nsChain(ctx, p.ns.pid);
	for (const [level, pid] of p.pids.entries()) freePid(ctx, chain[level], pid);
	chargePids(ctx, p.cgroup, -1);
	const parent = proc(ctx, p.parent);
	if (parent) removeChild(ctx, parent, p);
	removeProc(ctx, p.hostPid);
	ctx.k.procCount -= 1;
	const by = reaper
		? `reaped by ${label(reaper)}`
		: rule === 'R-ZOMB-3'
			? 'auto-reaped: its parent ignores SIGCHLD'
			: 'released';
	const where = chain.length > 1 ? ` in PID namespace [${chain[chain.length - 1].id}]` : '';
	emit(ctx, rule, 'reap', `${label(p)} ${by}; PID ${p.pids[p.pids.length - 1]}${where} is free again`, {
		pid: p.hostPid,
		data: {status: p.exit},
	});
	for (const ns of chain) {
		if (ns.count === 0 && ns.init !== undefined && ns.parent !== undefined && !heldForChildren(ctx, ns.id)) {
			forgetNs(ctx, ns.id);
			emit(ctx, 'R-PIDNS-7', 'ns-gone', `PID namespace [${ns.id}] destroyed: its last process is gone`, {
				data: {ns: ns.id, type: 'pid'},
			});
		} else finishZap(ctx, ns);
	}
}

/** A PID namespace also lives while a process holds it as pid_ns_for_children (unshare, setns). */
function heldForChildren(ctx: Ctx, id: number): boolean {
	return tableSome(ctx.k.procs, (p) => p.childPidNs === id);
}
