// Playing a scenario on a cluster: a timeline step acts on the node its pod runs on, and an
// expectation is checked there (R-SCHED). Without a cluster, exactly as on one node.

import type {KernelEvent} from '../kernel/index.js';
import {checkClusterExpectation} from '../scenario/cluster-expect.js';
import {stepActions} from '../scenario/compile.js';
import {checkExpectation, type Failure} from '../scenario/expect.js';
import type {Expectation, TimelineAction} from '../scenario/types.js';
import type {Action} from './actions.js';
import {nodeWorld, podNode} from './cluster-world.js';
import type {World} from './world.js';

/** `events`: the events so far, for `{event: …}` assertions. */
export function worldExpectation(
	world: World,
	e: Expectation,
	events: readonly KernelEvent[] = [],
): Failure[] {
	if (!world.cluster) return checkExpectation(world.kernel, world.runtime, e, events);
	return checkClusterExpectation(
		world.cluster.state,
		(pod) => (pod ? nodeWorld(world, podNode(world, pod) ?? world.cluster!.home) : world),
		(pod) => podNode(world, pod) !== undefined,
		e,
		events,
	);
}

function actionPod(action: TimelineAction): string | undefined {
	const target =
		action.type === 'kill'
			? (action.target ?? action.group ?? action.from)
			: action.type === 'exit'
				? action.target
				: action.type === 'spawn'
					? action.parent
					: undefined;
	return target && (target.kind === 'container' || target.kind === 'ns-pid') ? target.pod : undefined;
}

/** A step's actions, resolved on its pod's node; kernel actions there are addressed to that node. */
export function worldStepActions(
	world: World,
	action: TimelineAction,
): {ok: true; actions: Action[]} | {ok: false; message: string; rule?: string} {
	if (!world.cluster)
		return stepActions(world.kernel, world.runtime, action) as ReturnType<typeof worldStepActions>;
	const pod = actionPod(action);
	const node = pod ? podNode(world, pod) : undefined;
	const view = node ? nodeWorld(world, node) : world;
	const resolved = stepActions(view.kernel, view.runtime, action);
	if (!resolved.ok) return resolved;
	const actions = resolved.actions as Action[];
	if (!node || node === world.cluster.home) return {ok: true, actions};
	return {
		ok: true,
		actions: actions.map(
			(a): Action => (a.type === 'syscall' || a.type === 'signal' ? {type: 'on-node', node, action: a} : a),
		),
	};
}
