// PID namespaces (R-PIDNS): how PIDs nest, are allocated and die with a namespace's init.
import type {Rule} from './types.js';

export const pidnsRules: readonly Rule[] = [
	{
		id: 'R-PIDNS-1',
		title: 'PID namespaces nest',
		statement:
			'A process lives in one PID namespace, its active one, and is also visible in every ancestor namespace, with its own PID at each level. /proc/PID/status shows them in the NSpid line, from the namespace of the reading procfs mount down to the process\'s own (for example "NSpid: 583 2 1").',
		source: 'pid_namespaces(7); proc_pid_status(5)',
	},
	{
		id: 'R-PIDNS-2',
		title: 'A new PID namespace starts with the next child',
		statement:
			'clone(CLONE_NEWPID) starts the child in a new PID namespace. unshare(CLONE_NEWPID) and setns() leave the caller where it is: only its next child enters the new namespace, and after unshare that child is PID 1 there.',
		source: 'pid_namespaces(7); unshare(2); setns(2)',
	},
	{
		id: 'R-PIDNS-3',
		title: 'PID 1 is the namespace init; outside parents show as 0',
		statement:
			"The first process of a PID namespace is its init, the namespace's child reaper, and the kernel marks it SIGNAL_UNKILLABLE (see R-SIG-1). Seen from inside, its parent PID is 0, and so is the parent PID of any process whose parent is outside the namespace (nsenter, kubectl exec, containers joining a shared pod namespace).",
		source: 'pid_namespaces(7); Linux kernel/fork.c (SIGNAL_UNKILLABLE)',
	},
	{
		id: 'R-PIDNS-4',
		title: 'PIDs are handed out in sequence',
		statement:
			'Each namespace allocates PIDs in order, the last one allocated plus one, wrapping at pid_max back to 300 (RESERVED_PIDS) after the first pass; it does not take the lowest free number. A zombie keeps its PID; the number becomes free only when the zombie is reaped.',
		source: 'Linux kernel/pid.c (alloc_pid)',
	},
	{
		id: 'R-PIDNS-5',
		title: 'A process sees its own namespace and those below',
		statement:
			'A process can see and signal only the processes of its own PID namespace and of the namespaces nested in it. /proc shows the namespace of the procfs mount, not of the reader: without a fresh mount, ps in a new namespace still lists every host process.',
		source: 'pid_namespaces(7)',
	},
	{
		id: 'R-PIDNS-6',
		title: 'The host sees every process',
		statement:
			"Every process of a child namespace is also a host process with a host PID. The host sees the init's real parent (the shim, unshare, …) and the container's zombies.",
		source: 'pid_namespaces(7)',
	},
	{
		id: 'R-PIDNS-7',
		title: 'A namespace dies with its init',
		statement:
			"When a namespace's init exits: the namespace stops allocating PIDs, so later fork or clone into it fails with ENOMEM; every other process in it, nested namespaces included, gets SIGKILL; init's SIGCHLD becomes SIG_IGN and it waits until all of them are gone; only then does init become a zombie, so its parent sees its exit last.",
		source: 'pid_namespaces(7); Linux kernel/pid_namespace.c (zap_pid_ns_processes)',
	},
	{
		id: 'R-PIDNS-8',
		title: "The node's init never exits",
		statement:
			"If the host's PID 1 exits, the kernel panics. podplay does not simulate a panic: any action that would end the node's init is refused.",
		source:
			'Linux kernel/exit.c (do_exit: "Attempted to kill init!" when the global init\'s last thread exits)',
	},
];
