// Zombies and reaping (R-ZOMB): what stays of a dead process until its parent waits for it.
import type {Rule} from './types.js';

export const zombRules: readonly Rule[] = [
	{
		id: 'R-ZOMB-1',
		title: 'Exit makes a zombie',
		statement:
			"A process that exits becomes a zombie (state Z, <defunct>). It keeps its PID at every level, its exit status and its slot in the cgroup's pids.current until its parent, and only its parent, reaps it with a wait call.",
		source: 'wait(2); Linux cgroup v1 pids controller documentation',
	},
	{
		id: 'R-ZOMB-2',
		title: 'The parent gets SIGCHLD',
		statement:
			"On a child's exit the parent is sent SIGCHLD. Its default action is to ignore it, but leaving SIGCHLD at SIG_DFL still leaves a zombie behind.",
		source: 'wait(2); sigaction(2)',
	},
	{
		id: 'R-ZOMB-3',
		title: 'SIG_IGN or SA_NOCLDWAIT reap automatically',
		statement:
			'With SIGCHLD set to SIG_IGN, or with SA_NOCLDWAIT, a child vanishes as it exits; wait then blocks until all children are gone and fails with ECHILD.',
		source: 'wait(2); sigaction(2)',
	},
	{
		id: 'R-ZOMB-4',
		title: 'Reaping frees the PID',
		statement:
			"Reaping a zombie frees its PID. A zombie's PID is never given to another process while the zombie exists.",
		source: 'Linux kernel/pid.c (alloc_pid, free_pid)',
	},
	{
		id: 'R-ZOMB-5',
		title: 'A PID 1 that never waits collects zombies',
		statement:
			'If PID 1 is sleep, or an app that never calls wait, every orphan that dies stays a zombie with parent PID 1 until the namespace is destroyed (R-PIDNS-7 then reaps them all). Enough zombies use up pids.max, after which fork fails with EAGAIN.',
		source: 'wait(2); Linux cgroup v1 pids controller documentation',
	},
	{
		id: 'R-ZOMB-6',
		title: 'Zombies ignore signals',
		statement:
			'kill -9 on a zombie does nothing. A zombie goes away only when it is reaped, or when its parent dies and the new parent reaps it (R-REAP-8).',
		source: 'wait(2); Linux kernel/signal.c',
	},
	{
		id: 'R-ZOMB-7',
		title: 'Shells reap while they wait',
		statement:
			"A shell waiting for a foreground command reaps any child (waitpid(-1)), so a shell as PID 1 reaps while it waits and stops reaping once it execs. bash -c 'a; b' execs b, which becomes PID 1; dash never execs, even for a single command.",
		source: 'bash and dash source (wait and exec of the last command)',
	},
	{
		id: 'R-ZOMB-8',
		title: 'Reaping inits loop on waitpid',
		statement: 'pause, tini and dumb-init reap with a waitpid(-1, WNOHANG) loop each time SIGCHLD arrives.',
		source: 'Kubernetes build/pause/linux/pause.c; tini src/tini.c; dumb-init dumb-init.c',
	},
];
