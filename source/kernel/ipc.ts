// System V message queues in IPC namespaces (R-IPC-1, R-IPC-4..7). Src: ipc/msg.c, msgop(2).
import type {Ctx} from './context.js';
import {emit, label, namespace, proc, wake} from './context.js';
import type {Errno} from './errno.js';
import {hexKey} from './namespaces.js';
import {plain} from './plain.js';
import type {Syscall} from './syscalls.js';
import type {IpcNamespace, Message, MsgQueue, Process} from './types.js';
import {block, clearBlocker} from './wakeups.js';

export type IpcResult = {value: unknown} | {errno: Errno} | 'blocked';

const ipcPrivate = 0;
/** ipc/util.c: msqid = seq * IPCMNI + index. */
const ipcmni = 32768;

function ipcNs(ctx: Ctx, p: Process): IpcNamespace {
	return namespace(ctx, p.ns.ipc) as IpcNamespace;
}

function fail(ctx: Ctx, p: Process, call: string, errno: Errno, rule: string, why: string): {errno: Errno} {
	emit(ctx, rule, 'errno', `${call} by ${label(p)} failed with ${errno}: ${why}`, {pid: p.hostPid, errno});
	return {errno};
}

/** R-IPC-1: keys are per IPC namespace; IPC_PRIVATE always makes a new queue. */
export function msgget(ctx: Ctx, p: Process, key: number, create: boolean, excl: boolean): IpcResult {
	const ns = ipcNs(ctx, p);
	const existing = key === ipcPrivate ? undefined : Object.values(ns.queues).find((q) => q.key === key);
	if (existing) {
		if (create && excl) return fail(ctx, p, 'msgget', 'EEXIST', 'R-IPC-1', `key ${hexKey(key)} exists`);
		return {value: existing.id};
	}
	if (!create) {
		return fail(
			ctx,
			p,
			'msgget',
			'ENOENT',
			'R-IPC-1',
			`no queue with key ${hexKey(key)} in IPC namespace [${ns.id}]`,
		);
	}
	const used = Object.values(ns.queues).map((q) => q.id % ipcmni);
	if (used.length >= ns.msgmni)
		return fail(ctx, p, 'msgget', 'ENOSPC', 'R-IPC-4', `msgmni ${ns.msgmni} queues reached`);
	let index = 0;
	while (used.includes(index)) index += 1;
	const id = ns.seq * ipcmni + index;
	ns.seq += 1;
	ns.queues[id] = {
		id,
		key,
		creator: p.hostPid,
		messages: [],
		bytes: 0,
		qbytes: ns.msgmnb,
		senders: [],
		receivers: [],
	};
	emit(
		ctx,
		'R-IPC-1',
		'queue-new',
		`${label(p)} created queue key ${hexKey(key)} (msqid ${id}) in IPC namespace [${ns.id}]`,
		{
			pid: p.hostPid,
			data: {ns: ns.id, key, msqid: id},
		},
	);
	return {value: id};
}

function findQueue(ctx: Ctx, p: Process, msqid: number): MsgQueue | undefined {
	return ipcNs(ctx, p).queues[msqid];
}

/** R-IPC-5: fits while bytes + size ≤ qbytes and count + 1 ≤ qbytes (msg_fits_inqueue). */
function fits(queue: MsgQueue, size: number): boolean {
	return queue.bytes + size <= queue.qbytes && queue.messages.length + 1 <= queue.qbytes;
}

export function msgsnd(ctx: Ctx, p: Process, call: Extract<Syscall, {call: 'msgsnd'}>): IpcResult {
	const ns = ipcNs(ctx, p);
	const queue = ns.queues[call.msqid];
	if (!queue)
		return fail(ctx, p, 'msgsnd', 'EINVAL', 'R-IPC-1', `no queue ${call.msqid} in its IPC namespace`);
	if (call.mtype < 1) return fail(ctx, p, 'msgsnd', 'EINVAL', 'R-IPC-5', 'mtype must be at least 1');
	if (call.size > ns.msgmax) {
		return fail(ctx, p, 'msgsnd', 'EINVAL', 'R-IPC-4', `${call.size} bytes is over msgmax ${ns.msgmax}`);
	}
	if (fits(queue, call.size)) {
		const message: Message = {
			mtype: call.mtype,
			size: call.size,
			...(call.text === undefined ? {} : {text: call.text}),
		};
		if (!handToReceiver(ctx, queue, message, p)) enqueue(queue, message);
		ctx.k.counters.msgSent += 1;
		queue.lastSender = p.hostPid;
		return {value: 0};
	}
	if (call.nowait) {
		return fail(
			ctx,
			p,
			'msgsnd',
			'EAGAIN',
			'R-IPC-5',
			`queue ${call.msqid} is full (${queue.bytes}/${queue.qbytes} bytes)`,
		);
	}
	queue.senders.push(p.hostPid);
	block(p, {
		call: 'msgsnd',
		ipcNs: ns.id,
		msqid: call.msqid,
		mtype: call.mtype,
		size: call.size,
		text: call.text,
		reply: call.reply,
	});
	emit(
		ctx,
		'R-IPC-5',
		'blocked',
		`${label(p)} blocks in msgsnd: queue ${call.msqid} is full (${queue.bytes}/${queue.qbytes} bytes)`,
		{
			pid: p.hostPid,
		},
	);
	return 'blocked';
}

function enqueue(queue: MsgQueue, message: Message): void {
	queue.messages.push(message);
	queue.bytes += message.size;
}

/** pipelined_send: a receiver already waiting for this type gets the message directly. */
function handToReceiver(ctx: Ctx, queue: MsgQueue, message: Message, sender: Process): boolean {
	for (const pid of queue.receivers) {
		const receiver = proc(ctx, pid);
		const sleeping = receiver?.sleepingIn;
		if (!receiver || sleeping?.call !== 'msgrcv') continue;
		if (!matches(message, sleeping.msgtyp)) continue;
		if (message.size > sleeping.maxSize && !sleeping.noerror) continue;
		clearBlocker(ctx, receiver);
		ctx.k.counters.msgReceived += 1;
		queue.lastReceiver = receiver.hostPid;
		if (sleeping.reply)
			wake(ctx, receiver.hostPid, {
				type: 'return',
				reply: sleeping.reply,
				call: 'msgrcv',
				value: plain(message),
			});
		emit(
			ctx,
			'R-IPC-6',
			'msg-pass',
			`message from ${label(sender)} handed straight to ${label(receiver)}, which was waiting`,
			{
				pid: receiver.hostPid,
			},
		);
		return true;
	}
	return false;
}

/** R-IPC-6: msgtyp 0 → oldest; > 0 → oldest of that type; < 0 → lowest type ≤ |msgtyp|. */
function matches(message: Message, msgtyp: number): boolean {
	if (msgtyp === 0) return true;
	if (msgtyp > 0) return message.mtype === msgtyp;
	return message.mtype <= -msgtyp;
}

function pick(queue: MsgQueue, msgtyp: number): number {
	if (msgtyp >= 0) return queue.messages.findIndex((m) => matches(m, msgtyp));
	let best = -1;
	queue.messages.forEach((m, i) => {
		if (matches(m, msgtyp) && (best === -1 || m.mtype < queue.messages[best].mtype)) best = i;
	});
	return best;
}

export function msgrcv(ctx: Ctx, p: Process, call: Extract<Syscall, {call: 'msgrcv'}>): IpcResult {
	const ns = ipcNs(ctx, p);
	const queue = ns.queues[call.msqid];
	if (!queue)
		return fail(ctx, p, 'msgrcv', 'EINVAL', 'R-IPC-1', `no queue ${call.msqid} in its IPC namespace`);
	const msgtyp = call.msgtyp ?? 0;
	const maxSize = call.maxSize ?? ns.msgmax;
	const index = pick(queue, msgtyp);
	if (index >= 0) {
		const message = queue.messages[index];
		if (message.size > maxSize && !call.noerror) {
			return fail(
				ctx,
				p,
				'msgrcv',
				'E2BIG',
				'R-IPC-6',
				`message of ${message.size} bytes is bigger than the buffer`,
			);
		}
		queue.messages.splice(index, 1);
		queue.bytes -= message.size;
		ctx.k.counters.msgReceived += 1;
		queue.lastReceiver = p.hostPid;
		wakeSenders(ctx, queue);
		return {value: plain(message)};
	}
	if (call.nowait)
		return fail(ctx, p, 'msgrcv', 'ENOMSG', 'R-IPC-6', `no matching message in queue ${call.msqid}`);
	queue.receivers.push(p.hostPid);
	block(p, {
		call: 'msgrcv',
		ipcNs: ns.id,
		msqid: call.msqid,
		msgtyp,
		maxSize,
		noerror: call.noerror ?? false,
		reply: call.reply,
	});
	return 'blocked';
}

/** A receive freed room: blocked senders retry in order (R-IPC-5). */
function wakeSenders(ctx: Ctx, queue: MsgQueue): void {
	for (const pid of [...queue.senders]) {
		const sender = proc(ctx, pid);
		const sleeping = sender?.sleepingIn;
		if (!sender || sleeping?.call !== 'msgsnd') continue;
		if (!fits(queue, sleeping.size)) break;
		clearBlocker(ctx, sender);
		enqueue(queue, {
			mtype: sleeping.mtype,
			size: sleeping.size,
			...(sleeping.text === undefined ? {} : {text: sleeping.text}),
		});
		ctx.k.counters.msgSent += 1;
		queue.lastSender = sender.hostPid;
		if (sleeping.reply)
			wake(ctx, sender.hostPid, {type: 'return', reply: sleeping.reply, call: 'msgsnd', value: 0});
	}
}

/** R-IPC-7: IPC_RMID removes the queue at once; messages are lost; waiters wake with EIDRM. */
export function msgctlRmid(ctx: Ctx, p: Process, msqid: number): IpcResult {
	const ns = ipcNs(ctx, p);
	const queue = findQueue(ctx, p, msqid);
	if (!queue)
		return fail(ctx, p, 'msgctl(IPC_RMID)', 'EINVAL', 'R-IPC-7', `no queue ${msqid} in its IPC namespace`);
	delete ns.queues[msqid];
	ctx.k.counters.msgDestroyed += queue.messages.length;
	emit(
		ctx,
		'R-IPC-7',
		'queue-gone',
		`${label(p)} removed queue key ${hexKey(queue.key)} (msqid ${msqid}): ${queue.messages.length} message(s) lost, ${queue.senders.length + queue.receivers.length} waiter(s) get EIDRM`,
		{pid: p.hostPid, data: {ns: ns.id, key: queue.key, msqid}},
	);
	for (const pid of [...queue.senders, ...queue.receivers]) {
		const waiter = proc(ctx, pid);
		const sleeping = waiter?.sleepingIn;
		if (!waiter || !sleeping || (sleeping.call !== 'msgsnd' && sleeping.call !== 'msgrcv')) continue;
		delete waiter.sleepingIn;
		if (waiter.state === 'S') waiter.state = 'R';
		emit(
			ctx,
			'R-IPC-7',
			'errno',
			`${sleeping.call} of ${label(waiter)} fails with EIDRM: its queue was removed`,
			{
				pid,
				errno: 'EIDRM',
			},
		);
		if (sleeping.reply)
			wake(ctx, pid, {type: 'return', reply: sleeping.reply, call: sleeping.call, errno: 'EIDRM'});
	}
	return {value: 0};
}
