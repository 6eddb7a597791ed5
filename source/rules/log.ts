// Container logs (R-LOG): what is logged, which instance `kubectl logs` shows, what is kept.
import type {Rule} from './types.js';

export const logRules: readonly Rule[] = [
	{
		id: 'R-LOG-1',
		title: 'What a container log holds',
		statement:
			'The log holds what PID 1 and its descendants write to the stdout and stderr they inherited, one file per container instance. Processes started by ExecSync (probes, hooks) are not in it: their output goes to the kubelet. Output appears when the program writes it; shell builtins such as echo write at once.',
		source: 'Kubernetes pkg/kubelet/kuberuntime/helpers.go, kuberuntime/logs/logs.go',
	},
	{
		id: 'R-LOG-2',
		title: 'Which instance `kubectl logs` shows',
		statement:
			'The running instance; else the last terminated one, so during the CrashLoopBackOff wait it shows the instance that just died. A container that never ran answers `container "c" in pod "p" is waiting to start: <reason>`.',
		source: 'Kubernetes pkg/kubelet/kubelet_pods.go (validateContainerLogStatus)',
	},
	{
		id: 'R-LOG-3',
		title: '`kubectl logs --previous`',
		statement:
			'`-p` shows the previous instance (lastState.terminated); with none it says `previous terminated container "c" in pod "p" not found`.',
		source: 'Kubernetes pkg/kubelet/kubelet_pods.go (validateContainerLogStatus); kubectl logs reference',
	},
	{
		id: 'R-LOG-4',
		title: 'Only the current and previous instances are kept',
		statement:
			'The kubelet keeps one terminated container with its logs; older instances and their log files are removed. Deleting the pod removes them all.',
		source: 'Kubernetes logging architecture documentation; pkg/kubelet/kuberuntime/kuberuntime_gc.go',
	},
];
