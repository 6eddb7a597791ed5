// Pod sandbox and namespaces (R-POD): what containerd and the kubelet build around a pod's containers.
import type {Rule} from './types.js';

export const podRules: readonly Rule[] = [
	{
		id: 'R-POD-1',
		title: 'Sandbox namespaces',
		statement:
			"containerd makes the pod's network namespace for CNI and pins it; pause joins it. The IPC and UTS namespaces are created with pause, and pause is PID 1 of its own PID namespace (unless hostPID). App containers join pause's network, IPC and UTS namespaces; each has its own mount namespace (and cgroup namespace on cgroup v2) and its own PID namespace, or pause's with shareProcessNamespace: true. kubectl debug --target containers join the target's PID namespace.",
		source: 'containerd internal/cri/opts/spec_opts.go, internal/cri/server/podsandbox/sandbox_run_linux.go',
	},
	{
		id: 'R-POD-2',
		title: 'Host namespaces',
		statement:
			"hostNetwork gives the node's network and UTS namespaces, hostPID the node's PID namespace, hostIPC the node's IPC namespace. hostPID together with shareProcessNamespace is rejected (\"ShareProcessNamespace and HostPID cannot both be enabled\").",
		source: 'Kubernetes pkg/apis/core/validation/validation.go; KEP-495 (pod PID namespace)',
	},
	{
		id: 'R-POD-3',
		title: 'What pause does',
		statement:
			'pause exits 0 on SIGINT or SIGTERM (so, unlike an app without a handler, it does stop on SIGTERM), reaps with a waitpid(-1, WNOHANG) loop on SIGCHLD (installed with SA_NOCLDSTOP), and otherwise sleeps in pause() forever; it warns when it is not PID 1.',
		source: 'Kubernetes build/pause/linux/pause.c',
	},
	{
		id: 'R-POD-4',
		title: 'shareProcessNamespace: true',
		statement:
			"pause is PID 1 and reaps for every container. A container's first process gets an ordinary PID, shows parent PID 0 (its parent is the shim) and loses PID 1's protection (R-SIG-6). Processes, command lines, environments and /proc/PID/root are visible across containers; signals cross containers under the usual permission checks; kill -HUP 1 reaches pause. Images that need to be PID 1 (systemd) may refuse to start.",
		source: 'Kubernetes documentation "Share Process Namespace between Containers in a Pod"; KEP-495',
	},
	{
		id: 'R-POD-5',
		title: 'A container ends with its main process',
		statement:
			"A container ends when its own main process exits, shared PID namespace or not. If its PID namespace is not private, the shim then kills the container's other processes through the cgroup; with a private namespace the kernel does it (R-PIDNS-7).",
		source: 'containerd cmd/containerd-shim-runc-v2 (ShouldKillAllOnExit)',
	},
	{
		id: 'R-POD-6',
		title: 'containerd-shim is a subreaper',
		statement:
			"containerd-shim is a child subreaper: it adopts container inits and exec'd processes when their runc parent exits (R-REAP-4), and never orphans from inside a container (R-REAP-2).",
		source: 'containerd pkg/shim/shim_linux.go; cmd/containerd-shim-runc-v2/runc/util.go',
	},
	{
		id: 'R-POD-7',
		title: 'CRI-O can run a pod without pause',
		statement:
			'CRI-O drops the infra container when the pod does not share a PID namespace (the default since about 1.22) and pins the namespaces with pinns instead: the pod has no pause process at all.',
		source: 'openshift/machine-config-operator pull request 2177; CRI-O advisory GHSA-w2j5-3rcx-vx7x',
	},
	{
		id: 'R-POD-8',
		title: 'pause dies: the sandbox is recreated',
		statement:
			'When pause dies the sandbox is NOT_READY and the kubelet records SandboxChanged ("Pod sandbox changed, it will be killed and re-created."): every container is killed gracefully, a new sandbox is made (new IPC, UTS and PID namespaces, a new network namespace and IP), init containers run again, and app containers restart with their restart count raised by one. Under Never (or OnFailure with all containers succeeded), once containers have run, no new sandbox is made and the pod stays terminal. With shareProcessNamespace the kernel first SIGKILLs every container process (R-PIDNS-7).',
		source:
			'Kubernetes pkg/kubelet/kuberuntime/kuberuntime_manager.go (computePodActions); init containers documentation',
	},
	{
		id: 'R-POD-9',
		title: "A finished pod's sandbox is stopped",
		statement:
			"When no container of the pod runs and none will be started (Never with every app container terminated, OnFailure with all exited 0, a failed init container under Never), computePodActions decides to kill the pod: the kubelet stops the remaining sidecars and calls StopPodSandbox, containerd SIGKILLs pause and tears down the pod network (the network namespace is unpinned and removed). The pod's IPC, UTS and PID namespaces die with pause, taking its queues. The sandbox object stays, NotReady, until the pod is deleted, and the phase stays Succeeded or Failed.",
		source:
			'Kubernetes pkg/kubelet/kuberuntime/kuberuntime_manager.go (computePodActions, killPodWithSyncResult); containerd internal/cri/server/podsandbox/sandbox_stop.go (stopSandboxContainer)',
	},
	{
		id: 'R-POD-10',
		title: 'A dead shim is cleaned up',
		statement:
			"If containerd-shim dies, containerd cleans up after it (shim delete, runc delete --force): the container processes it supervised are killed, not left orphaned under the node's init. The kubelet then finds the sandbox NOT_READY and acts as in R-POD-8.",
		source: 'containerd core/runtime/v2/shim.go (cleanupAfterDeadShim)',
	},
];
