// Probes (R-PROBE): where each kind runs, its timing, counting, results and event texts.
import type {Rule} from './types.js';

export const probeRules: readonly Rule[] = [
	{
		id: 'R-PROBE-1',
		title: 'Where each probe runs',
		statement:
			"An exec probe runs inside the container through CRI ExecSync (a process under the shim, PPID 0 inside, a new PID each run). httpGet, tcpSocket and grpc probes are made by the kubelet from the node's network namespace to the pod IP, so they are ordinary traffic to the app and show in its access log.",
		source: 'Kubernetes pkg/kubelet/prober/prober.go',
	},
	{
		id: 'R-PROBE-2',
		title: 'exec probes',
		statement:
			"Success is exit code 0, failure any other. The output (stdout and stderr, up to 10 KiB) becomes the event text, e.g. `cat: can't open '/tmp/healthy': No such file or directory`. On timeout the exec process is SIGKILLed (its children become orphans of PID 1) and the probe fails with `command \"<cmd>\" timed out`.",
		source:
			'Kubernetes pkg/probe/exec/exec.go; cri-client remote_runtime.go (ExecSync); containerd container_execsync.go',
	},
	{
		id: 'R-PROBE-3',
		title: 'httpGet probes',
		statement:
			'The kubelet sends GET with User-Agent kube-probe/<major>.<minor>. Status 200–399 is success; any other is `HTTP probe failed with statuscode: N`. Transport errors fail with Go\'s text: `Get "<scheme>://IP:PORT/path": dial tcp IP:PORT: connect: connection refused`.',
		source: 'Kubernetes pkg/probe/http/http.go, request.go',
	},
	{
		id: 'R-PROBE-4',
		title: 'tcpSocket probes',
		statement:
			'Success means connect() completed; the socket is closed at once and nothing is sent. Failure carries the dial error: `dial tcp IP:PORT: connect: connection refused`.',
		source: 'Kubernetes pkg/probe/tcp/tcp.go',
	},
	{
		id: 'R-PROBE-5',
		title: 'grpc probes',
		statement:
			'The kubelet calls grpc.health.v1.Health/Check on podIP:port (numeric ports only). SERVING is success; otherwise the failure reads e.g. `service unhealthy (responded with "NOT_SERVING")`, `timeout: failed to connect service "IP:port" within 1s: …` or `error: this server does not implement the grpc health protocol (grpc.health.v1.Health): …`.',
		source: 'Kubernetes pkg/probe/grpc/grpc.go',
	},
	{
		id: 'R-PROBE-6',
		title: 'containerPort is informational',
		statement:
			'A numeric probe port is used as given: a probe to any port a process listens on works whether or not containerPort declares it. A named port must match a ports[].name of the container, or the probe errors and its result is thrown away.',
		source: 'Kubernetes pkg/probe/util.go (ResolveContainerPort); core/v1 types.go (Container.Ports)',
	},
	{
		id: 'R-PROBE-7',
		title: 'Probe timing',
		statement:
			'Each probe has a worker that ticks every periodSeconds. A tick probes only while the container is Running, at least initialDelaySeconds after it started, and (for liveness and readiness) after its startup probe passed, so the first probe lands in [initialDelay, initialDelay + period). Defaults: period 10 s, timeout 1 s, failureThreshold 3, successThreshold 1.',
		source: 'Kubernetes pkg/kubelet/prober/worker.go (run, doProbe)',
	},
	{
		id: 'R-PROBE-8',
		title: 'Counting and results',
		statement:
			'A run of identical results is counted; the result changes only when the run reaches failureThreshold or successThreshold. Liveness starts Success, readiness Failure, startup Unknown. A liveness worker that reached Failure holds until a new container instance, which starts with fresh counters.',
		source: 'Kubernetes pkg/kubelet/prober/worker.go',
	},
	{
		id: 'R-PROBE-9',
		title: 'Liveness and startup failure kill and restart',
		statement:
			'At the threshold the kubelet kills the container with `Killing "Container c failed liveness probe, will be restarted"`, runs preStop, sends the stop signal with the grace period, and restarts it under the restart policy (the first restart at once).',
		source:
			'Kubernetes pkg/kubelet/kuberuntime/kuberuntime_manager.go (computePodActions), kuberuntime_container.go (killContainer)',
	},
	{
		id: 'R-PROBE-10',
		title: 'Readiness failure only flips READY',
		statement:
			"A failing readiness probe sets the container's ready to false (READY 0/1) and takes the pod out of Service endpoints; nothing is killed or restarted. Readiness probes run for the container's whole life.",
		source: 'Kubernetes pkg/kubelet/kubelet.go (readiness manager)',
	},
	{
		id: 'R-PROBE-11',
		title: 'Probe events',
		statement:
			'Every failed run emits `Warning Unhealthy "<Liveness|Readiness|Startup> probe failed: <output>"`; kubectl aggregates repeats as `(x3 over 20s)`. Successes emit nothing.',
		source: 'Kubernetes pkg/kubelet/prober/prober.go (recordContainerEvent)',
	},
	{
		id: 'R-PROBE-12',
		title: 'Probes around deletion',
		statement:
			'Once the pod is being deleted, liveness and startup probes stop; readiness goes on. Probes of a terminated pod stop.',
		source: 'Kubernetes pkg/kubelet/prober/worker.go (doProbe)',
	},
];
