import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import fc from 'fast-check';
import {playerWorld} from '../../source/engine/index.js';
import {allProcesses} from '../../source/kernel/index.js';
import type {EngineSession} from '../../source/session/index.js';
import {makeSession, playFor, rowOf} from './helpers.js';

type Shape = {
	hostPid: number;
	depth: number;
	last: boolean;
	guides: boolean[];
	hasChildren: boolean;
	collapsed: boolean;
};

/** The tree drawn the obvious way (recursion over every process), to check the windowed reads. */
function reference(session: EngineSession, collapsed: Set<number>): Shape[] {
	const procs = allProcesses(playerWorld(session.core().player).kernel);
	const pids = new Set(procs.map((p) => p.hostPid));
	const kids = new Map<number, number[]>();
	for (const p of procs) {
		const key = pids.has(p.parent) ? p.parent : 0;
		kids.set(key, [...(kids.get(key) ?? []), p.hostPid]);
	}
	for (const list of kids.values()) list.sort((a, b) => a - b);
	const out: Shape[] = [];
	const visit = (pid: number, depth: number, last: boolean, guides: boolean[]) => {
		const children = kids.get(pid) ?? [];
		const folded = collapsed.has(pid) && children.length > 0;
		out.push({hostPid: pid, depth, last, guides, hasChildren: children.length > 0, collapsed: folded});
		if (folded) return;
		const next = depth === 0 ? [] : [...guides, !last];
		for (const [i, kid] of children.entries()) visit(kid, depth + 1, i === children.length - 1, next);
	};
	for (const root of kids.get(0) ?? []) visit(root, 0, true, []);
	return out;
}

const shape = ({hostPid, depth, last, guides, hasChildren, collapsed}: Shape): Shape => ({
	hostPid,
	depth,
	last,
	guides,
	hasChildren,
	collapsed,
});

function busySession(): EngineSession {
	const {session} = makeSession();
	playFor(session, 1500);
	session.run('spawn web/app sh');
	session.run('orphan web/app');
	session.run('spawn comm:consumer');
	return session;
}

describe('process rows', () => {
	test('tree order, boundaries, zombies and holders (R-PIDNS-3, R-ZOMB-1, R-POD-1)', () => {
		const session = busySession();
		const rows = session.processRows(0, session.processCount());
		assert.equal(rows[0]!.comm, 'systemd');
		assert.equal(rows[0]!.depth, 0);
		assert.deepEqual(rows[0]!.holds, ['pid', 'uts', 'ipc', 'net', 'mnt']);
		const pause = rows.find((r) => r.comm === 'pause' && r.pod === 'web')!;
		assert.equal(pause.boundary, `pid:[${pause.pidNsId}] web/POD`);
		assert.equal(pause.nsInit, true);
		// R-POD-1: pause creates the pod's PID, IPC and UTS namespaces; the network namespace was made
		// for CNI and is held by its bind mount, not by pause (semantics.md §9.12).
		assert.deepEqual([...pause.holds].sort(), ['ipc', 'mnt', 'pid', 'uts']);
		assert.ok(session.namespaces().some((n) => n.type === 'net' && /CNI netns/.test(n.holder)));
		const app = rowOf(session, 'app')!;
		assert.equal(app.boundary, `pid:[${app.pidNsId}] web/app`);
		assert.deepEqual(app.nsPids, [app.hostPid, 1]);
		const sleeps = rows.filter((r) => r.comm === 'sleep' && r.ppid === app.hostPid);
		assert.ok(sleeps.filter((r) => r.zombie && r.state === 'Z').length >= 2);
		for (const r of sleeps) {
			assert.equal(r.boundary, undefined);
			assert.equal(r.pidNsId, app.pidNsId);
			assert.equal(r.depth, app.depth + 1);
		}
		const shim = rows.find((r) => r.comm === 'containerd-shim' && r.pod === 'web')!;
		assert.equal(shim.container, undefined);
		assert.equal(shim.holds.length, 0);
	});

	test('windows are slices of the whole tree and match the obvious drawing', () => {
		const session = busySession();
		const all = session.processRows(0, session.processCount());
		assert.deepEqual(all.map(shape), reference(session, new Set()));
		for (const [start, count] of [
			[0, 5],
			[3, 4],
			[all.length - 2, 10],
			[all.length + 5, 3],
			[-4, 2],
		] as const)
			assert.deepEqual(
				session.processRows(start, count),
				all.slice(Math.max(0, start), Math.max(0, start) + count),
			);
	});

	test('collapsed subtrees are skipped; indexOfPid follows (property)', () => {
		const session = busySession();
		const pids = session.processRows(0, session.processCount()).map((r) => r.hostPid);
		fc.assert(
			fc.property(fc.subarray(pids), fc.nat(40), fc.nat(40), (folded, start, count) => {
				session.expandAll();
				for (const pid of folded) session.collapse(pid);
				const expected = reference(session, new Set(folded));
				assert.equal(session.processCount(), expected.length);
				assert.deepEqual(session.processRows(start, count).map(shape), expected.slice(start, start + count));
				for (const pid of pids) {
					const at = expected.findIndex((r) => r.hostPid === pid);
					assert.equal(session.indexOfPid(pid), at);
				}
			}),
			{numRuns: 150},
		);
	});

	test('collapse all, to a depth, expand', () => {
		const session = busySession();
		const total = session.processCount();
		session.collapseAll();
		assert.equal(session.processCount(), 1);
		assert.equal(session.processRows(0, 1)[0]!.collapsed, true);
		session.expandAll();
		assert.equal(session.processCount(), total);
		session.collapseToDepth(1);
		const rows = session.processRows(0, session.processCount());
		assert.ok(rows.every((r) => r.depth <= 1));
		const shim = rows.find((r) => r.comm === 'containerd-shim')!;
		assert.equal(shim.collapsed, true);
		session.expand(shim.hostPid);
		assert.ok(session.processRows(0, session.processCount()).some((r) => r.depth === 2));
		assert.equal(session.indexOfPid(999_999), -1);
	});

	test('pods, namespaces and queues panes', () => {
		const {session} = makeSession();
		playFor(session, 1000);
		const web = session.pods().find((p) => p.name === 'web')!;
		assert.deepEqual(
			{ready: web.ready, status: web.status, restarts: web.restarts},
			{ready: '1/1', status: 'Running', restarts: '0'},
		);
		assert.deepEqual(web.containers, [{name: 'app', state: 'running'}]);
		const queue = session.queues()[0]!;
		assert.equal(queue.key, '0x00000042');
		assert.ok(queue.producers[0]?.startsWith('producer '));
		const ipc = session.namespaces().find((n) => n.type === 'ipc' && n.id === queue.ipcNamespace)!;
		assert.match(ipc.holder, /^pause \d+$/);
		assert.equal(ipc.members, 3);
		const pidNs = session
			.namespaces()
			.find((n) => n.type === 'pid' && n.id === rowOf(session, 'app')!.pidNsId)!;
		assert.match(pidNs.holder, /^app \d+$/);
		assert.equal(pidNs.members, 3);
	});
});
