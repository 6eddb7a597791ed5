// Lifecycle hooks (R-HOOK): postStart and preStop, where they run, and what their failure does.
import type {Rule} from './types.js';

export const hookRules: readonly Rule[] = [
	{
		id: 'R-HOOK-1',
		title: 'postStart runs after the container started and holds the pod',
		statement:
			"The kubelet runs postStart after the runtime's StartContainer returns, so PID 1 is already running; there is no ordering with the entrypoint's progress. Until the hook returns the next containers in spec order are not started, the container stays Waiting (ContainerCreating) and the pod Pending, and probes do not run, although initialDelaySeconds counts from the container's start. Neither exec nor HTTP hooks time out: a hung postStart blocks the pod until the container dies.",
		source:
			'Kubernetes pkg/kubelet/kuberuntime/kuberuntime_container.go (startContainer), pkg/kubelet/lifecycle/handlers.go; container lifecycle hooks documentation',
	},
	{
		id: 'R-HOOK-2',
		title: 'An exec hook is a process under the shim',
		statement:
			"An exec hook, like an exec probe, is a CRI ExecSync: a copy of the container's process spec (environment, user, namespaces, cgroup, limits) with only the arguments replaced. runc exec detaches, so its host parent is containerd-shim (R-POD-6); inside the container's PID namespace it takes the next PID and shows parent PID 0 (R-PIDNS-3). It counts against the container's memory and pids. Its output goes back to the kubelet, not to the container log. When it ends the exec is deleted with its process killed; its own children are orphans that go to the container's PID 1 (R-REAP-3).",
		source:
			'containerd internal/cri/server/container_execsync.go (execInternal), cmd/containerd-shim-runc-v2/process/exec.go',
	},
	{
		id: 'R-HOOK-3',
		title: 'Handler types and what counts as failure',
		statement:
			"An exec handler runs in the container and fails on a non-zero exit code or when it cannot start. An httpGet handler runs in the kubelet from the node's network namespace and fails only on transport errors: the status code is not checked, and there is no timeout and no retry. A sleep handler runs in the kubelet and creates no process. tcpSocket is not supported as a hook and fails at run time.",
		source:
			'Kubernetes pkg/kubelet/lifecycle/handlers.go (Run, runHTTPHandler, runSleepHandler); container lifecycle hooks documentation',
	},
	{
		id: 'R-HOOK-4',
		title: 'A failed postStart kills the container',
		statement:
			'A failed postStart gives Warning FailedPostStartHook ("PostStartHook failed"), then the kubelet kills the container with the reason FailedPostStartHook: preStop runs and the stop signal follows, with the pod\'s grace period. The container waits with reason PostStartHookError and restarts under its restart policy with back-off; the hook runs again for every new instance.',
		source: 'Kubernetes pkg/kubelet/kuberuntime/kuberuntime_container.go (startContainer, ErrPostStartHook)',
	},
	{
		id: 'R-HOOK-5',
		title: 'preStop runs on every kill by the kubelet, never on a self-exit',
		statement:
			'preStop runs only from killContainer: pod deletion or eviction, liveness or startup failure, postStart failure, a changed container definition, preemption. It does not run when the container exits or crashes on its own, nor for a container that is not running, and only when the grace period is above 0. The order is Killing, then preStop, then the stop signal.',
		source:
			'Kubernetes pkg/kubelet/kuberuntime/kuberuntime_container.go (killContainer); containerd internal/cri/server/container_stop.go',
	},
	{
		id: 'R-HOOK-6',
		title: 'The preStop budget and the 2 s extension',
		statement:
			"The grace period g is the pod's deletion grace period when it is being deleted, else a failing liveness or startup probe's own terminationGracePeriodSeconds, else the pod's terminationGracePeriodSeconds (30). The kubelet waits for the hook at most g seconds, subtracts the whole seconds it took, and raises what is left to at least 2 s (minimumGracePeriodInSeconds). Then the stop signal goes to PID 1 and SIGKILL follows after what is left: a preStop of 60 s under a grace period of 30 s gives the stop signal at about 30 s and SIGKILL at about 32 s.",
		source:
			'Kubernetes pkg/kubelet/kuberuntime/kuberuntime_container.go (setTerminationGracePeriod, executePreStopHook, minimumGracePeriodInSeconds)',
	},
	{
		id: 'R-HOOK-7',
		title: 'A failing or overrunning preStop',
		statement:
			'A failing preStop gives Warning FailedPreStopHook ("PreStopHook failed") and stopping goes on. A hook still running at the deadline is abandoned, not killed ("PreStop hook not completed in grace period"): an exec hook process runs on until the death of PID 1 takes down the namespace (R-PIDNS-7). The pod stays Terminating meanwhile.',
		source:
			'Kubernetes pkg/kubelet/kuberuntime/kuberuntime_container.go (executePreStopHook); container lifecycle hooks documentation',
	},
	{
		id: 'R-HOOK-8',
		title: 'The sleep action creates no process',
		statement:
			'lifecycle.preStop.sleep and lifecycle.postStart.sleep are carried out inside the kubelet; no process is created. A postStart sleep delays the next containers like R-HOOK-1; a preStop sleep spends the grace budget, then R-HOOK-6 applies. seconds: 0 is allowed from Kubernetes 1.32 (GA in 1.34).',
		source: 'Kubernetes pkg/kubelet/lifecycle/handlers.go (runSleepHandler); KEP-3960, KEP-4818',
	},
	{
		id: 'R-HOOK-9',
		title: 'Hooks are delivered at least once',
		statement:
			'Hooks are delivered at least once: a kubelet restarted in the middle of a hook may run it again.',
		source: 'Kubernetes container lifecycle hooks documentation',
	},
];
