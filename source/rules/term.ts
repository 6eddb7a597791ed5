// Termination (R-TERM): deleting a pod, the stop signal, the grace period and its deadline.
import type {Rule} from './types.js';

export const termRules: readonly Rule[] = [
	{
		id: 'R-TERM-1',
		title: 'Delete starts a grace period',
		statement:
			'Deleting a pod sets its deletionTimestamp and grace period (terminationGracePeriodSeconds, 30 s by default); kubectl shows it as Terminating.',
		source: 'Kubernetes pod lifecycle documentation (termination of pods)',
	},
	{
		id: 'R-TERM-2',
		title: 'preStop, then the stop signal',
		statement:
			"For each container the preStop hook runs first, on the grace period's clock; then the stop signal (the alpha lifecycle.stopSignal, else the image's STOPSIGNAL, else SIGTERM) goes to the main process. Containers stop in parallel, in no set order.",
		source: 'Kubernetes pod lifecycle and container lifecycle hooks documentation',
	},
	{
		id: 'R-TERM-3',
		title: 'Sidecars stop last, in reverse order',
		statement:
			'Sidecars get the stop signal only after the last main container has stopped, in reverse spec order.',
		source: 'Kubernetes pod lifecycle and sidecar containers documentation',
	},
	{
		id: 'R-TERM-4',
		title: 'The deadline, and a preStop that outlasts it',
		statement:
			'At the deadline SIGKILL goes to everything left, pause last, and the phase becomes Succeeded or Failed; an app at PID 1 without a handler uses the whole grace period and ends Error with exit code 137. When preStop outlasts the grace period the kubelet abandons the hook, still sends the stop signal, and gives the container what is left of the grace period but at least 2 s (minimumGracePeriodInSeconds) before SIGKILL, so a process that handles the stop signal can still exit cleanly. preStop runs on every kill by the kubelet (delete, liveness or startup failure, postStart failure), never when a container exits on its own.',
		source:
			'Kubernetes pkg/kubelet/kuberuntime/kuberuntime_container.go (killContainer, executePreStopHook); pod lifecycle documentation',
	},
];
