import {didYouMean} from './did-you-mean.js';
import {formatDuration} from './duration.js';
import type {PathProblem} from './issue-messages.js';
import {parseContainerRef, type Target} from './target.js';
import type {Expectation, PodManifest, TimelineStep} from './types.js';

type Path = PropertyKey[];

/** A pod as far as names go; `containers` is undefined when the pod itself failed to validate. */
export type PodNames = {name: string; containers?: string[]};

export function podNames(pod: PodManifest): PodNames {
	return {
		name: pod.name,
		containers: [...pod.initContainers, ...pod.containers].map((container) => container.name),
	};
}

/**
 * Every name a scenario uses must exist: pods, containers, `programs:` keys, targets. Caught at load
 * time, so a typo never surfaces minutes into a replay. Steps that failed to validate are holes
 * (undefined) in `timeline`, so the others are still checked.
 */
export function referenceProblems(
	pods: readonly PodNames[],
	programKeys: readonly string[],
	timeline: readonly (TimelineStep | undefined)[],
): PathProblem[] {
	const containers = new Map(pods.map((pod) => [pod.name, pod.containers]));
	const problems: PathProblem[] = [];
	const pod = (name: string, path: Path, key = false) => {
		if (containers.has(name)) return true;
		problems.push({path, key, message: `unknown pod "${name}"${didYouMean(name, containers.keys())}`});
		return false;
	};
	const container = (podName: string, name: string, path: Path, key = false) => {
		if (!pod(podName, path, key)) return;
		const names = containers.get(podName);
		if (!names || names.includes(name)) return;
		problems.push({
			path,
			key,
			message: `pod "${podName}" has no container "${name}"${didYouMean(name, names)}`,
		});
	};
	const target = (value: Target | undefined, path: Path) => {
		if (!value || (value.kind !== 'container' && value.kind !== 'ns-pid')) return;
		// `pod/POD` names the pod's pause (R-POD-1).
		if (value.container === 'POD') pod(value.pod, path);
		else container(value.pod, value.container, path);
	};
	pods.forEach((entry, index) => {
		if (pods.findIndex((other) => other.name === entry.name) !== index) {
			problems.push({
				path: ['pods', index, 'metadata', 'name'],
				message: `pod "${entry.name}" is declared twice`,
			});
		}
	});
	for (const key of programKeys) {
		const ref = parseContainerRef(key);
		if (ref) container(ref.pod, ref.container, ['programs', key], true);
		else
			problems.push({
				path: ['programs', key],
				key: true,
				message: `programs key "${key}" must be pod/container`,
			});
	}
	let previous: TimelineStep | undefined;
	timeline.forEach((step, index) => {
		if (!step) return;
		const at: Path = ['timeline', index];
		if (previous && step.at < previous.at) {
			problems.push({
				path: [...at, 'at'],
				message: `step at ${formatDuration(step.at)} comes after a step at ${formatDuration(previous.at)}; steps must be in time order`,
			});
		}
		const {action} = step;
		switch (action.type) {
			case 'kill':
				for (const field of ['target', 'group', 'from'] as const)
					target(action[field], [...at, 'kill', field]);
				break;
			case 'exit':
				target(action.target, [...at, action.type, 'target']);
				break;
			case 'spawn':
				target(action.parent, [...at, 'spawn', 'parent']);
				break;
			case 'set':
			case 'delete':
				pod(action.pod, [...at, action.type, 'pod']);
				break;
			case 'supervise':
				container(action.pod, action.container, [...at, 'supervise', 'container']);
				break;
			case 'expect':
				action.assertions.forEach((assertion, assertionIndex) => {
					expectation(assertion, [...at, 'expect', assertionIndex]);
				});
				break;
			case 'ask':
				action.choices.forEach((choice, c) => {
					choice.expect.forEach((assertion, a) => {
						expectation(assertion, [...at, 'ask', 'choices', c, 'expect', a]);
					});
				});
				if (action.answer > action.choices.length)
					problems.push({
						path: [...at, 'ask', 'answer'],
						message: `answer ${action.answer} is not one of the ${action.choices.length} choices`,
					});
				break;
		}
		previous = step;
	});
	function expectation(assertion: Expectation, path: Path) {
		switch (assertion.subject) {
			case 'process':
				target(assertion.target, [...path, 'target']);
				target(assertion.parent, [...path, 'parent']);
				break;
			case 'pod':
				pod(assertion.pod, [...path, 'pod']);
				break;
			case 'container':
			case 'logs':
				container(assertion.pod, assertion.container, [...path, assertion.subject]);
				break;
			case 'queue':
				if (assertion.ipc.kind === 'pod') pod(assertion.ipc.pod, [...path, 'queue', 'pod']);
				break;
		}
	}
	return problems;
}
