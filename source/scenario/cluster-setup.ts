// A scenario's cluster as the world runs it: each Pod as the scheduler sees it (its members, its
// effective request) and what its node's runtime starts once it is bound.
import {
	type ClusterSetup,
	containerRequest,
	podRequest,
	podScoringRequest,
	type Workload,
} from '../cluster/index.js';
import {podPrograms} from './compile.js';
import type {Scenario} from './types.js';

export function clusterSetup(s: Scenario): ClusterSetup {
	const cluster = s.cluster!;
	const workloads = s.pods.map((pod): Workload => {
		const info = cluster.pods[pod.name]!;
		const {resources} = info;
		// C2: the app containers first (the first leads the group), then native sidecars.
		const members = [...resources.containers, ...resources.initContainers.filter((c) => c.sidecar)].map(
			(c) => ({
				name: c.name,
				...containerRequest(c),
			}),
		);
		// M5 needs to know which running tasks will end: a scripted delete, or a scripted exit of the
		// only container of a pod that is not restarted.
		const deletion = s.timeline.find(
			(step) =>
				(step.action.type === 'delete' && step.action.pod === pod.name) ||
				(step.action.type === 'exit' &&
					pod.restartPolicy === 'Never' &&
					pod.containers.length === 1 &&
					step.action.target.kind === 'container' &&
					step.action.target.pod === pod.name),
		);
		return {
			name: pod.name,
			namespace: pod.namespace,
			members,
			request: podRequest(resources),
			scoring: podScoringRequest(resources),
			...(info.nodeName ? {nodeName: info.nodeName} : {}),
			...(info.schedulerName ? {schedulerName: info.schedulerName} : {}),
			...(deletion ? {endsAt: deletion.at} : {}),
		};
	});
	const pods = Object.fromEntries(
		s.pods.map((pod) => [pod.name, {spec: pod, programs: podPrograms(s, pod)}]),
	);
	return {nodes: cluster.nodes, scheduler: cluster.scheduler, workloads, pods};
}
