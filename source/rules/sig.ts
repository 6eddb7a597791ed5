// Signals to a namespace's init (R-SIG): the filter that protects PID 1, and what exec does to handlers.
import type {Rule} from './types.js';

export const sigRules: readonly Rule[] = [
	{
		id: 'R-SIG-1',
		title: 'Inside its namespace, init gets only handled or blocked signals',
		statement:
			'A signal sent to a namespace init from inside its namespace is delivered only if init has a handler for it or has blocked it (then it is queued, for sigwaitinfo as tini does). Signals at SIG_DFL, SIGKILL and SIGSTOP included, are dropped silently and kill() still returns 0, even for a privileged sender.',
		source: 'pid_namespaces(7); Linux kernel/signal.c (sig_task_ignored, sig_ignored)',
	},
	{
		id: 'R-SIG-2',
		title: 'From an ancestor namespace, only SIGKILL and SIGSTOP are forced',
		statement:
			'From an ancestor namespace, such as the host, the same filter applies except that SIGKILL and SIGSTOP are forced through and kill or stop init. SIGTERM, SIGINT and SIGHUP at SIG_DFL are dropped. A handler that runs sees si_pid 0.',
		source: 'pid_namespaces(7); Linux kernel/signal.c (send_signal_locked)',
	},
	{
		id: 'R-SIG-3',
		title: 'Kernel signals are never filtered',
		statement:
			"Signals the kernel generates itself are not filtered: a fault signal such as SIGSEGV, or the OOM killer's SIGKILL, kills init.",
		source: 'Linux kernel/signal.c',
	},
	{
		id: 'R-SIG-4',
		title: 'SIGCONT from inside resumes a stopped init',
		statement:
			'SIGCONT sent from inside the namespace resumes an init stopped from the host: the continue action runs before the ignore check.',
		source: 'Linux kernel/signal.c (prepare_signal)',
	},
	{
		id: 'R-SIG-5',
		title: 'exec resets caught signals, keeps ignored ones',
		statement:
			"Across execve, ignored dispositions are kept and caught ones are reset to SIG_DFL. So `trap '…' TERM; exec app` leaves app as PID 1 with no handler, and it ignores SIGTERM.",
		source: 'execve(2); sigaction(2)',
	},
	{
		id: 'R-SIG-6',
		title: 'Other processes get normal semantics',
		statement: 'Processes other than the namespace init are not protected: a SIGTERM at SIG_DFL kills them.',
		source: 'signal(7); pid_namespaces(7)',
	},
	{
		id: 'R-SIG-7',
		title: 'kill(-1) inside a namespace',
		statement:
			'kill(-1, sig) sent inside a namespace reaches every process of that namespace and of its nested namespaces, except init and the caller.',
		source: 'Linux kernel/signal.c (kill_something_info); kill(2)',
	},
	{
		id: 'R-SIG-8',
		title: 'Killed by signal N reads as exit code 128+N',
		statement:
			'Shells, container runtimes, tini and dumb-init report a process killed by signal N as exit code 128+N: 137 for SIGKILL, 143 for SIGTERM.',
		source: 'tini src/tini.c; dumb-init dumb-init.c; bash(1) EXIT STATUS',
	},
	{
		id: 'R-SIG-9',
		title: 'Why docker stop waits',
		statement:
			"docker stop sends the image's STOPSIGNAL (SIGTERM by default) to PID 1 from the host. An app without a handler drops it (R-SIG-2); after the timeout (10 s for docker, terminationGracePeriodSeconds, 30 s by default, for Kubernetes) the forced SIGKILL ends it with exit code 137.",
		source: 'docker container stop reference; Kubernetes pod lifecycle documentation',
	},
];
