// Which program runs as a container's main process: the scenario's choice, or what the image and
// the manifest's command say (R-EXEC-1..3, R-EXEC-10), wrapped by a supervisor when one is put in
// front of it (R-SUP-1..3).
import {lookupImage, type ProgramSpec, resolveExec} from '../programs/index.js';
import {buildArgv, containerEnv} from './argv.js';
import {containerSpec} from './context.js';
import type {Supervisor} from './pod-spec.js';
import type {PodState} from './types.js';

export type ContainerRun =
	| {ok: true; program: ProgramSpec; argv: string[]; notes: string[]}
	| {ok: false; reason: 'RunContainerError' | 'CreateContainerError'; error: string};

export function containerRun(pod: PodState, container: string): ContainerRun {
	const spec = containerSpec(pod, container);
	const chosen = pod.programs[container];
	const supervisor = pod.supervisors[container];
	const wrapped = (program: ProgramSpec) => (supervisor ? wrap(supervisor, program) : program);
	if (chosen) {
		const argv = [...(spec.command ?? [chosen.comm ?? chosen.program]), ...(spec.args ?? [])];
		return {ok: true, program: wrapped(chosen), argv, notes: []};
	}
	const image = lookupImage(spec.image);
	const env = containerEnv(spec, pod.name);
	const argv = buildArgv(spec, image, env);
	if (!argv) {
		if (!image) {
			const name = spec.image.split('@')[0]!.split('/').at(-1)!.split(':')[0]!;
			// The image's own command is unknown: the process is named after the container.
			return {
				ok: true,
				program: wrapped({program: 'app', comm: container}),
				argv: [name],
				notes: [
					`image ${spec.image} is not in podplay's catalogue: its default command runs as a plain process until stopped, with no signal handlers`,
				],
			};
		}
		// R-EXEC-1: nothing to run at all.
		return {ok: false, reason: 'CreateContainerError', error: 'no command specified'};
	}
	const resolved = resolveExec(argv, {...(image ? {image} : {}), imageRef: spec.image, env});
	if (!resolved.ok) return {ok: false, reason: 'RunContainerError', error: resolved.error};
	return {ok: true, program: wrapped(resolved.spec), argv, notes: resolved.notes};
}

export function wrap(supervisor: Supervisor, service: ProgramSpec): ProgramSpec {
	return {program: supervisor, comm: supervisor, service};
}
