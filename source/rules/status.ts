// Status as kubectl shows it (R-STATUS): phases, reasons and the STATUS column.
import type {Rule} from './types.js';

export const statusRules: readonly Rule[] = [
	{
		id: 'R-STATUS-1',
		title: 'Pod phases',
		statement:
			'Pending (scheduling, image pulls, init containers), Running (all containers created, at least one running or restarting), Succeeded (all exited 0 and no restart coming), Failed (all terminated, at least one failed), Unknown.',
		source: 'Kubernetes pod lifecycle documentation (pod phase)',
	},
	{
		id: 'R-STATUS-2',
		title: 'Container reasons',
		statement:
			'Terminated, as the runtime reports it: Completed (exit 0), Error (non-zero), OOMKilled, StartError (exit 128, never started). Waiting: ContainerCreating, PodInitializing, CrashLoopBackOff, ErrImagePull, ImagePullBackOff, CreateContainerConfigError.',
		source: 'Kubernetes pod lifecycle documentation (container states); containerd CRI exit reasons',
	},
	{
		id: 'R-STATUS-3',
		title: "kubectl's STATUS column",
		statement:
			'printPod starts from the phase, or status.reason if set (Evicted). Then the first init container that has not exited 0 and is not a started sidecar gives Init:<reason>, Init:ExitCode:N, Init:Signal:N, or else Init:i/N. Otherwise app containers are read from last to first and each waiting or terminated one overwrites the column with its reason (or Signal:N / ExitCode:N), so the first such container in spec order wins. Completed with a container running and ready reads Running (NotReady if the pod is not Ready). A deletionTimestamp shows Terminating (newer kubectl: only before a terminal phase). READY is ready/total with sidecars counted; RESTARTS sums the restarts, as "N (Xs ago)".',
		source: 'Kubernetes pkg/printers/internalversion/printers.go (printPod)',
	},
	{
		id: 'R-STATUS-4',
		title: 'OOMKilled',
		statement:
			"The OOM killer's SIGKILL gives exit code 137 and the reason OOMKilled. On cgroup v2, Kubernetes 1.28 and later set memory.oom.group, so the whole container dies; singleProcessOOMKill (1.32 and later) opts out.",
		source: 'kubernetes/kubernetes pull requests 117793 and 126096',
	},
];
