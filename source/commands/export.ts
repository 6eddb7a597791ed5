// `podplay export`: the scenario's pods as plain manifests for `kubectl apply`.
import {exportManifests, type Scenario} from '../scenario/index.js';
import {exitCodes, type Output} from './output.js';

export function exportPods(s: Scenario, o: Output): number {
	o.out(exportManifests(s).trimEnd());
	return exitCodes.ok;
}
