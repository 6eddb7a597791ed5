// Namespaces other than PID: creation, references and destruction (R-IPC-2, R-IPC-3, R-IPC-4).
import type {Ctx} from './context.js';
import {addNs, emit, forgetNs, namespace} from './context.js';
import type {HostPid, IpcNamespace, Namespace, NsId, NsType, PidNamespace} from './types.js';

/** R-IPC-4: a new IPC namespace starts at the default limits, whatever its parent's values. */
export const ipcDefaults = {msgmax: 8192, msgmnb: 16384, msgmni: 32000} as const;

export const defaultPidMax = 4194304;

export function newNsId(ctx: Ctx): NsId {
	const id = ctx.k.nextNsId;
	ctx.k.nextNsId += 1;
	return id;
}

export function createPidNs(ctx: Ctx, parent: PidNamespace, creator: HostPid): PidNamespace {
	const ns: PidNamespace = {
		type: 'pid',
		id: newNsId(ctx),
		parent: parent.id,
		level: parent.level + 1,
		lastPid: 0,
		pidMax: parent.pidMax,
		pids: [],
		count: 0,
		allocating: true,
		creator,
	};
	addNs(ctx, ns);
	return ns;
}

/** A fresh IPC, net, UTS or mount namespace with no members yet. */
export function createNs(ctx: Ctx, type: Exclude<NsType, 'pid'>, creator: HostPid, copyOf?: NsId): Namespace {
	const id = newNsId(ctx);
	const base = {id, refs: 0, pins: [] as string[], creator};
	let ns: Namespace;
	switch (type) {
		case 'ipc':
			ns = {type, ...base, queues: {}, seq: 0, ...ipcDefaults};
			break;
		case 'net':
			ns = {type, ...base, ports: {}, ip: `10.244.0.${(id % 250) + 2}`};
			break;
		case 'uts': {
			const from = copyOf === undefined ? undefined : namespace(ctx, copyOf);
			ns = {type, ...base, hostname: from?.type === 'uts' ? from.hostname : 'localhost'};
			break;
		}
		case 'mnt': {
			const from = copyOf === undefined ? undefined : namespace(ctx, copyOf);
			ns = {type, ...base, mounts: from?.type === 'mnt' ? {...from.mounts} : {}};
			break;
		}
	}
	addNs(ctx, ns);
	return ns;
}

/** A namespace made without a process in it and kept alive by a bind mount (`ip netns add`, CNI). */
export function createPinnedNs(ctx: Ctx, type: Exclude<NsType, 'pid'>, creator: HostPid, pin: string): NsId {
	const ns = createNs(ctx, type, creator);
	pinNs(ctx, ns.id, pin);
	return ns.id;
}

export function addRef(ctx: Ctx, id: NsId): void {
	const ns = namespace(ctx, id);
	if (ns && ns.type !== 'pid') ns.refs += 1;
}

/** R-IPC-3: a namespace dies with its last reference — member processes and pins alike. */
export function dropRef(ctx: Ctx, id: NsId): void {
	const ns = namespace(ctx, id);
	if (!ns || ns.type === 'pid') return;
	ns.refs -= 1;
	if (ns.refs <= 0 && ns.pins.length === 0) destroyNs(ctx, ns.id);
}

export function pinNs(ctx: Ctx, id: NsId, pin: string): void {
	const ns = namespace(ctx, id);
	if (!ns || ns.type === 'pid' || ns.pins.includes(pin)) return;
	ns.pins.push(pin);
	emit(
		ctx,
		'R-IPC-3',
		'ns-pin',
		`${ns.type} namespace [${id}] pinned by ${pin}: it stays alive without member processes`,
		{
			data: {ns: id},
		},
	);
}

export function unpinNs(ctx: Ctx, id: NsId, pin: string): void {
	const ns = namespace(ctx, id);
	if (!ns || ns.type === 'pid') return;
	ns.pins = ns.pins.filter((p) => p !== pin);
	if (ns.refs <= 0 && ns.pins.length === 0) destroyNs(ctx, id);
}

function destroyNs(ctx: Ctx, id: NsId): void {
	const ns = namespace(ctx, id);
	if (!ns) return;
	if (ns.type === 'ipc') destroyQueues(ctx, ns);
	forgetNs(ctx, id);
	emit(ctx, 'R-IPC-3', 'ns-gone', `${ns.type} namespace [${id}] destroyed: its last reference is gone`, {
		data: {ns: id, type: ns.type},
	});
}

/** R-IPC-2: queues belong to the namespace and die with it, messages and all. */
function destroyQueues(ctx: Ctx, ns: IpcNamespace): void {
	for (const queue of Object.values(ns.queues)) {
		ctx.k.counters.msgDestroyed += queue.messages.length;
		emit(
			ctx,
			'R-IPC-2',
			'queue-gone',
			`queue key ${hexKey(queue.key)} (msqid ${queue.id}) destroyed with IPC namespace [${ns.id}], ${queue.messages.length} message(s) lost`,
			{data: {ns: ns.id, key: queue.key, msqid: queue.id, lost: queue.messages.length}},
		);
	}
	ns.queues = {};
}

export function hexKey(key: number): string {
	return `0x${key.toString(16).padStart(8, '0')}`;
}
