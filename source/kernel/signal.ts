// Sending and delivering signals: the namespace-init filter (R-SIG-1..4), normal semantics for
// everyone else (R-SIG-6), kill(-1) (R-SIG-7) and zombies that ignore everything (R-ZOMB-6).
import type {Ctx} from './context.js';
import {emit, label, peekNs, peekProc, proc, rootPidNs, wake} from './context.js';
import type {Errno} from './errno.js';
import {exitProcess} from './exit.js';
import {isNsInit, isWithin, lookupPid, pidSeenFrom} from './pids.js';
import {defaultAction, type SignalName} from './signals.js';
import {tableValues} from './table.js';
import type {NsId, Process} from './types.js';
import {clearBlocker} from './wakeups.js';

/** Who sends: a process, the node's administrator (a shell outside every container), or the kernel. */
export type Sender = Process | 'host' | 'kernel';

function senderNs(ctx: Ctx, sender: Sender): NsId {
	return typeof sender === 'string' ? rootPidNs(ctx) : sender.ns.pid;
}

function senderName(sender: Sender): string {
	if (sender === 'host') return 'the node';
	if (sender === 'kernel') return 'the kernel';
	return label(sender);
}

/** Send `signal` to one process; returns what kill(2) would return (0: accepted, even if dropped). */
export function sendSignal(
	ctx: Ctx,
	sender: Sender,
	target: Process,
	signal: SignalName,
	about?: Process,
): void {
	if (target.state === 'Z') {
		emit(
			ctx,
			'R-ZOMB-6',
			'signal-dropped',
			`${signal} to zombie ${label(target)} does nothing: a zombie only goes away when reaped`,
			{
				pid: target.hostPid,
			},
		);
		return;
	}
	if (target.exiting) return;
	const fromKernel = sender === 'kernel';
	// A kernel-sent SIGCHLD carries the child's PID (do_notify_parent); a signal from outside, 0.
	const from = about ?? (typeof sender === 'string' ? undefined : sender);
	const siPid = from ? pidSeenFrom(ctx, from, target.ns.pid) : 0;
	const outside = !fromKernel && senderNs(ctx, sender) !== target.ns.pid;

	// R-SIG-4: SIGCONT resumes a stopped task before any ignore check (prepare_signal).
	if (signal === 'SIGCONT' && target.state === 'T') resume(ctx, target, sender);

	if (isNsInit(target) && !fromKernel && !reachesInit(target, signal, outside)) {
		const rule = outside ? 'R-SIG-2' : 'R-SIG-1';
		emit(
			ctx,
			rule,
			'signal-dropped',
			`${signal} from ${senderName(sender)} to ${label(target)} dropped: it is PID 1 of its namespace and has no handler for ${signal}${outside ? ' (only SIGKILL and SIGSTOP are forced through from an ancestor namespace)' : ''}`,
			{pid: target.hostPid, data: {signal}},
		);
		return;
	}
	deliver(ctx, target, signal, siPid, fromKernel, sender);
}

/** R-SIG-1/2: init takes a signal only if it handles or blocks it, or an ancestor forces KILL/STOP. */
function reachesInit(target: Process, signal: SignalName, outside: boolean): boolean {
	if (target.actions[signal] === 'handle' || target.blocked.includes(signal)) return true;
	return outside && (signal === 'SIGKILL' || signal === 'SIGSTOP');
}

function deliver(
	ctx: Ctx,
	target: Process,
	signal: SignalName,
	siPid: number,
	fromKernel: boolean,
	sender: Sender,
): void {
	if (signal === 'SIGKILL') {
		const rule = fromKernel ? 'R-SIG-3' : isNsInit(target) ? 'R-SIG-2' : 'R-SIG-6';
		terminate(ctx, target, signal, rule, `SIGKILL from ${senderName(sender)} kills ${label(target)}`);
		return;
	}
	if (signal === 'SIGSTOP') {
		stop(ctx, target, signal, sender);
		return;
	}
	if (target.blocked.includes(signal)) {
		queueBlocked(ctx, target, signal, siPid, fromKernel, sender);
		return;
	}
	const disposition = target.actions[signal] ?? 'default';
	if (disposition === 'ignore') return;
	if (target.state === 'T' && signal !== 'SIGCONT') {
		target.pending.push({signal, siPid, fromKernel});
		return;
	}
	if (disposition === 'handle') {
		runHandler(ctx, target, signal, siPid, fromKernel);
		return;
	}
	const action = defaultAction(signal);
	if (action === 'stop') stop(ctx, target, signal, sender);
	else if (action === 'terminate') {
		const rule = fromKernel ? 'R-SIG-3' : 'R-SIG-6';
		terminate(
			ctx,
			target,
			signal,
			rule,
			`${signal} from ${senderName(sender)} kills ${label(target)}: default action, no handler`,
		);
	}
}

/** A blocked signal waits in the pending set; a sigwait on it returns it at once (R-SIG-1, tini). */
function queueBlocked(
	ctx: Ctx,
	target: Process,
	signal: SignalName,
	siPid: number,
	fromKernel: boolean,
	sender: Sender,
): void {
	const sleeping = target.sleepingIn;
	const waiting = sleeping?.call === 'sigwait' && sleeping.signals.includes(signal);
	// SIGCHLD is every reaping init's daily bread: only other signals are worth a line.
	if (signal !== 'SIGCHLD') {
		const init = isNsInit(target);
		const outside = senderNs(ctx, sender) !== target.ns.pid;
		emit(
			ctx,
			init ? (outside ? 'R-SIG-2' : 'R-SIG-1') : 'R-SIG-6',
			'signal-queued',
			`${signal} from ${senderName(sender)} to ${label(target)} is blocked, so it is queued${init ? ' (a PID 1 receives the signals it blocks, not only those it handles)' : ''}: ${waiting ? 'its sigwait returns it at once' : 'it waits until taken by sigwait or unblocked'}`,
			{pid: target.hostPid, data: {signal, siPid}},
		);
	}
	if (waiting && sleeping) {
		clearBlocker(ctx, target);
		if (sleeping.reply) {
			wake(ctx, target.hostPid, {
				type: 'return',
				reply: sleeping.reply,
				call: 'sigwait',
				value: {signal, siPid},
			});
		}
		return;
	}
	if (!target.pending.some((p) => p.signal === signal)) target.pending.push({signal, siPid, fromKernel});
}

function runHandler(ctx: Ctx, target: Process, signal: SignalName, siPid: number, fromKernel = false): void {
	emit(
		ctx,
		signal === 'SIGCHLD' && fromKernel ? 'R-ZOMB-2' : isNsInit(target) ? 'R-SIG-2' : 'R-SIG-6',
		'signal-handled',
		`${label(target)} runs its ${signal} handler (si_pid ${siPid})`,
		{
			pid: target.hostPid,
			data: {signal, siPid},
		},
	);
	wake(ctx, target.hostPid, {type: 'signal', signal, siPid});
	if (target.sleepingIn) interrupt(ctx, target);
}

/** R-IPC-6: a handled signal interrupts a blocking call with EINTR; it is not restarted. */
function interrupt(ctx: Ctx, target: Process): void {
	const sleeping = target.sleepingIn;
	if (!sleeping) return;
	clearBlocker(ctx, target);
	if (sleeping.call === 'msgsnd' || sleeping.call === 'msgrcv') {
		emit(
			ctx,
			'R-IPC-6',
			'syscall-interrupted',
			`${sleeping.call} of ${label(target)} interrupted by a signal: EINTR`,
			{
				pid: target.hostPid,
				errno: 'EINTR',
			},
		);
	}
	if (sleeping.reply) {
		const errno: Errno = 'EINTR';
		wake(ctx, target.hostPid, {type: 'return', reply: sleeping.reply, call: sleeping.call, errno});
	}
}

function terminate(ctx: Ctx, target: Process, signal: SignalName, rule: string, text: string): void {
	emit(ctx, rule, 'signal-kill', text, {pid: target.hostPid, data: {signal}});
	exitProcess(ctx, target, {signal});
}

function stop(ctx: Ctx, target: Process, signal: SignalName, sender: Sender): void {
	if (target.state === 'T') return;
	target.state = 'T';
	emit(
		ctx,
		isNsInit(target) ? 'R-SIG-2' : 'R-SIG-6',
		'stopped',
		`${signal} from ${senderName(sender)} stops ${label(target)}`,
		{
			pid: target.hostPid,
			data: {signal},
		},
	);
}

function resume(ctx: Ctx, target: Process, sender: Sender): void {
	target.state = target.sleepingIn ? 'S' : 'R';
	emit(ctx, 'R-SIG-4', 'continued', `SIGCONT from ${senderName(sender)} resumes ${label(target)}`, {
		pid: target.hostPid,
	});
	const pending = target.pending.filter((p) => !target.blocked.includes(p.signal));
	target.pending = target.pending.filter((p) => target.blocked.includes(p.signal));
	for (const p of pending) deliver(ctx, target, p.signal, p.siPid, p.fromKernel ?? false, 'kernel');
}

/** SIGKILL from the kernel: R-PIDNS-7b, the OOM killer (R-SIG-3). Never filtered. */
export function forceKill(ctx: Ctx, target: Process, options: {oom?: boolean} = {}): void {
	if (target.state === 'Z' || target.exiting) return;
	exitProcess(ctx, target, {signal: 'SIGKILL', ...(options.oom ? {oom: true} : {})});
}

/** kill(2) as a process calls it: pid > 0 one process, -1 everyone visible (R-SIG-7), < -1 a group. */
export function killCall(ctx: Ctx, caller: Process, pid: number, signal: SignalName): Errno | undefined {
	const ns = caller.ns.pid;
	if (pid > 0) {
		const target = lookupPid(ctx, ns, pid);
		if (!target) {
			emit(
				ctx,
				'R-PIDNS-5',
				'errno',
				`kill(${pid}, ${signal}) by ${label(caller)}: no PID ${pid} in its namespace: ESRCH`,
				{
					pid: caller.hostPid,
					errno: 'ESRCH',
				},
			);
			return 'ESRCH';
		}
		sendSignal(ctx, caller, target, signal);
		return undefined;
	}
	const targets = visibleTargets(ctx, caller, ns, pid);
	if (targets.length === 0) {
		emit(
			ctx,
			'R-SIG-7',
			'errno',
			`kill(${pid}, ${signal}) by ${label(caller)}: no process to signal: ESRCH`,
			{
				pid: caller.hostPid,
				errno: 'ESRCH',
			},
		);
		return 'ESRCH';
	}
	if (pid === -1) {
		emit(
			ctx,
			'R-SIG-7',
			'kill-all',
			`kill(-1, ${signal}) by ${label(caller)} reaches ${targets.length} process(es): all of its namespace and those nested in it except PID 1 and the caller`,
			{pid: caller.hostPid, data: {signal, targets: targets.map((t) => t.hostPid)}},
		);
	}
	for (const target of targets) {
		const live = proc(ctx, target.hostPid);
		if (live) sendSignal(ctx, caller, live, signal);
	}
	return undefined;
}

function visibleTargets(ctx: Ctx, caller: Process, ns: NsId, pid: number): Process[] {
	const level = peekNs(ctx, ns).level;
	const init = peekNs(ctx, ns).init;
	const seen = new Set<number>();
	const result: Process[] = [];
	for (const host of tableValues(peekNs(ctx, ns).pids)) {
		if (seen.has(host)) continue;
		seen.add(host);
		const target = peekProc(ctx, host);
		if (!target || target.state === 'Z') continue;
		if (pid === -1) {
			// R-SIG-7: everyone in the namespace and below, except its init and the caller.
			if (target.hostPid === caller.hostPid || target.hostPid === init) continue;
		} else {
			// A process group is named by its leader's PID as the caller's namespace numbers it, even
			// after the leader itself is gone.
			if (pid === 0 ? target.pgrp[0] !== caller.pgrp[0] : target.pgrp[level] !== -pid) continue;
		}
		if (isWithin(ctx, target.ns.pid, ns)) result.push(target);
	}
	return result;
}
