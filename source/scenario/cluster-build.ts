// From a validated scenario to its cluster: nodes, scheduler, and each pod's resources as the
// schedulers read them (R-SCHED-K2, K3); plus the cross-checks a schema cannot make.
import type {ContainerResources, SchedulerConfig} from '../cluster/index.js';
import {didYouMean} from './did-you-mean.js';
import type {PathProblem} from './issue-messages.js';
import type {PodManifestParsed} from './pod-schema.js';
import type {ScenarioParsed} from './scenario-schema.js';
import {withoutUndefined} from './schema-helpers.js';
import type {ScenarioCluster, TimelineAction} from './types.js';

type ParsedContainer = PodManifestParsed['spec']['containers'][number];

function containerResources(c: ParsedContainer): ContainerResources {
	const {requests, limits} = c.resources;
	return {
		name: c.name,
		...(requests ? {requests: withoutUndefined({memory: requests.memory, cpu: requests.cpu})} : {}),
		...(limits ? {limits: withoutUndefined({memory: limits.memory, cpu: limits.cpu})} : {}),
		...(c.restartPolicy === 'Always' ? {sidecar: true} : {}),
	};
}

export function scenarioCluster(parsed: ScenarioParsed): ScenarioCluster | undefined {
	if (!parsed.nodes) return undefined;
	const scheduler: SchedulerConfig = parsed.scheduler ?? {name: 'kubernetes'};
	const pods: ScenarioCluster['pods'] = {};
	for (const pod of parsed.pods) {
		const {spec} = pod;
		pods[pod.metadata.name] = {
			resources: {
				containers: spec.containers.map(containerResources),
				initContainers: spec.initContainers.map(containerResources),
				...(spec.overhead ? {overhead: spec.overhead} : {}),
				...(spec.resources?.requests ? {podRequests: spec.resources.requests} : {}),
			},
			...(spec.nodeName ? {nodeName: spec.nodeName} : {}),
			...(spec.schedulerName ? {schedulerName: spec.schedulerName} : {}),
		};
	}
	return {
		nodes: parsed.nodes.map((n) => ({
			name: n.name,
			memory: n.memory,
			...(n.cpu === undefined ? {} : {cpu: n.cpu}),
		})),
		scheduler,
		pods,
	};
}

/** Names the schema cannot check: node names unique, spec.nodeName and spec.schedulerName declared. */
export function clusterProblems(parsed: ScenarioParsed): PathProblem[] {
	const problems: PathProblem[] = [];
	if (!parsed.nodes) {
		if (parsed.scheduler)
			problems.push({
				path: ['scheduler'],
				key: true,
				message: 'a scheduler needs nodes: declare them under "nodes:"',
			});
		parsed.timeline.forEach((step, i) => {
			const needs = clusterOnly(step.action);
			if (needs)
				problems.push({
					path: ['timeline', i, ...needs.path],
					key: true,
					message: `${needs.what} needs a cluster: declare "nodes:"`,
				});
		});
		return problems;
	}
	parsed.timeline.forEach((step, i) => {
		if (step.action.type !== 'expect') return;
		step.action.assertions.forEach((e, j) => {
			const node = e.subject === 'node' || (e.subject === 'pod' && e.node !== undefined) ? e.node : undefined;
			if (node !== undefined && node !== '<none>' && !parsed.nodes!.some((n) => n.name === node))
				problems.push({
					path: ['timeline', i, 'expect', j, 'node'],
					message: `unknown node "${node}"${didYouMean(
						node,
						parsed.nodes!.map((n) => n.name),
					)}`,
				});
		});
	});
	const names = parsed.nodes.map((n) => n.name);
	names.forEach((name, i) => {
		if (names.indexOf(name) !== i)
			problems.push({path: ['nodes', i, 'name'], message: `node "${name}" is declared twice`});
	});
	const scheduler = parsed.scheduler;
	const schedulers =
		scheduler?.name === 'mesos'
			? scheduler.frameworks
			: scheduler?.name === 'omega'
				? scheduler.schedulers.map((s) => s.name)
				: [];
	parsed.pods.forEach((pod, i) => {
		const {nodeName, schedulerName} = pod.spec;
		if (nodeName !== undefined && !names.includes(nodeName))
			problems.push({
				path: ['pods', i, 'spec', 'nodeName'],
				message: `unknown node "${nodeName}"${didYouMean(nodeName, names)}`,
			});
		if (schedulerName !== undefined && schedulers.length > 0 && !schedulers.includes(schedulerName))
			problems.push({
				path: ['pods', i, 'spec', 'schedulerName'],
				message: `unknown ${scheduler?.name === 'mesos' ? 'framework' : 'scheduler'} "${schedulerName}"${didYouMean(schedulerName, schedulers)}`,
			});
	});
	return problems;
}

/** What only a cluster has: a scheduler step, expectations on nodes, deadlock, conflicts, placement. */
function clusterOnly(action: TimelineAction): {path: PropertyKey[]; what: string} | undefined {
	if (action.type === 'scheduler') return {path: ['scheduler'], what: 'a scheduler step'};
	if (action.type !== 'expect') return undefined;
	for (const [j, e] of action.assertions.entries()) {
		const field =
			e.subject === 'node' || e.subject === 'deadlock' || e.subject === 'conflicts'
				? e.subject
				: e.subject === 'pod'
					? (['node', 'scheduled', 'reason'] as const).find((k) => e[k] !== undefined)
					: e.subject === 'container'
						? (['node', 'stranded'] as const).find((k) => e[k] !== undefined)
						: undefined;
		if (field) return {path: ['expect', j, field], what: `"${field}:"`};
	}
	return undefined;
}
