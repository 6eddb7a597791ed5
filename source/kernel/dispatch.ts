// Running system calls and program reactions until the node is quiet again.
import {chargeMemory} from './cgroup.js';
import type {Ctx} from './context.js';
import {emit, label, ownPid, peekProc, pidNs, proc, wake} from './context.js';
import type {Errno} from './errno.js';
import {execProgram} from './exec.js';
import {exitProcess} from './exit.js';
import {createThread, forkProcess} from './fork.js';
import {appendFile, bind, connect, copyFile, readFile, unlink, writeFile, writeStdout} from './io.js';
import {msgctlRmid, msgget, msgrcv, msgsnd} from './ipc.js';
import {addRef, createNs, createPidNs, dropRef} from './namespaces.js';
import {isWithin} from './pids.js';
import {plain} from './plain.js';
import {nextRandom} from './random.js';
import {killCall} from './signal.js';
import type {ProgramEnv, Syscall} from './syscalls.js';
import {exitThread} from './threads.js';
import {addTimer} from './timers.js';
import type {HostPid, Process} from './types.js';
import {waitCall} from './wait.js';
import {block} from './wakeups.js';

/** Reactions one step may run before the kernel calls it a runaway (a program reacting to itself). */
export const reactionBudget = 200_000;

type Outcome = {value?: unknown; errno?: Errno} | 'blocked' | 'gone';

/** Run `calls` for `p` in order; a call that blocks keeps the rest for when it returns. */
export function runCalls(ctx: Ctx, pid: HostPid, calls: readonly Syscall[]): void {
	for (let i = 0; i < calls.length; i++) {
		const p = proc(ctx, pid);
		if (!p || p.state === 'Z' || p.exiting) return;
		const call = calls[i];
		const outcome = perform(ctx, p, call);
		if (outcome === 'gone') return;
		if (outcome === 'blocked') {
			const rest = calls.slice(i + 1);
			if (rest.length > 0) p.resume = rest;
			return;
		}
		const reply = 'reply' in call ? call.reply : undefined;
		if (reply) wake(ctx, pid, {type: 'return', reply, call: call.call, ...outcome});
	}
}

function perform(ctx: Ctx, p: Process, call: Syscall): Outcome {
	switch (call.call) {
		case 'fork': {
			const result = forkProcess(ctx, p, call);
			return 'errno' in result ? result : {value: ownPidSeenBy(result.child, p)};
		}
		case 'exec':
			execProgram(ctx, p, call.program, call.comm, call.argv);
			return {};
		case 'exit':
			exitProcess(ctx, p, {code: call.code});
			return 'gone';
		case 'kill': {
			const errno = killCall(ctx, p, call.pid, call.signal);
			return errno ? {errno} : {value: 0};
		}
		case 'wait': {
			const result = waitCall(ctx, p, call.pid ?? -1, call.nohang ?? false, call.reply);
			if (result === 'blocked') return 'blocked';
			return 'errno' in result ? result : {value: result};
		}
		case 'prctl':
			if (call.option === 'PR_SET_CHILD_SUBREAPER') {
				p.subreaper = call.value;
				emit(
					ctx,
					'R-REAP-6',
					'subreaper',
					`${label(p)} ${call.value ? 'becomes' : 'is no longer'} a child subreaper`,
					{pid: p.hostPid},
				);
			} else if (call.option === 'PR_SET_NAME') {
				// The main thread's name is the process's comm (/proc/PID/comm).
				p.threads[0].name = call.name;
				p.comm = call.name;
			} else p.pdeathsig = call.signal;
			return {};
		case 'sigaction':
			// SIGKILL and SIGSTOP cannot be caught or ignored.
			if ((call.signal === 'SIGKILL' || call.signal === 'SIGSTOP') && call.action !== 'default')
				return {errno: 'EINVAL'};
			if (call.action === 'default') delete p.actions[call.signal];
			else p.actions[call.signal] = call.action;
			if (call.signal === 'SIGCHLD' && call.nocldwait !== undefined) p.nocldwait = call.nocldwait;
			return {};
		case 'sigprocmask':
			return sigprocmask(ctx, p, call.how, call.signals);
		case 'sigwait':
			return sigwait(ctx, p, call);
		case 'pause':
			block(p, {call: 'pause', reply: call.reply});
			return 'blocked';
		case 'sleep':
			block(p, {call: 'sleep', until: ctx.k.now + call.ms, reply: call.reply});
			addTimer(ctx, ctx.k.now + call.ms, 'kernel', 'sleep', p.hostPid, {until: ctx.k.now + call.ms});
			return 'blocked';
		case 'alarm':
			addTimer(ctx, ctx.k.now + call.ms, 'kernel', 'alarm', p.hostPid, {
				tag: call.tag,
				startedAt: p.startedAt,
			});
			return {};
		case 'unshare':
			return unshare(ctx, p, call.flags);
		case 'setns':
			return setns(ctx, p, call.target, call.types);
		case 'setsid':
			p.pgrp = [...p.pids];
			return {value: ownPid(p)};
		case 'msgget':
			return ipcOutcome(msgget(ctx, p, call.key, call.create ?? false, call.excl ?? false));
		case 'msgsnd':
			return ipcOutcome(msgsnd(ctx, p, call));
		case 'msgrcv':
			return ipcOutcome(msgrcv(ctx, p, call));
		case 'msgctl':
			return ipcOutcome(msgctlRmid(ctx, p, call.msqid));
		case 'write':
			writeStdout(ctx, p, call.text);
			return {};
		case 'appendFile':
			return errnoOutcome(appendFile(ctx, p, call.path, call.line));
		case 'readFile': {
			const result = readFile(ctx, p, call.path, call.from);
			return 'errno' in result ? result : {value: result};
		}
		case 'copyFile':
			return errnoOutcome(copyFile(ctx, p, call.from, call.to));
		case 'writeFile':
			return errnoOutcome(writeFile(ctx, p, call.path, call.lines, call.append));
		case 'unlink':
			return errnoOutcome(unlink(ctx, p, call.path));
		case 'note':
			emit(ctx, 'R-EXEC-10', 'note', `${label(p)}: ${call.text}`, {pid: p.hostPid});
			return {};
		case 'alloc':
			chargeMemory(ctx, p, call.bytes);
			return proc(ctx, p.hostPid)?.state === 'Z' ? 'gone' : {};
		case 'thread':
			return errnoOutcome(createThread(ctx, p, call.name));
		case 'threadExit':
			exitThread(ctx, p, call.name);
			return {};
		case 'bind':
			return errnoOutcome(bind(ctx, p, call.port));
		case 'connect':
			return errnoOutcome(connect(ctx, p, call.port));
	}
}

function ownPidSeenBy(child: Process, parent: Process): number {
	return child.pids[parent.pids.length - 1] ?? ownPid(child);
}

function errnoOutcome(errno: Errno | undefined): Outcome {
	return errno ? {errno} : {value: 0};
}

function ipcOutcome(result: {value: unknown} | {errno: Errno} | 'blocked'): Outcome {
	return result;
}

function sigprocmask(ctx: Ctx, p: Process, how: 'block' | 'unblock', signals: Process['blocked']): Outcome {
	if (how === 'block') {
		p.blocked = [...new Set([...p.blocked, ...signals.filter((s) => s !== 'SIGKILL' && s !== 'SIGSTOP')])];
		return {};
	}
	p.blocked = p.blocked.filter((s) => !signals.includes(s));
	const released = p.pending.filter((s) => signals.includes(s.signal));
	p.pending = p.pending.filter((s) => !signals.includes(s.signal));
	for (const pending of released) {
		if (p.actions[pending.signal] === 'handle')
			wake(ctx, p.hostPid, {type: 'signal', signal: pending.signal, siPid: pending.siPid});
	}
	return {};
}

function sigwait(ctx: Ctx, p: Process, call: Extract<Syscall, {call: 'sigwait'}>): Outcome {
	const index = p.pending.findIndex((s) => call.signals.includes(s.signal));
	if (index >= 0) {
		const [pending] = p.pending.splice(index, 1);
		return {value: {signal: pending.signal, siPid: pending.siPid}};
	}
	const until = call.timeoutMs === undefined ? undefined : ctx.k.now + call.timeoutMs;
	block(p, {call: 'sigwait', signals: call.signals, until, reply: call.reply});
	if (until !== undefined) addTimer(ctx, until, 'kernel', 'sigwait', p.hostPid, {until});
	return 'blocked';
}

/** R-PIDNS-2: unshare(CLONE_NEWPID) leaves the caller where it is; its next child is PID 1 of the new ns. */
function unshare(
	ctx: Ctx,
	p: Process,
	flags: Partial<Record<'pid' | 'ipc' | 'net' | 'uts' | 'mnt', boolean>>,
): Outcome {
	if (flags.pid) {
		if (p.childPidNs !== undefined && p.childPidNs !== p.ns.pid) {
			emit(
				ctx,
				'R-PIDNS-2',
				'errno',
				`unshare(CLONE_NEWPID) by ${label(p)} fails with EINVAL: it already has a PID namespace for its children`,
				{
					pid: p.hostPid,
					errno: 'EINVAL',
				},
			);
			return {errno: 'EINVAL'};
		}
		const ns = createPidNs(ctx, pidNs(ctx, p.ns.pid), p.hostPid);
		p.childPidNs = ns.id;
		emit(
			ctx,
			'R-PIDNS-2',
			'unshare',
			`${label(p)} unshares a new PID namespace [${ns.id}]: it stays outside; its next child will be PID 1 there`,
			{
				pid: p.hostPid,
			},
		);
	}
	for (const type of ['ipc', 'net', 'uts', 'mnt'] as const) {
		if (!flags[type]) continue;
		const ns = createNs(ctx, type, p.hostPid, p.ns[type]);
		addRef(ctx, ns.id);
		dropRef(ctx, p.ns[type]);
		p.ns[type] = ns.id;
	}
	return {};
}

/** setns: IPC/net/UTS/mount switch at once; PID only for the next child (R-PIDNS-2). */
function setns(
	ctx: Ctx,
	p: Process,
	target: number,
	types: readonly ('pid' | 'ipc' | 'net' | 'uts' | 'mnt')[],
): Outcome {
	const other = peekProc(ctx, target);
	if (!other) return {errno: 'ESRCH'};
	// A zombie has dropped its namespaces; a PID namespace must be the caller's own or nested in it.
	if (other.state === 'Z' || other.exiting) return {errno: 'EINVAL'};
	if (types.includes('pid') && !isWithin(ctx, other.ns.pid, p.ns.pid)) return {errno: 'EINVAL'};
	for (const type of types) {
		if (type === 'pid') {
			p.childPidNs = other.ns.pid;
			continue;
		}
		if (p.ns[type] === other.ns[type]) continue;
		addRef(ctx, other.ns[type]);
		dropRef(ctx, p.ns[type]);
		p.ns[type] = other.ns[type];
	}
	return {};
}

/** Let every woken program react, and run what it asks, until nothing is left to do. */
export function drain(ctx: Ctx): void {
	let budget = reactionBudget;
	// Read by index and cleared at the end: shift() would move the whole queue for every reaction.
	let head = 0;
	while (head < ctx.queue.length) {
		if (--budget < 0) {
			emit(
				ctx,
				'R-ZOMB-5',
				'runaway',
				`stopped after ${reactionBudget} reactions in one moment: a program keeps reacting to itself`,
			);
			ctx.queue.length = 0;
			return;
		}
		const {pid, event} = ctx.queue[head++];
		const p = proc(ctx, pid);
		if (!p || p.state === 'Z' || p.exiting) continue;
		const program = ctx.programs[p.program.name];
		// Calls queued behind a blocking call run once it returns, before the program's own reaction.
		const resume = event.type === 'return' ? p.resume : undefined;
		if (resume) delete p.resume;
		if (program) {
			// Programs see plain data: what they hand on (params to a child) is then never a draft (plain.ts).
			const reaction = program.react(plain(p.program.params), plain(p.program.state), event, env(ctx, p));
			const live = proc(ctx, pid);
			if (!live) continue;
			if (reaction.state) live.program.state = reaction.state;
			if (resume) runCalls(ctx, pid, resume);
			if (reaction.calls && reaction.calls.length > 0) runCalls(ctx, pid, reaction.calls);
		} else if (resume) runCalls(ctx, pid, resume);
	}
	ctx.queue.length = 0;
}

function env(ctx: Ctx, p: Process): ProgramEnv {
	// One random() per step, not one closure per reaction (a fork bomb runs tens of thousands);
	// bound, not a closure, which costs a defineProperty of its name under tsx.
	ctx.random ??= drawRandom.bind(undefined, ctx);
	return {now: ctx.k.now, self: p, nsPid: ownPid(p), random: ctx.random};
}

function drawRandom(ctx: Ctx): number {
	const [value, next] = nextRandom(ctx.k.rng);
	ctx.k.rng = next;
	return value;
}
