import {didYouMean} from './did-you-mean.js';
import type {PathProblem} from './issue-messages.js';
import type {PodManifest} from './types.js';

/** What the API server refuses in a Pod that the schema alone cannot see. `pods[index]` is at `base`. */
export function podProblems(pod: PodManifest, base: PropertyKey[]): PathProblem[] {
	const spec = [...base, 'spec'];
	const problems: PathProblem[] = [];
	if (pod.hostPID && pod.shareProcessNamespace) {
		// R-POD-2: validation.go refuses the pair with exactly this message.
		problems.push({
			path: [...spec, 'shareProcessNamespace'],
			key: true,
			message: 'ShareProcessNamespace and HostPID cannot both be enabled',
		});
	}
	const seen = new Set<string>();
	const volumes = pod.volumes.map((volume) => volume.name);
	for (const list of ['initContainers', 'containers'] as const) {
		pod[list].forEach((container, index) => {
			const at = [...spec, list, index];
			if (seen.has(container.name)) {
				problems.push({
					path: [...at, 'name'],
					message: `Duplicate value: "${container.name}": container names must be unique in a pod`,
				});
			}
			seen.add(container.name);
			if (list === 'containers' && container.restartPolicy) {
				problems.push({
					path: [...at, 'restartPolicy'],
					key: true,
					message: 'restartPolicy may not be set for non-init containers',
				});
			}
			container.volumeMounts.forEach((mount, mountIndex) => {
				if (volumes.includes(mount.name)) return;
				const hint = didYouMean(mount.name, volumes);
				problems.push({
					path: [...at, 'volumeMounts', mountIndex, 'name'],
					message: `Not found: volume "${mount.name}" is not declared in spec.volumes${hint}`,
				});
			});
		});
	}
	volumes.forEach((name, index) => {
		if (volumes.indexOf(name) !== index) {
			problems.push({
				path: [...spec, 'volumes', index, 'name'],
				message: `Duplicate value: volume "${name}" is declared twice`,
			});
		}
	});
	return problems;
}
