// Who keeps each namespace alive (R-IPC-3, R-POD-1): a PID namespace by its init (R-PIDNS-3), the
// others by the process that created them while it is still in them, else by a bind mount.
import {getProcess, type Kernel, type Namespace, type Process} from '../kernel/index.js';
import type {NamespaceRow, NsKind} from '../ui/session.js';
import {treeIndex} from './tree-index.js';

const cache = new WeakMap<Kernel, {holds: Map<number, NsKind[]>; rows: NamespaceRow[]}>();

function holderOf(k: Kernel, ns: Namespace): Process | undefined {
	if (ns.type === 'pid') {
		const init = ns.init === undefined ? undefined : getProcess(k, ns.init);
		return init && init.ns.pid === ns.id ? init : undefined;
	}
	const creator = getProcess(k, ns.creator);
	return creator && creator.state !== 'Z' && creator.ns[ns.type] === ns.id ? creator : undefined;
}

function holderText(ns: Namespace, holder: Process | undefined): string {
	if (holder) return `${holder.comm} ${holder.hostPid}`;
	if (ns.type !== 'pid' && ns.pins.length > 0) return ns.pins[0];
	return '(members)';
}

function members(k: Kernel, ns: Namespace): number {
	return ns.type === 'pid' ? (treeIndex(k).pidNsMembers.get(ns.id) ?? 0) : ns.refs;
}

function build(k: Kernel) {
	const holds = new Map<number, NsKind[]>();
	const rows: NamespaceRow[] = [];
	for (const ns of Object.values(k.namespaces)) {
		const holder = holderOf(k, ns);
		if (holder) {
			const list = holds.get(holder.hostPid) ?? [];
			list.push(ns.type);
			holds.set(holder.hostPid, list);
		}
		rows.push({type: ns.type, id: ns.id, holder: holderText(ns, holder), members: members(k, ns)});
	}
	return {holds, rows};
}

function cached(k: Kernel) {
	let entry = cache.get(k);
	if (!entry) {
		entry = build(k);
		cache.set(k, entry);
	}
	return entry;
}

const none: NsKind[] = [];

/** Namespaces the process holds alive. */
export function holdsOf(k: Kernel, hostPid: number): NsKind[] {
	return cached(k).holds.get(hostPid) ?? none;
}

export function namespaceRows(k: Kernel): NamespaceRow[] {
	return cached(k).rows;
}
