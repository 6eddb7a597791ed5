// What a user or a scenario can ask of the runtime, as plain data.
import {emit} from '../kernel/index.js';
import type {ProgramSpec} from '../programs/index.js';
import {note, type RtCtx} from './context.js';
import {type NamespaceField, type PodSpec, type Supervisor, validatePod} from './pod-spec.js';
import {createPod} from './pods.js';
import {beginEnding} from './termination.js';

export type RuntimeAction =
	| {
			type: 'createPod';
			pod: PodSpec;
			programs: Record<string, ProgramSpec>;
			supervisors?: Record<string, Supervisor>;
	  }
	| {type: 'deletePod'; pod: string}
	| {type: 'setPodField'; pod: string; field: NamespaceField; value: boolean}
	| {type: 'supervise'; pod: string; container: string; with: Supervisor | 'none'}
	/** Something the scenario asks for that podplay does not simulate, said out loud (R-EXEC-19). */
	| {type: 'note'; rule: string; text: string};

const fieldRules: Record<NamespaceField, string> = {
	shareProcessNamespace: 'R-POD-4',
	hostIPC: 'R-POD-2',
	hostPID: 'R-POD-2',
	hostNetwork: 'R-POD-2',
};

const supervisorRules: Record<Supervisor, string> = {
	systemd: 'R-SUP-1',
	tini: 'R-SUP-2',
	'dumb-init': 'R-SUP-3',
};

export function applyRuntimeAction(r: RtCtx, action: RuntimeAction): void {
	if (action.type === 'createPod') {
		createPod(r, action.pod, action.programs, action.supervisors ?? {});
		return;
	}
	if (action.type === 'note') {
		note(r, action.rule, action.text);
		return;
	}
	const pod = r.rt.pods[action.pod];
	if (!pod || pod.ending) {
		emit(
			r.k,
			'R-POD-1',
			'rejected',
			pod ? `pod ${action.pod} is already terminating` : `pods "${action.pod}" not found`,
		);
		return;
	}
	switch (action.type) {
		case 'deletePod':
			beginEnding(r, pod, {kind: 'delete'});
			return;
		case 'setPodField': {
			if (pod.spec[action.field] === action.value) {
				emit(
					r.k,
					fieldRules[action.field],
					'unchanged',
					`pod ${pod.name} already has ${action.field}: ${action.value}`,
				);
				return;
			}
			const spec = {...pod.spec, [action.field]: action.value};
			// The API server validates the new spec first (R-POD-2); a rejected update keeps the pod.
			const invalid = validatePod(spec);
			if (invalid) {
				emit(
					r.k,
					'R-POD-2',
					'rejected',
					`The Pod "${pod.name}" is invalid: ${invalid}; the pod is kept as it is`,
				);
				return;
			}
			beginEnding(r, pod, {
				kind: 'recreate',
				spec,
				supervisors: pod.supervisors,
				why: `${action.field} changed to ${action.value}`,
				rule: fieldRules[action.field],
			});
			return;
		}
		case 'supervise': {
			if (!pod.spec.containers.some((c) => c.name === action.container)) {
				emit(r.k, 'R-POD-1', 'rejected', `pod ${pod.name} has no container ${action.container}`);
				return;
			}
			const supervisors = {...pod.supervisors};
			if (action.with === 'none') delete supervisors[action.container];
			else supervisors[action.container] = action.with;
			beginEnding(r, pod, {
				kind: 'recreate',
				spec: pod.spec,
				supervisors,
				why:
					action.with === 'none'
						? `${action.container} runs bare again`
						: `${action.with} now runs as PID 1 of ${action.container} in front of the app`,
				rule: action.with === 'none' ? 'R-POD-5' : supervisorRules[action.with],
			});
		}
	}
}
