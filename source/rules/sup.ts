// Supervisors as PID 1 (R-SUP): a systemd-style supervisor, tini and dumb-init.
import type {Rule} from './types.js';

export const supRules: readonly Rule[] = [
	{
		id: 'R-SUP-1',
		title: 'A systemd-style supervisor',
		statement:
			'As PID 1, or as a subreaper, it reaps everything. It restarts services as Restart= says, after RestartSec (100 ms by default); a unit started more than 5 times within 10 s (StartLimitBurst, StartLimitIntervalSec) is marked failed and left down. The runtime sees only the supervisor, so an app crash does not end the container: no Kubernetes restart, no back-off, the status stays Running, and only a liveness probe notices. A real systemd as PID 1 treats SIGTERM as "re-execute", not "shut down", and halts on SIGRTMIN+3, so unless STOPSIGNAL says so, docker stop waits out the grace period.',
		source: 'systemd(1); systemd.service(5); systemd.unit(5)',
	},
	{
		id: 'R-SUP-2',
		title: 'tini',
		statement:
			"tini blocks signals and loops on sigtimedwait with a 1 s timeout. It forwards every signal except SIGCHLD and the synchronous fault signals to its child (with -g, to the child's process group). It reaps every child, and as soon as the main child is reaped it exits with that child's code (128+N if it was killed by a signal), leaving the rest to the kernel (tini as PID 1) or to reparenting (tini as a subreaper). -s or TINI_SUBREAPER makes it a subreaper when it is not PID 1 (otherwise it warns that it cannot reap); -p SIG sets a parent-death signal; -e CODE maps an exit code to 0. The child gets its own process group, made the terminal's foreground. docker run --init is tini.",
		source: 'krallin/tini src/tini.c',
	},
	{
		id: 'R-SUP-3',
		title: 'dumb-init',
		statement:
			"By default dumb-init runs its child in a new session and forwards each signal to the child's whole process group (-c: to the child only); -r s:r rewrites signals (r = 0 drops them). In setsid mode SIGTSTP, SIGTTIN and SIGTTOU are passed on as SIGSTOP and dumb-init then stops itself. It reaps on SIGCHLD; when the main child exits it sends SIGTERM to the remaining group and exits with the child's status (128+N if signalled). It is not a subreaper.",
		source: 'Yelp/dumb-init dumb-init.c',
	},
];
