import {parseDuration} from './duration.js';
import type {ContainerSpec, ProgramSpec} from './types.js';

/**
 * What a container runs when `programs:` has no entry for it, guessed from well-known images.
 * The ch6_ipc producer and consumer share queue key 1 so that they meet in the pod's IPC namespace
 * (R-IPC-9).
 */
export function defaultProgram(container: Pick<ContainerSpec, 'image' | 'command' | 'args'>): ProgramSpec {
	const image = imageName(container.image);
	const words = [...(container.command ?? []), ...(container.args ?? [])];
	if (image === 'allingeek/ch6_ipc') {
		if (words.includes('-producer')) return {program: 'producer', key: 1};
		if (words.includes('-consumer')) return {program: 'consumer', key: 1};
	}
	if (image === 'busybox' || image === 'alpine') {
		const match = /(?:^|\s)sleep\s+(\S+)/.exec(words.join(' '));
		if (match) return sleepFor(match[1]!);
	}
	if (image === 'registry.k8s.io/pause' || image === 'k8s.gcr.io/pause') return {program: 'pause'};
	return {program: 'app'};
}

/** `sleep 3600`, `sleep 1.5`, `sleep 2m`, `sleep infinity` (never exits). */
function sleepFor(argument: string): ProgramSpec {
	const withUnit = /^\d+(\.\d+)?$/.test(argument) ? `${argument}s` : argument;
	const duration = parseDuration(withUnit);
	return duration.ok ? {program: 'sleep', exitAfter: duration.ms} : {program: 'sleep'};
}

/** `docker.io/library/busybox:1.36@sha256:…` → `busybox`; other registries keep their host. */
export function imageName(image: string): string {
	let name = image.split('@')[0]!;
	const lastSlash = name.lastIndexOf('/');
	const colon = name.lastIndexOf(':');
	if (colon > lastSlash) name = name.slice(0, colon);
	return name.replace(/^(docker\.io\/)?(library\/)?/, '');
}
