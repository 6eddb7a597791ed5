// What a container runs (R-EXEC): argv, shells, common images, exit statuses.
import type {Rule} from './types.js';

export const execRules: readonly Rule[] = [
	{
		id: 'R-EXEC-1',
		title: 'argv is command and args over the image ENTRYPOINT and CMD',
		statement:
			"Without `command`, argv is the image ENTRYPOINT followed by `args`, or by the image CMD when `args` is empty too. With `command`, the image's ENTRYPOINT and CMD are both dropped, even when `args` is empty. An empty argv fails creation with `no command specified` (CreateContainerError). The fields are not run through a shell: no word splitting, globbing or `$VAR` unless argv[0] is itself a shell.",
		source:
			'containerd internal/cri/opts/spec_opts.go (WithProcessArgs); Kubernetes docs, define a command and arguments for a container',
	},
	{
		id: 'R-EXEC-2',
		title: '$(VAR) expansion by the kubelet',
		statement:
			'In `command` and `args`, `$(NAME)` becomes the value of the container environment variable NAME; an unknown NAME stays as written; `$$` becomes `$`, so `$$(X)` is the literal `$(X)`. `$NAME` and `${NAME}` are left alone for a shell. Exec probe commands are expanded from literal env values only; lifecycle-hook commands are not expanded at all.',
		source:
			'Kubernetes pkg/kubelet/container/helpers.go (ExpandContainerCommandAndArgs), pkg/kubelet/prober/prober.go, pkg/kubelet/lifecycle/handlers.go',
	},
	{
		id: 'R-EXEC-3',
		title: 'An executable missing from the image is a start error',
		statement:
			'runc looks argv[0] up in the image with the container PATH. When it is missing or not executable, StartContainer fails: the kubelet emits `Warning Failed "Error: <runtime message>"` (…`exec: "foo": executable file not found in $PATH: unknown`), the attempt is terminated StartError with exit code 128, the waiting reason is RunContainerError, and restarts follow the back-off (CrashLoopBackOff).',
		source: 'Kubernetes pkg/kubelet/kuberuntime/kuberuntime_container.go (startContainer)',
	},
	{
		id: 'R-EXEC-4',
		title: 'Which /bin/sh an image has',
		statement:
			'busybox and alpine images have busybox ash (busybox:1.28 has 1.28, registry.k8s.io/busybox:1.27.2 has 1.27.2); debian, ubuntu and the Debian-based nginx, redis and python images have Debian-patched dash. Only the Debian family has bash.',
		source: 'docker-library/busybox image configs; Debian dash 0.5.12-2 packaging',
	},
	{
		id: 'R-EXEC-5',
		title: 'Whether `sh -c` execs its last command',
		statement:
			"busybox ash 1.28 and later execs the last command of `-c` when the string ends right after it, unless a trap is set or it is a pipeline (a trailing newline stops it); busybox 1.27 and older never does. Debian's dash never does (a Debian patch removes the optimisation). bash 5.1 and later execs the last simple command unless a trap is set, it has a redirection, it is inside a compound command, or a background child of the script has not been reaped yet (`bash -c 'sleep 1 & sleep 3'` keeps bash as PID 1; after `wait` it execs). `exec cmd` always execs. A forked subshell (`( … )`, `$(…)`, an asynchronous list) execs its own last simple command in all three shells, so `(sleep 2)` under dash or bash is one child, `sleep 2`. When the shell does not exec, it stays PID 1 with the command as its child.",
		source:
			'busybox shell/ash.c (evalstring, evalcommand), commit 1e3e2ccd5; Debian dash patch 0004; bash NEWS (5.1 b); dash 0.5.12, busybox 1.35 and bash 5.2 run under unshare --pid --fork (test/conformance/shell)',
	},
	{
		id: 'R-EXEC-6',
		title: 'What becomes a process in a shell script',
		statement:
			'Only external commands fork; builtins (echo, printf, test/[, true, :, cd, export, read, wait, trap, kill, exit, set) run in the shell. Each pipeline stage is a process; `$(cmd)` forks a subshell that execs `cmd` (one process, in dash and bash too); `cmd &` forks without waiting. A loop creates a new child with a new PID for each external command on each iteration.',
		source: 'busybox shell/ash.c (evalcommand, evalsubshell, evalpipe), shell/Config.src',
	},
	{
		id: 'R-EXEC-7',
		title: 'Signals to a shell that is PID 1',
		statement:
			"A non-interactive shell leaves TERM and HUP at their defaults, so as PID 1 it drops them. dash and ash catch INT: it takes effect when the foreground command finishes, and the shell exits 130. With `trap 'cmd' TERM`, a signal that arrives while a foreground command runs is acted on only after that command finishes (the child is not signalled); during the `wait` builtin it interrupts at once, `wait` returns 128+N and the trap runs.",
		source: 'POSIX XCU 2.11; busybox shell/ash.c (setsignal, waitcmd); bash manual, Signals',
	},
	{
		id: 'R-EXEC-8',
		title: 'A shell reaps only while it waits',
		statement:
			"Shells wait with waitpid(-1), so while waiting for a foreground command or inside `wait` they reap any child, orphans moved to them included. Nothing is reaped once the shell has exec'd its last command, during a loop of builtins only, or while it blocks in `read`.",
		source: 'busybox shell/ash.c (waitproc, dowait)',
	},
	{
		id: 'R-EXEC-9',
		title: 'Exit statuses',
		statement:
			"The container's exit code is PID 1's wait status as containerd reports it: exit(N) gives N mod 256, death by signal N gives 128+N. The status of `sh -c` is that of its last command, or N for `exit N`. A command not found is 127 (`sh: foo: not found`, dash `sh: 1: foo: not found`, bash `bash: foo: command not found`), found but not executable 126. A child killed by signal N gives `$?` = 128+N. `set -e` exits on the first failing simple command outside tests.",
		source: 'containerd pkg/sys/reaper/reaper_unix.go; busybox shell/ash.c (getstatus); POSIX XCU 2.8.2',
	},
	{
		id: 'R-EXEC-10',
		title: 'Common images: entrypoint, command and stop signal',
		statement:
			"Each image brings an ENTRYPOINT, a CMD and a STOPSIGNAL: nginx runs /docker-entrypoint.sh then `nginx -g 'daemon off;'` and stops on SIGQUIT; busybox and alpine run `sh`, debian and ubuntu `bash`, python `python3` (all read EOF and exit 0 with no tty); redis runs redis-server; agnhost, goproxy and etcd are Go programs; pause runs /pause. An image or binary podplay does not know runs as a plain process until stopped, and podplay says so in a note.",
		source:
			'nginx/docker-nginx Dockerfile; docker-library Dockerfiles (redis, python, busybox, debian); kubernetes test/images (agnhost, goproxy)',
	},
	{
		id: 'R-EXEC-11',
		title: 'nginx: a master and its workers',
		statement:
			"The nginx master retitles itself `nginx: master process nginx -g daemon off;` and forks `worker_processes` workers (auto: the node's online CPUs with glibc). TERM and INT: fast shutdown; QUIT: graceful shutdown, exit 0; HUP: reload with new workers under the same master; a worker that dies is respawned. `nginx -s quit|stop|reload` sends QUIT, TERM or HUP to the master.",
		source: 'nginx src/os/unix/ngx_process_cycle.c, ngx_process.c; nginx.org/en/docs/control.html',
	},
	{
		id: 'R-EXEC-12',
		title: 'What nginx writes',
		statement:
			'The image links access.log to stdout and error.log to stderr. Start and stop lines go to the error log at notice level; each request, probes included (user agent kube-probe/x.y), adds an access line, so httpGet probes against nginx show in `kubectl logs`.',
		source: 'nginx/docker-nginx Dockerfile and docker-entrypoint.sh; nginx src/event/ngx_event.c',
	},
	{
		id: 'R-EXEC-13',
		title: 'Go binaries as PID 1 exit 2 on SIGTERM',
		statement:
			'The Go runtime handles every signal; on a SIGTERM that no signal.Notify wants it resets to the default and re-raises, which PID 1 drops, so the runtime falls through to exit(2). agnhost and goproxy therefore end with exit code 2 (Error) at once. Programs that Notify decide for themselves: etcd exits 0 when it is PID 1.',
		source: 'golang/go src/runtime/signal_unix.go (dieFromSignal); etcd pkg/osutil/interrupt_unix.go',
	},
	{
		id: 'R-EXEC-14',
		title: 'redis saves and exits 0 on SIGTERM',
		statement:
			"The official redis image's PID 1 is `redis-server *:6379`. On SIGTERM or SIGINT it logs that it is scheduling shutdown, saves the final RDB snapshot when save points are configured, says it is ready to exit, and exits 0.",
		source: 'docker-library/redis docker-entrypoint.sh; redis src/server.c',
	},
	{
		id: 'R-EXEC-15',
		title: '`python -m http.server` ignores SIGTERM and buffers its start line',
		statement:
			'Python handles only SIGINT, so as PID 1 SIGTERM is ignored and the container dies by SIGKILL at the grace deadline (137). The start line goes to stdout, which is block-buffered without a tty, so it does not reach the log; request lines go to stderr at once.',
		source: 'CPython Lib/http/server.py; docker-library/python Dockerfile (no PYTHONUNBUFFERED)',
	},
	{
		id: 'R-EXEC-16',
		title: 'Idle keep-alive commands ignore SIGTERM',
		statement:
			"`sleep N`, `sleep infinity` and `tail -f /dev/null` install no handlers, so as PID 1 they ignore SIGTERM and deletion ends in SIGKILL (137) after the grace period. busybox `sleep` accepts `infinity` only from 1.31: busybox:1.28 prints `sleep: invalid number 'infinity'` and exits 1.",
		source: 'busybox coreutils/sleep.c (1_31_0); GNU coreutils sleep(1)',
	},
	{
		id: 'R-EXEC-17',
		title: 'Shells and REPLs without a tty exit at once',
		statement:
			'Without `stdin: true` the process starts with stdin on /dev/null: `sh`, `bash` and `python3` read EOF and exit 0, so under restartPolicy Always the container goes into CrashLoopBackOff with no log lines.',
		source: 'containerd internal/cri/server/container_create.go; cmd/containerd-shim-runc-v2/process/io.go',
	},
	{
		id: 'R-EXEC-18',
		title: 'stress against the memory limit',
		statement:
			'`stress --vm 1 --vm-bytes N` forks one worker that allocates N bytes. Over the container memory limit, with cgroup v2 and memory.oom.group (Kubernetes 1.28+), the OOM killer kills the whole container: exit 137, reason OOMKilled. Under the limit it runs until stopped, ignoring SIGTERM.',
		source: 'containerd internal/cri/server/events.go (TaskOOM); Kubernetes docs, assign memory resources',
	},
	{
		id: 'R-EXEC-19',
		title: 'Workloads and other kinds in a manifest file',
		statement:
			'podplay runs Pods on one node. A Deployment, ReplicaSet, StatefulSet, DaemonSet, Job or CronJob runs one pod from its pod template, named as its controller names pods (Deployment `name-<hash>-<5 chars>`, StatefulSet `name-0`, others `name-<5 chars>`); the controller itself is not simulated. Other kinds (Service, ConfigMap, …) are skipped. Both say so in a note.',
		source:
			'Kubernetes pkg/controller (replicaset, statefulset, job) pod naming; apimachinery util/rand SafeEncodeString',
	},
	{
		id: 'R-EXEC-20',
		title: 'ConfigMap and Secret volumes',
		statement:
			'A volume `configMap: {name}` or `secret: {secretName}` holds one file per key of the object (`data`, and for a Secret `stringData`, base64-decoded `data`), or only the keys listed in `items`, each at its `path`. The containers that mount it read them (`cat /etc/config/KEY`). A ConfigMap or Secret in the same file provides them; the object is otherwise not simulated. When the object is missing and the volume is not `optional`, the kubelet waits with FailedMount (`configmap "NAME" not found`); podplay mounts it empty and says so in a note.',
		source:
			'Kubernetes pkg/volume/configmap and pkg/volume/secret (MakePayload); docs: Configure a Pod to use a ConfigMap, Secrets',
	},
];
