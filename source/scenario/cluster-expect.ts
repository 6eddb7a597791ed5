// Expectations on a cluster (R-SCHED): where a pod is bound, what a node has allocated, what Swarm
// stranded, whether Mesos deadlocked, how many conflicts Omega saw. Fields about processes and
// containers are checked on the node the pod runs on, as on a single node.
import {allocated, type ClusterState, conflicts, formatMemory, heldOn} from '../cluster/index.js';
import type {Kernel, KernelEvent} from '../kernel/index.js';
import type {RuntimeState} from '../runtime/index.js';
import {checkExpectation, type Failure, failureList} from './expect.js';
import type {Expectation} from './types.js';

export type NodeView = {kernel: Kernel; runtime: RuntimeState};

/** `view(pod)`: the node a pod runs on (the first node for host-wide subjects and unplaced pods). */
export function checkClusterExpectation(
	c: ClusterState,
	view: (pod?: string) => NodeView,
	running: (pod: string) => boolean,
	e: Expectation,
	events: readonly KernelEvent[] = [],
): Failure[] {
	const {failures, check} = failureList(e);
	switch (e.subject) {
		case 'node': {
			if (!c.nodes.some((n) => n.name === e.node))
				return [{expectation: e, field: 'exists', expected: true, actual: false}];
			if (e.allocated !== undefined)
				check('allocated', formatMemory(e.allocated), formatMemory(allocated(c, e.node)));
			if (e.held !== undefined) check('held', formatMemory(e.held), formatMemory(heldOn(c, e.node)));
			return failures;
		}
		case 'deadlock':
			check('deadlock', e.deadlock, c.deadlock);
			return failures;
		case 'conflicts':
			check('conflicts', e.conflicts, conflicts(c));
			return failures;
		case 'pod': {
			const s = c.pods[e.pod];
			check('node', e.node, s?.node ?? '<none>');
			check('scheduled', e.scheduled, s?.scheduled ?? false);
			check('reason', e.reason, s?.reason ?? '');
			const {node: _n, scheduled: _s, reason: _r, ...rest} = e;
			if (running(e.pod))
				return [...failures, ...checkExpectation(view(e.pod).kernel, view(e.pod).runtime, rest)];
			// K10: a Pending Pod exists in the API with no container statuses yet.
			const w = c.workloads.find((x) => x.name === e.pod);
			if (w && s?.waiting === 'pending') {
				check('phase', e.phase, 'Pending');
				check('status', e.status, 'Pending');
				check('ready', e.ready, `0/${w.members.length}`);
				return failures;
			}
			if (e.phase || e.status || e.ready || e.zombies !== undefined)
				failures.push({expectation: e, field: 'exists', expected: true, actual: false});
			return failures;
		}
		case 'container': {
			const s = c.pods[e.pod]?.containers[e.container];
			check('node', e.node, s?.node ?? '<none>');
			check('stranded', e.stranded, s?.stranded ?? false);
			const {node: _n, stranded: _s, ...rest} = e;
			const more =
				rest.state ||
				rest.reason ||
				rest.exitCode !== undefined ||
				rest.restartCount !== undefined ||
				rest.ready !== undefined;
			if (!more) return failures;
			return [...failures, ...checkExpectation(view(e.pod).kernel, view(e.pod).runtime, rest)];
		}
		case 'process': {
			const pod = e.target.kind === 'container' || e.target.kind === 'ns-pid' ? e.target.pod : undefined;
			return checkExpectation(view(pod).kernel, view(pod).runtime, e);
		}
		case 'queue':
			return checkExpectation(
				view(e.ipc.kind === 'pod' ? e.ipc.pod : undefined).kernel,
				view(e.ipc.kind === 'pod' ? e.ipc.pod : undefined).runtime,
				e,
			);
		case 'logs':
			return checkExpectation(view(e.pod).kernel, view(e.pod).runtime, e);
		case 'event':
			return checkExpectation(view().kernel, view().runtime, e, events);
	}
}
