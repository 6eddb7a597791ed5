import {stringify} from 'yaml';
import type {Scenario} from './types.js';

/** Filled in by the API server: `kubectl apply` of an exported Pod must not carry them. */
const SERVER_METADATA = [
	'uid',
	'resourceVersion',
	'generation',
	'creationTimestamp',
	'managedFields',
	'selfLink',
];

/**
 * The scenario's pods as multi-document YAML for `kubectl apply -f -`: the user's fields as written,
 * without podplay's parts (title, programs, timeline), without `status` and server-set metadata, and
 * without the Kubernetes defaults podplay applies internally.
 */
export function exportManifests(scenario: Pick<Scenario, 'manifests'>): string {
	return scenario.manifests
		.map((manifest) => stringify(cleanManifest(manifest), {lineWidth: 0}))
		.join('---\n');
}

function cleanManifest(manifest: Record<string, unknown>): Record<string, unknown> {
	const {status: _status, ...rest} = manifest;
	const metadata = rest.metadata;
	if (typeof metadata === 'object' && metadata !== null) {
		rest.metadata = Object.fromEntries(
			Object.entries(metadata).filter(([key]) => !SERVER_METADATA.includes(key)),
		);
	}
	return rest;
}
