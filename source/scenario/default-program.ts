import {lookupImage, type ProgramSpec, parseImage, resolveExec} from '../programs/index.js';
import {buildArgv, containerEnv} from '../runtime/argv.js';
import type {ContainerSpec} from './types.js';

/**
 * What a container runs when `programs:` has no entry for it: argv from the image catalogue and the
 * manifest (R-EXEC-1), resolved to a program (R-EXEC-10). The runtime does the same at start; this
 * is the scenario layer's view for tools and tests.
 */
export function defaultProgram(
	container: Pick<ContainerSpec, 'image' | 'command' | 'args' | 'env'>,
): ProgramSpec {
	const image = lookupImage(container.image);
	const env = containerEnv(container, 'pod');
	const argv = buildArgv(container, image, env);
	if (!argv) return {program: 'app'};
	const resolved = resolveExec(argv, {...(image ? {image} : {}), imageRef: container.image, env});
	return resolved.ok ? resolved.spec : {program: 'app'};
}

/** `docker.io/library/busybox:1.36@sha256:…` → `busybox`; other registries keep their host. */
export function imageName(image: string): string {
	return parseImage(image).name;
}
