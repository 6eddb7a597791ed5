// wait/waitpid: only the parent reaps its zombie children (R-ZOMB-1, R-ZOMB-3, R-ZOMB-4).
import {childList, zombieChildren} from './children.js';
import type {Ctx} from './context.js';
import {emit, label, peekProc, wake} from './context.js';
import type {Errno} from './errno.js';
import {release} from './exit.js';
import type {ExitStatus, Process} from './types.js';
import {block, clearBlocker} from './wakeups.js';

export type WaitResult = {pid: number; status?: ExitStatus} | {errno: Errno} | 'blocked';

/** waitpid(pid, WNOHANG?) by `p`: pid -1 = any child, > 0 = that PID as `p` sees it. */
export function waitCall(ctx: Ctx, p: Process, pid: number, nohang: boolean, reply?: string): WaitResult {
	const result = tryWait(ctx, p, pid, nohang);
	if (result !== 'none') return result;
	if (nohang) return {pid: 0};
	block(p, {call: 'wait', pid, reply});
	return 'blocked';
}

function tryWait(ctx: Ctx, p: Process, pid: number, quiet = false): WaitResult | 'none' {
	const level = p.pids.length - 1;
	const children = childList(p);
	let any = false;
	let zombie: Process | undefined;
	if (pid === -1) {
		any = children.some((c) => peekProc(ctx, c) !== undefined);
		// The zombie count answers "none yet" without walking every child (a WNOHANG loop asks it
		// once per child reaped); the first zombie in fork order is reaped first.
		if (any && zombieChildren(ctx, p) > 0)
			for (const c of children) {
				const child = peekProc(ctx, c);
				if (child?.state === 'Z') {
					zombie = child;
					break;
				}
			}
	} else
		for (const c of children) {
			const child = peekProc(ctx, c);
			if (child === undefined || child.pids[level] !== pid) continue;
			any = true;
			if (child.state === 'Z') zombie = child;
			break;
		}
	if (!any) {
		// A WNOHANG reaping loop ends on ECHILD every time: only a blocking wait is worth an event.
		if (!quiet) {
			const which = pid === -1 ? '' : ` ${pid}`;
			emit(ctx, 'R-ZOMB-3', 'errno', `wait by ${label(p)}: no child${which} to wait for: ECHILD`, {
				pid: p.hostPid,
				errno: 'ECHILD',
			});
		}
		return {errno: 'ECHILD'};
	}
	if (zombie) {
		const reaped = {pid: zombie.pids[level], status: zombie.exit};
		release(ctx, zombie, 'R-ZOMB-4', p);
		return reaped;
	}
	// R-ZOMB-3: with SIGCHLD ignored no zombie ever appears; wait blocks until the children are
	// gone, then fails with ECHILD.
	return 'none';
}

/** A child of `parent` changed: finish a wait it sleeps in, if it can now return. */
export function retryWait(ctx: Ctx, parent: Process): void {
	const sleeping = parent.sleepingIn;
	if (sleeping?.call !== 'wait') return;
	const result = tryWait(ctx, parent, sleeping.pid);
	if (result === 'none' || result === 'blocked') return;
	clearBlocker(ctx, parent);
	if (sleeping.reply) {
		if ('errno' in result)
			wake(ctx, parent.hostPid, {type: 'return', reply: sleeping.reply, call: 'wait', errno: result.errno});
		else wake(ctx, parent.hostPid, {type: 'return', reply: sleeping.reply, call: 'wait', value: result});
	}
}
