// Which program runs as a container's main process: the scenario's choice, wrapped by a supervisor
// when one is put in front of it (R-SUP-1..3).
import type {ProgramSpec} from '../programs/index.js';
import type {Supervisor} from './pod-spec.js';
import type {PodState} from './types.js';

export function containerProgram(pod: PodState, container: string): ProgramSpec {
	const base = pod.programs[container] ?? {program: 'app', comm: container};
	const supervisor = pod.supervisors[container];
	return supervisor ? wrap(supervisor, base) : base;
}

export function wrap(supervisor: Supervisor, service: ProgramSpec): ProgramSpec {
	return {program: supervisor, comm: supervisor, service};
}
