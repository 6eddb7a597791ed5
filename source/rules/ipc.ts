// System V message queues and IPC namespaces (R-IPC).
import type {Rule} from './types.js';

export const ipcRules: readonly Rule[] = [
	{
		id: 'R-IPC-1',
		title: 'Queue names belong to one IPC namespace',
		statement:
			'Keys and msqids belong to one IPC namespace: a queue is visible to all of its members and to no one else. msgget(key, 0) on a missing key fails with ENOENT; IPC_PRIVATE always creates a new queue.',
		source: 'ipc_namespaces(7); msgget(2)',
	},
	{
		id: 'R-IPC-2',
		title: 'The namespace owns the queue',
		statement:
			'A queue belongs to its namespace, not to a process: the queue and its messages outlive the creator, the producers and the consumers, until msgctl(IPC_RMID) or the end of the namespace.',
		source: 'ipc_namespaces(7); msgctl(2); Linux ipc/msg.c',
	},
	{
		id: 'R-IPC-3',
		title: 'An IPC namespace lives while anything refers to it',
		statement:
			'An IPC namespace dies with its last reference: member processes, open file descriptors or bind mounts of /proc/PID/ns/ipc. A pinned namespace keeps its queues with no process in it.',
		source: 'namespaces(7) "namespace lifetime"; ipc_namespaces(7)',
	},
	{
		id: 'R-IPC-4',
		title: 'Limits are per namespace and start at the defaults',
		statement:
			"Queue limits are sysctls of each IPC namespace, and a new namespace starts at the defaults, not at its parent's values: msgmax 8192 bytes per message (more gives EINVAL), msgmnb 16384 (the default msg_qbytes, which caps both the queued bytes and the queued message count), msgmni 32000 queues per namespace (more gives ENOSPC).",
		source: 'proc_sys_kernel(5); Linux ipc/msg.c, ipc/namespace.c',
	},
	{
		id: 'R-IPC-5',
		title: 'msgsnd blocks on a full queue',
		statement:
			'msgsnd blocks when the queued bytes plus the new size exceed qbytes, or when one more message would exceed qbytes in count; with IPC_NOWAIT it fails with EAGAIN instead. It wakes when a receive makes room. mtype must be at least 1, or the call fails with EINVAL.',
		source: 'msgop(2); Linux ipc/msg.c (msg_fits_inqueue)',
	},
	{
		id: 'R-IPC-6',
		title: 'msgrcv blocks until a message matches',
		statement:
			'msgrcv blocks on an empty queue or when no message matches; with IPC_NOWAIT it fails with ENOMSG. msgtyp 0 takes the oldest message, a positive msgtyp the oldest of that type, a negative one the lowest type not above its absolute value. A message bigger than the buffer gives E2BIG unless MSG_NOERROR. A signal interrupts a blocked send or receive with EINTR, and the call is not restarted (likewise sigwaitinfo, and wait4 without SA_RESTART).',
		source: 'msgop(2); signal(7)',
	},
	{
		id: 'R-IPC-7',
		title: 'IPC_RMID removes a queue at once',
		statement:
			'msgctl(IPC_RMID) removes the queue immediately: its messages are lost and every blocked sender or receiver wakes with EIDRM. Only the owner, the creator or a holder of CAP_SYS_ADMIN may remove it.',
		source: 'msgctl(2)',
	},
	{
		id: 'R-IPC-8',
		title: "hostIPC uses the node's IPC namespace",
		statement:
			"With hostIPC: true the pod uses the node's IPC namespace: it sees the host's queues, and its own queues outlive the pod.",
		source: 'containerd internal/cri/opts/spec_opts.go; Kubernetes Pod API (hostIPC)',
	},
	{
		id: 'R-IPC-9',
		title: "A pod's queues live in its sandbox's IPC namespace",
		statement:
			"pause creates the pod's IPC namespace and the containers join it through /proc/<pause>/ns/ipc. A restarted container rejoins the same namespace, so queues and messages survive producer or consumer restarts. A recreated sandbox has a new, empty IPC namespace. If pause dies while apps still run, the old namespace lives until the kubelet kills them (R-POD-8). Once the pod has finished for good its sandbox is stopped and the queues go with it (R-POD-9), unless hostIPC.",
		source:
			'containerd internal/cri/server/podsandbox/sandbox_run_linux.go; Kubernetes pkg/kubelet/kuberuntime/kuberuntime_manager.go (computePodActions)',
	},
];
