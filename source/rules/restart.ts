// Restarts (R-RESTART): restart policy, back-off, probes, init containers and native sidecars.
import type {Rule} from './types.js';

export const restartRules: readonly Rule[] = [
	{
		id: 'R-RESTART-1',
		title: 'restartPolicy',
		statement:
			'restartPolicy is Always (the default: restart after any exit, even 0), OnFailure (only after a non-zero exit) or Never. It applies to app containers and to regular init containers, which behave as OnFailure under Always; sidecars ignore it.',
		source: 'Kubernetes pod lifecycle and init containers documentation',
	},
	{
		id: 'R-RESTART-2',
		title: 'CrashLoopBackOff',
		statement:
			'After the first exit the container restarts at once and the back-off delay is set to 10 s. After later exits it waits in Waiting/CrashLoopBackOff until its finish time plus the delay, then restarts and the delay doubles: 10, 20, 40, 80, 160, 300, 300 … s, with the message "back-off 40s restarting failed container=NAME pod=…". The delay goes back to 10 s once the container has run for more than 10 minutes (twice the maximum) since its last restart. The alpha gates ReduceDefaultCrashLoopBackOffDecay and KubeletCrashLoopBackOffMax change these numbers.',
		source:
			'Kubernetes pkg/kubelet/kuberuntime/kuberuntime_manager.go (doBackOff); client-go util/flowcontrol/backoff.go; KEP-4603',
	},
	{
		id: 'R-RESTART-3',
		title: 'Probes',
		statement:
			'Probe defaults: periodSeconds 10, timeoutSeconds 1, failureThreshold 3, successThreshold 1, initialDelaySeconds 0. A failed liveness or startup probe kills the container (with its grace period) and the restart policy decides what follows; a failed readiness probe only makes it not Ready. A startup probe holds the other probes off until it succeeds.',
		source: 'Kubernetes documentation "Configure Liveness, Readiness and Startup Probes"',
	},
	{
		id: 'R-RESTART-4',
		title: 'Init containers run one at a time',
		statement:
			'Init containers run one at a time, in order, and each must exit 0 before the next starts. A failure is retried with back-off; under Never the pod becomes Failed. The phase is Pending meanwhile.',
		source: 'Kubernetes init containers documentation',
	},
	{
		id: 'R-RESTART-5',
		title: 'Native sidecars',
		statement:
			"A native sidecar (an initContainers entry with restartPolicy: Always) starts in its init slot, and the next init container starts once the sidecar has started (running, and its startupProbe passed if it has one). It is always restarted when it exits, with back-off, and its readiness counts for the pod. Sidecars do not keep the pod alive: once every regular container has terminated they are stopped, the phase follows the regular containers, and the sidecars' exit codes on that shutdown are ignored.",
		source: 'Kubernetes sidecar containers documentation; KEP-753',
	},
];
