// A step of a world with a cluster: every node's kernel and runtime move in lockstep, the scheduler
// acts when it is due, a bound Pod starts on its node's runtime, and a Pod gone from its node gives
// its resources back (R-SCHED-K9, K10, M5, O1).

import {current, isDraft} from 'immer';
import {
	type ClusterEvent,
	releasePod,
	removePod,
	type SchedulerConfig,
	startCluster,
	stepCluster,
} from '../cluster/index.js';
import type {KernelEvent} from '../kernel/index.js';
import {podPhase} from '../runtime/index.js';
import type {Action} from './actions.js';
import type {Host} from './cluster-world.js';
import {applyOnHost, hostContext} from './step.js';
import type {World} from './world.js';

/** What leaves the draft must be plain data: with auto-freeze off a draft stored elsewhere is revoked. */
function plain<T>(value: T): T {
	return isDraft(value) ? (current(value as never) as T) : value;
}

function host(draft: World, name: string): Host {
	const cluster = draft.cluster!;
	return name === cluster.home ? draft : cluster.hosts[name];
}

/** One action on one node; its events carry the node's name. */
function onHost(draft: World, name: string, events: KernelEvent[], action: Action): void {
	const h = host(draft, name);
	const local: KernelEvent[] = [];
	applyOnHost(hostContext(h.kernel, h.runtime, local), action);
	for (const e of local) events.push({...e, data: {...e.data, node: name}});
}

export function applyToCluster(draft: World, action: Action, events: KernelEvent[]): void {
	const cluster = draft.cluster!;
	switch (action.type) {
		case 'boot':
			for (const node of cluster.state.nodes) onHost(draft, node.name, events, action);
			events.push(...plain(cluster.initial));
			cluster.initial = [];
			startBound(draft, events);
			return;
		case 'advance':
			advance(draft, draft.kernel.now + action.ms, events);
			return;
		case 'reschedule':
			reschedule(draft, action.config, events);
			return;
		case 'on-node':
			if (!cluster.state.nodes.some((n) => n.name === action.node)) {
				events.push({
					t: draft.kernel.now,
					rule: 'R-SCHED-C1',
					kind: 'rejected',
					text: `no node named ${action.node}`,
				});
				return;
			}
			onHost(draft, action.node, events, action.action);
			break;
		case 'deletePod':
		case 'setPodField':
		case 'supervise': {
			const node = cluster.started[action.pod];
			if (node) onHost(draft, node, events, action);
			else if (action.type === 'deletePod' && cluster.state.pods[action.pod]) {
				// Not running on any node (Pending, or placed by Swarm, Mesos or Omega): the scheduler forgets it.
				removePod(cluster.state, action.pod, draft.kernel.now, events as ClusterEvent[]);
			} else onHost(draft, cluster.home, events, action);
			break;
		}
		default:
			onHost(draft, cluster.home, events, action);
	}
	releaseGone(draft, events);
}

/** Move every node to `until`, stopping at each scheduler decision and each node's timer. */
function advance(draft: World, until: number, events: KernelEvent[]): void {
	const cluster = draft.cluster!;
	for (;;) {
		const now = draft.kernel.now;
		const due = cluster.state.due;
		if (due !== undefined && due < until && due <= now) {
			stepCluster(cluster.state, events as ClusterEvent[]);
			startBound(draft, events);
			continue;
		}
		let next = until;
		if (due !== undefined && due < until) next = Math.min(next, due);
		for (const node of cluster.state.nodes) {
			const first = host(draft, node.name).kernel.timers[0];
			if (first && first.at < next) next = Math.max(now, first.at);
		}
		for (const node of cluster.state.nodes) {
			const h = host(draft, node.name);
			if (h.kernel.now < next || h.kernel.timers[0]?.at === next)
				onHost(draft, node.name, events, {type: 'advance', ms: next - h.kernel.now});
		}
		releaseGone(draft, events);
		if (next >= until && !(cluster.state.due !== undefined && cluster.state.due < until)) return;
	}
}

/**
 * The same pods, submitted again to another scheduler: what the previous one started is deleted
 * (pods bound by spec.nodeName stay), and a fresh scheduler starts from the nodes as they are.
 */
function reschedule(draft: World, config: SchedulerConfig, events: KernelEvent[]): void {
	const cluster = draft.cluster!;
	const old = cluster.state;
	for (const [pod, node] of Object.entries(cluster.started)) {
		if (old.workloads.find((w) => w.name === pod)?.nodeName) continue;
		delete cluster.started[pod];
		onHost(draft, node, events, {type: 'deletePod', pod});
	}
	const now = draft.kernel.now;
	// Pods bound by spec.nodeName that are gone stay gone; every other pod is submitted again.
	const workloads = plain(old.workloads).filter((w) => !w.nodeName || cluster.started[w.name]);
	const {cluster: state, events: started} = startCluster(
		config,
		plain(old.nodes),
		workloads,
		draft.seed + now,
		now,
	);
	state.bound = state.bound.filter((b) => !cluster.started[b.pod]);
	cluster.state = state;
	events.push(...started);
	startBound(draft, events);
}

/** K9: a bound Pod's sandbox and containers start on its node, as on a single node. */
function startBound(draft: World, events: KernelEvent[]): void {
	const cluster = draft.cluster!;
	const bound = cluster.state.bound;
	if (bound.length === 0) return;
	cluster.state.bound = [];
	for (const {pod, node} of bound) {
		const spec = cluster.pods[pod];
		if (!spec) continue;
		cluster.started[pod] = node;
		onHost(draft, node, events, {type: 'createPod', pod: plain(spec.spec), programs: plain(spec.programs)});
	}
}

/** A Pod gone from its node's runtime frees its requests (the scheduler may act again). */
function releaseGone(draft: World, events: KernelEvent[]): void {
	const cluster = draft.cluster!;
	for (const [pod, node] of Object.entries(cluster.started)) {
		// Gone, or finished: the scheduler does not count terminal pods (its informer leaves them out).
		const state = host(draft, node).runtime.pods[pod];
		if (state && !['Succeeded', 'Failed'].includes(podPhase(state))) continue;
		delete cluster.started[pod];
		releasePod(cluster.state, pod, draft.kernel.now, events as ClusterEvent[]);
	}
}
