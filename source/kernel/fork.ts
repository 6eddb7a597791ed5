// fork/clone: a new process with one PID per namespace level (R-PIDNS-1, R-PIDNS-2, R-PIDNS-4),
// refused with ENOMEM in a namespace whose init is gone (R-PIDNS-7a) and EAGAIN at pids.max (R-ZOMB-5).
import {chargePids, pidsLimitHit} from './cgroup.js';
import {addChild} from './children.js';
import type {Ctx} from './context.js';
import {addProc, emit, label, namespace, wake} from './context.js';
import type {Errno} from './errno.js';
import {addRef, createNs, createPidNs} from './namespaces.js';
import {allocPid, nsChain, takePid} from './pids.js';
import {plain, settled} from './plain.js';
import type {SignalName} from './signals.js';
import type {CloneFlags, ProgramCall} from './syscalls.js';
import type {HostPid, NsId, NsPid, NsType, PidNamespace, Process} from './types.js';

export type ForkOptions = {
	program?: ProgramCall;
	comm?: string;
	argv?: string[];
	flags?: CloneFlags;
	/** Join these namespaces first, as setns(2) then fork does (nsenter, runc joining a sandbox). */
	join?: Partial<Record<NsType, NsId>>;
	/** clone3(CLONE_INTO_CGROUP): start in this cgroup. */
	cgroup?: string;
	thread?: string;
	/** The child starts with an empty signal mask (tini unblocks before it execs its child). */
	resetMask?: boolean;
	/** The child starts a new session and process group (setsid, as dumb-init does). */
	setsid?: boolean;
	stdout?: string;
	labels?: Record<string, string>;
};

export type ForkResult = {child: Process} | {errno: Errno};

export function forkProcess(ctx: Ctx, parent: Process, options: ForkOptions = {}): ForkResult {
	const missing = Object.entries(options.join ?? {}).find(
		([, id]) => id !== undefined && !namespace(ctx, id),
	);
	if (missing)
		return fail(
			ctx,
			parent,
			'EINVAL',
			'R-IPC-3',
			`the ${missing[0]} namespace [${missing[1]}] to join no longer exists`,
		);
	const basePid = options.join?.pid ?? parent.childPidNs ?? parent.ns.pid;
	const chain = nsChain(ctx, basePid);
	const comm = options.comm ?? parent.comm;
	const dead = chain.find((ns) => !ns.allocating);
	if (dead)
		return fail(
			ctx,
			parent,
			'ENOMEM',
			'R-PIDNS-7',
			`PID namespace [${dead.id}] has lost its init and hands out no more PIDs`,
		);
	const cgroup = options.cgroup ?? parent.cgroup;
	if (!ctx.k.cgroups[cgroup]) return fail(ctx, parent, 'ENOENT', 'R-ZOMB-5', `no cgroup ${cgroup}`);
	// copy_pid_ns: a new PID namespace only from the caller's own (after unshare or setns: EINVAL).
	if (options.flags?.pid && basePid !== parent.ns.pid) {
		return fail(ctx, parent, 'EINVAL', 'R-PIDNS-2', 'CLONE_NEWPID after unshare or setns of a PID namespace');
	}
	const limited = pidsLimitHit(ctx, cgroup);
	if (limited) {
		return fail(
			ctx,
			parent,
			'EAGAIN',
			'R-ZOMB-5',
			`cgroup ${limited.path} is at pids.max ${limited.pidsMax} (zombies count)`,
		);
	}
	if (options.flags?.pid) chain.push(createPidNs(ctx, chain[chain.length - 1], parent.hostPid));
	const pids = allocateAll(chain);
	if (!pids) return fail(ctx, parent, 'EAGAIN', 'R-PIDNS-4', 'no free PID below pid_max');
	const hostPid = pids[0] as number as HostPid;
	const own = chain[chain.length - 1];
	const child = newChild(ctx, parent, hostPid, pids, own, options, comm, cgroup);
	for (const [level, ns] of chain.entries()) takePid(ctx, ns, pids[level], hostPid);
	if (own.init === undefined) own.init = hostPid;
	addProc(ctx, child);
	ctx.k.procCount += 1;
	ctx.k.counters.forks += 1;
	chargePids(ctx, cgroup, 1);
	addChild(ctx, parent, child);
	announce(ctx, parent, child, own);
	wake(ctx, hostPid, {type: 'start'});
	return {child};
}

function allocateAll(chain: PidNamespace[]): NsPid[] | undefined {
	const pids: NsPid[] = [];
	for (const ns of chain) {
		const pid = allocPid(ns);
		if (pid === undefined) return undefined;
		pids.push(pid as NsPid);
	}
	return pids;
}

function newChild(
	ctx: Ctx,
	parent: Process,
	hostPid: HostPid,
	pids: NsPid[],
	own: PidNamespace,
	options: ForkOptions,
	comm: string,
	cgroup: string,
): Process {
	const ns = {...parent.ns, ...options.join, pid: own.id};
	for (const type of ['ipc', 'net', 'uts', 'mnt'] as const) {
		if (options.flags?.[type]) ns[type] = createNs(ctx, type, hostPid, parent.ns[type]).id;
		addRef(ctx, ns[type]);
	}
	// fork + exec of a new program: caught signals reset to SIG_DFL, ignored ones stay (R-SIG-5).
	const actions = {...parent.actions};
	if (options.program) {
		for (const [signal, action] of Object.entries(actions))
			if (action === 'handle') delete actions[signal as SignalName];
	}
	const program = options.program
		? {name: options.program.name, params: settled(options.program.params ?? {}), state: {}}
		: {
				name: parent.program.name,
				params: plain(parent.program.params),
				state: {...plain(parent.program.state), forked: true},
			};
	return {
		hostPid,
		pids,
		ns,
		parent: parent.hostPid,
		...(options.thread === undefined ? {} : {parentThread: options.thread}),
		children: [],
		comm,
		argv: [...(options.argv ?? (options.comm ? [options.comm] : parent.argv))],
		state: 'R',
		threads: [{tids: [...pids], name: comm}],
		// R-REAP-6: the subreaper attribute is not inherited by fork.
		subreaper: false,
		actions,
		nocldwait: false,
		blocked: options.resetMask ? [] : [...parent.blocked],
		pending: [],
		pgrp: options.setsid ? [...pids] : [...parent.pgrp],
		cgroup,
		rss: 0,
		startedAt: ctx.k.now,
		program,
		stdout: options.stdout ?? parent.stdout,
		labels: settled(options.labels) ?? {...parent.labels},
	};
}

function announce(ctx: Ctx, parent: Process, child: Process, own: PidNamespace): void {
	const nspid = child.pids[child.pids.length - 1];
	if (nspid === 1 && own.parent !== undefined) {
		emit(
			ctx,
			'R-PIDNS-2',
			'fork',
			`${label(parent)} started ${label(child)} as PID 1 of PID namespace [${own.id}] (NSpid ${child.pids.join(' ')})`,
			{pid: child.hostPid, data: {parent: parent.hostPid, ns: own.id}},
		);
		return;
	}
	emit(
		ctx,
		'R-PIDNS-4',
		'fork',
		`${label(parent)} forked ${label(child)}${child.pids.length > 1 ? ` (NSpid ${child.pids.join(' ')})` : ''}`,
		{pid: child.hostPid, data: {parent: parent.hostPid}},
	);
}

function fail(ctx: Ctx, parent: Process, errno: Errno, rule: string, why: string): {errno: Errno} {
	emit(ctx, rule, 'errno', `fork by ${label(parent)} failed with ${errno}: ${why}`, {
		pid: parent.hostPid,
		errno,
	});
	return {errno};
}

/** A new thread takes a PID at every level like a process (R-PIDNS-1) and counts in pids.current. */
export function createThread(ctx: Ctx, p: Process, name: string): Errno | undefined {
	const chain = nsChain(ctx, p.ns.pid);
	if (chain.some((ns) => !ns.allocating)) return 'ENOMEM';
	if (pidsLimitHit(ctx, p.cgroup)) return 'EAGAIN';
	const tids = allocateAll(chain);
	if (!tids) return 'EAGAIN';
	for (const [level, ns] of chain.entries()) takePid(ctx, ns, tids[level], p.hostPid);
	chargePids(ctx, p.cgroup, 1);
	p.threads.push({tids, name});
	emit(ctx, 'R-PIDNS-1', 'thread', `${label(p)} started thread ${name} (TID ${tids[tids.length - 1]})`, {
		pid: p.hostPid,
	});
	return undefined;
}
