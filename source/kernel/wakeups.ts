// Putting a process to sleep in a call and taking it out again.
import {type Ctx, namespace} from './context.js';
import type {Blocker, IpcNamespace, Process} from './types.js';

export function block(p: Process, blocker: Blocker): void {
	// Plain data without undefined fields, so a world round-trips through JSON unchanged.
	const defined: Record<string, unknown> = {};
	for (const key in blocker) {
		const value = blocker[key as keyof Blocker];
		if (value !== undefined) defined[key] = value;
	}
	p.sleepingIn = defined as Blocker;
	if (p.state !== 'T') p.state = 'S';
}

/** Take `p` out of whatever it sleeps in, including a message queue's list of waiters. */
export function clearBlocker(ctx: Ctx, p: Process): void {
	const sleeping = p.sleepingIn;
	if (!sleeping) return;
	if (sleeping.call === 'msgsnd' || sleeping.call === 'msgrcv') {
		const ns = namespace(ctx, sleeping.ipcNs) as IpcNamespace | undefined;
		const queue = ns?.queues[sleeping.msqid];
		if (queue) {
			if (sleeping.call === 'msgsnd') queue.senders = queue.senders.filter((pid) => pid !== p.hostPid);
			else queue.receivers = queue.receivers.filter((pid) => pid !== p.hostPid);
		}
	}
	delete p.sleepingIn;
	if (p.state !== 'T' && p.state !== 'Z') p.state = 'R';
}
