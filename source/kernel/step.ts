// Kernel-level actions and the clock. The engine wraps these in one immer `produce` per step.

import {type CgroupLimits, chargePids, createCgroup} from './cgroup.js';
import type {Ctx} from './context.js';
import {emit, label, proc, wake} from './context.js';
import {drain, runCalls} from './dispatch.js';
import {pinNs, unpinNs} from './namespaces.js';
import {sendSignal} from './signal.js';
import type {SignalName} from './signals.js';
import type {Syscall} from './syscalls.js';
import {tableValues} from './table.js';
import {commitTimers, takeDueTimer} from './timers.js';
import type {NsId, Timer} from './types.js';
import {clearBlocker} from './wakeups.js';

export type KernelAction =
	/** Make process `pid` perform a system call (the playground's "make it fork", a scenario step). */
	| {type: 'syscall'; pid: number; call: Syscall}
	/**
	 * kill(1) typed by an administrator on the node, outside every container; with `group`, `pid` is
	 * a process group ID as the node numbers it (`kill -SIG -PGID`).
	 */
	| {type: 'signal'; pid: number; signal: SignalName; group?: boolean}
	/** Let virtual time pass. */
	| {type: 'advance'; ms: number}
	/** Bind-mount (pin) or unmount a namespace file (R-IPC-3). */
	| {type: 'pin'; ns: NsId; pin: string}
	| {type: 'unpin'; ns: NsId; pin: string}
	| {type: 'cgroup'; path: string; parent?: string; limits?: CgroupLimits}
	/** Start the program of a process that the kernel created itself (the host's PID 1 at boot). */
	| {type: 'start'; pid: number}
	/** Move a live process into a cgroup (echo PID > cgroup.procs); its tasks are charged there. */
	| {type: 'cgroup-move'; pid: number; path: string};

/** Fires a timer owned by a layer above the kernel. */
export type TimerHandler = (ctx: Ctx, timer: Timer) => void;

/** Called after each timer has fired and its reactions have run (the layers above observe here). */
export type Settle = () => void;

/**
 * `kill -SIG -PGID` on the node (kill_something_info): every member of the group, numbered as the
 * node sees it, gets the signal from the node under the usual rules (R-SIG-2 for a namespace's
 * init, R-SIG-6 for the others); no member at all is ESRCH.
 */
function signalGroupFromNode(ctx: Ctx, pgid: number, signal: SignalName): void {
	const members = [...tableValues(ctx.k.procs)].filter((p) => p.pgrp[0] === pgid && p.state !== 'Z');
	if (members.length === 0) {
		emit(
			ctx,
			'R-SIG-7',
			'errno',
			`kill(-${pgid}, ${signal}) from the node: no process in group ${pgid}: ESRCH`,
			{
				errno: 'ESRCH',
			},
		);
		return;
	}
	emit(
		ctx,
		'R-SIG-7',
		'kill-group',
		`kill(-${pgid}, ${signal}) from the node reaches the ${members.length} process(es) of process group ${pgid}`,
		{data: {signal, targets: members.map((p) => p.hostPid)}},
	);
	for (const member of members) {
		const live = proc(ctx, member.hostPid);
		if (live) sendSignal(ctx, 'host', live, signal);
	}
}

export function applyKernelAction(
	ctx: Ctx,
	action: KernelAction,
	others?: TimerHandler,
	settle?: Settle,
): void {
	perform(ctx, action, others, settle);
	commitTimers(ctx);
}

function perform(ctx: Ctx, action: KernelAction, others?: TimerHandler, settle?: Settle): void {
	switch (action.type) {
		case 'syscall': {
			const p = proc(ctx, action.pid);
			if (!p || p.state === 'Z') {
				emit(
					ctx,
					'R-PIDNS-5',
					'errno',
					`no live process ${action.pid} to make a ${action.call.call} call: ESRCH`,
					{errno: 'ESRCH'},
				);
				return;
			}
			runCalls(ctx, p.hostPid, [action.call]);
			break;
		}
		case 'signal': {
			if (action.group) {
				signalGroupFromNode(ctx, action.pid, action.signal);
				break;
			}
			const p = proc(ctx, action.pid);
			if (!p) {
				emit(
					ctx,
					'R-PIDNS-5',
					'errno',
					`kill(${action.pid}, ${action.signal}) from the node: no such process: ESRCH`,
					{errno: 'ESRCH'},
				);
				return;
			}
			sendSignal(ctx, 'host', p, action.signal);
			break;
		}
		case 'advance':
			advanceTo(ctx, ctx.k.now + action.ms, others, settle);
			return;
		case 'pin':
			pinNs(ctx, action.ns, action.pin);
			break;
		case 'unpin':
			unpinNs(ctx, action.ns, action.pin);
			break;
		case 'cgroup':
			createCgroup(ctx, action.path, action.parent ?? '/', action.limits);
			break;
		case 'cgroup-move': {
			const p = proc(ctx, action.pid);
			if (p && ctx.k.cgroups[action.path]) {
				chargePids(ctx, p.cgroup, -p.threads.length);
				p.cgroup = action.path;
				chargePids(ctx, p.cgroup, p.threads.length);
			}
			break;
		}
		case 'start': {
			const p = proc(ctx, action.pid);
			if (p) wake(ctx, p.hostPid, {type: 'start'});
			break;
		}
	}
	drain(ctx);
}

/** Move the clock to `until`, firing every timer due on the way, in order. */
export function advanceTo(ctx: Ctx, until: number, others?: TimerHandler, settle?: Settle): void {
	for (let timer = takeDueTimer(ctx, until); timer; timer = takeDueTimer(ctx, until)) {
		ctx.k.now = Math.max(ctx.k.now, timer.at);
		if (timer.owner === 'kernel') fireKernelTimer(ctx, timer);
		else others?.(ctx, timer);
		drain(ctx);
		settle?.();
	}
	ctx.k.now = Math.max(ctx.k.now, until);
}

function fireKernelTimer(ctx: Ctx, timer: Timer): void {
	const p = timer.pid === undefined ? undefined : proc(ctx, timer.pid);
	if (!p || p.state === 'Z') return;
	const sleeping = p.sleepingIn;
	switch (timer.tag) {
		case 'sleep':
			if (sleeping?.call === 'sleep' && sleeping.until === timer.data?.until) {
				clearBlocker(ctx, p);
				if (sleeping.reply)
					wake(ctx, p.hostPid, {type: 'return', reply: sleeping.reply, call: 'sleep', value: 0});
			}
			return;
		case 'sigwait':
			if (sleeping?.call === 'sigwait' && sleeping.until === timer.data?.until) {
				clearBlocker(ctx, p);
				if (sleeping.reply)
					wake(ctx, p.hostPid, {type: 'return', reply: sleeping.reply, call: 'sigwait', errno: 'EAGAIN'});
			}
			return;
		case 'alarm':
			if (p.startedAt === timer.data?.startedAt)
				wake(ctx, p.hostPid, {type: 'timer', tag: String(timer.data?.tag)});
			return;
		default:
			emit(ctx, 'R-PIDNS-1', 'timer', `unknown kernel timer ${timer.tag} for ${label(p)}`);
	}
}
