// Orphans and reparenting (R-REAP): who becomes the parent of a dead process's children.
import type {Rule} from './types.js';

export const reapRules: readonly Rule[] = [
	{
		id: 'R-REAP-1',
		title: 'A live thread of the same process adopts first',
		statement:
			"When a process (the father) exits, its children first go to a live thread of the father's own thread group: the parent PID does not change, yet PR_SET_PDEATHSIG fires, because it follows the parent thread.",
		source: 'Linux kernel/exit.c (find_new_reaper); PR_SET_PDEATHSIG(2const)',
	},
	{
		id: 'R-REAP-2',
		title: 'Else the nearest subreaper in the same namespace',
		statement:
			"Otherwise the first ancestor (following real_parent) that has the child-subreaper attribute and a live thread adopts them, looking only at ancestors in the father's PID namespace: the walk stops at the namespace boundary.",
		source: 'Linux kernel/exit.c (find_new_reaper); PR_SET_CHILD_SUBREAPER(2const)',
	},
	{
		id: 'R-REAP-3',
		title: "Else the init of the father's namespace",
		statement:
			"With no thread and no subreaper to take them, the children go to PID 1 of the father's active PID namespace.",
		source: 'Linux kernel/exit.c (find_child_reaper)',
	},
	{
		id: 'R-REAP-4',
		title: "The father's namespace decides, not the child's",
		statement:
			"The new parent is chosen in the father's namespace. A process injected with setns and fork whose outside parent dies is adopted outside the container (by a host subreaper such as containerd-shim, or by the host init) and still shows parent PID 0 inside.",
		source: 'Linux kernel/exit.c (find_new_reaper)',
	},
	{
		id: 'R-REAP-5',
		title: 'A namespace init leaves no one to adopt',
		statement:
			'When the father is the init of its namespace, R-PIDNS-7 kills everything in the namespace first, so no child survives to be reparented.',
		source: 'Linux kernel/pid_namespace.c (zap_pid_ns_processes)',
	},
	{
		id: 'R-REAP-6',
		title: 'The subreaper attribute',
		statement:
			'A process becomes a child subreaper with prctl(PR_SET_CHILD_SUBREAPER, 1). fork does not pass the attribute on; execve keeps it. A subreaper outside a container never receives orphans from inside it.',
		source: 'PR_SET_CHILD_SUBREAPER(2const)',
	},
	{
		id: 'R-REAP-7',
		title: 'Adopted children move up a chain of subreapers',
		statement:
			'When a subreaper dies, the children it adopted move to the next subreaper up, and finally to PID 1. Unreaped zombie children move the same way, together with the live ones.',
		source: 'Linux kernel/exit.c (forget_original_parent)',
	},
	{
		id: 'R-REAP-8',
		title: 'An adopted zombie is reported at once',
		statement:
			'A child that is already a zombie when adopted sends SIGCHLD to its new parent immediately (its exit signal is reset to SIGCHLD); a new parent that ignores SIGCHLD frees it at once. A process group newly orphaned with stopped members gets SIGHUP, then SIGCONT.',
		source: 'Linux kernel/exit.c (reparent_leader, kill_orphaned_pgrp)',
	},
];
