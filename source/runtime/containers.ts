// Starting containers and reacting to their end: the runtime side of R-POD-1, R-POD-5, R-RESTART-1,2.
import {
	addTimer,
	type CgroupLimits,
	createCgroup,
	type ExitStatus,
	emit,
	forceKill,
	forkProcess,
	type MntNamespace,
	proc,
	signalNumbers,
	tableValues,
} from '../kernel/index.js';
import {specCall} from '../programs/index.js';
import {containerSpec, logStream, note, podCgroup, podEvent, type RtCtx} from './context.js';
import {startPostStart} from './hooks.js';
import {scheduleProbes} from './probes.js';
import {containerRun} from './programs.js';
import type {ContainerStatus, PodState, Terminated} from './types.js';

const initialBackoff = 10_000;
const maxBackoff = 300_000;
/** R-RESTART-2: back-off resets once a container ran longer than 2 × the maximum. */
const backoffReset = 2 * maxBackoff;

function ensureCgroup(r: RtCtx, path: string, parent: string, limits: CgroupLimits): void {
	if (!r.k.k.cgroups[parent]) createCgroup(r.k, parent, parent.slice(0, parent.lastIndexOf('/')) || '/', {});
	if (!r.k.k.cgroups[path]) createCgroup(r.k, path, parent, limits);
}

export function podCgroupFor(r: RtCtx, pod: PodState): string {
	ensureCgroup(
		r,
		podCgroup(pod),
		'/kubepods',
		r.rt.podPidsLimit === undefined ? {} : {pidsMax: r.rt.podPidsLimit},
	);
	return podCgroup(pod);
}

/** R-POD-1: the shim starts the container's main process in the sandbox's namespaces. */
export function startContainer(r: RtCtx, pod: PodState, c: ContainerStatus): void {
	const sandbox = pod.sandbox;
	const shim = sandbox ? proc(r.k, sandbox.shim) : undefined;
	if (!sandbox || !shim) return;
	const spec = containerSpec(pod, c.name);
	const run = containerRun(pod, c.name);
	if (!run.ok) {
		startFailed(r, pod, c, run.error, run.reason);
		return;
	}
	// Never silently wrong: what is not simulated is said once, when the container first starts.
	if (c.restartCount === 0)
		for (const text of run.notes) note(r, 'R-EXEC-10', `${pod.name}/${c.name}: ${text}`);
	const program = run.program;
	const cgroup = `${podCgroupFor(r, pod)}/${c.name}`;
	// R-STATUS-4: Kubernetes 1.28+ sets memory.oom.group: the whole container dies together.
	ensureCgroup(r, cgroup, podCgroup(pod), {
		...(spec.memoryLimit === undefined ? {} : {memoryMax: spec.memoryLimit}),
		oomGroup: true,
	});
	const privatePid = !pod.spec.shareProcessNamespace && !pod.spec.hostPID;
	const params = {...specCall(program).params};
	if (program.program === 'app' && params.port === undefined && spec.ports[0])
		params.port = spec.ports[0].containerPort;
	const result = forkProcess(r.k, shim, {
		program: {name: program.program, params},
		comm: program.comm ?? program.program,
		argv: run.argv,
		flags: {pid: privatePid, mnt: true},
		join: {
			ipc: sandbox.ipcNs,
			net: sandbox.netNs,
			uts: sandbox.utsNs,
			...(privatePid ? {} : {pid: sandbox.pidNs}),
		},
		cgroup,
		stdout: logStream(pod.name, c.name, c.restartCount),
		labels: {pod: pod.name, container: c.name},
		resetMask: true,
		// runc's init calls setsid(): a container's first process leads its own session and group.
		setsid: true,
	});
	if ('errno' in result) {
		startFailed(r, pod, c, `failed to start container "${c.name}": ${result.errno}`);
		return;
	}
	const child = result.child;
	mountVolumes(r, pod, child.ns.mnt, spec.volumeMounts);
	if (typeof program.from === 'string') seedImageFile(r, child.ns.mnt, program.from);
	c.state = 'running';
	delete c.reason;
	delete c.message;
	delete c.exitCode;
	delete c.signal;
	c.pid = child.hostPid;
	c.startedAt = r.k.k.now;
	delete c.finishedAt;
	c.stopping = false;
	delete c.postStartPending;
	delete c.probing;
	delete c.kill;
	c.started = !spec.startupProbe;
	c.ready = c.kind !== 'init' && c.started && !spec.readinessProbe;
	c.probes = {
		startup: {successes: 0, failures: 0},
		liveness: {successes: 0, failures: 0},
		readiness: {successes: 0, failures: 0},
	};
	const rule = c.restartCount > 0 ? 'R-RESTART-1' : 'R-POD-1';
	podEvent(r, pod, 'Normal', 'Pulled', `Container image "${spec.image}" already present on machine`, rule);
	podEvent(r, pod, 'Normal', 'Created', `Created container: ${c.name}`, rule);
	podEvent(
		r,
		pod,
		'Normal',
		'Started',
		`Started container ${c.name} (host PID ${child.hostPid}, PID ${child.pids.at(-1)} in its PID namespace)`,
		rule,
	);
	scheduleProbes(r, pod, c, spec);
	startPostStart(r, pod, c);
}

function mountVolumes(
	r: RtCtx,
	pod: PodState,
	mntNs: number,
	mounts: {name: string; mountPath: string}[],
): void {
	const mnt = r.k.k.namespaces[mntNs] as MntNamespace | undefined;
	if (!mnt) return;
	for (const mount of mounts) {
		const id = `emptyDir:${pod.uid}/${mount.name}`;
		mnt.mounts[mount.mountPath] = id;
		// R-EXEC-20: a ConfigMap or Secret volume holds its object's keys as files.
		const files = pod.spec.volumes.find((v) => v.name === mount.name)?.files;
		if (files && !r.k.k.volumes[id])
			r.k.k.volumes[id] = {
				files: Object.fromEntries(Object.entries(files).map(([path, text]) => [path, [...text]])),
			};
	}
}

/** The file an init container copies comes from its image. */
function seedImageFile(r: RtCtx, mntNs: number, path: string): void {
	const volume = (r.k.k.volumes[`rootfs:${mntNs}`] ??= {files: {}});
	volume.files[path] = ['<binary web archive>'];
}

/**
 * R-STATUS-2, R-EXEC-3: StartError — terminated with exit code 128, never started; the restart policy
 * decides. An empty argv never gets that far: CreateContainerError, waiting.
 */
function startFailed(
	r: RtCtx,
	pod: PodState,
	c: ContainerStatus,
	error: string,
	reason: 'RunContainerError' | 'CreateContainerError' = 'RunContainerError',
): void {
	if (reason === 'CreateContainerError') {
		c.state = 'waiting';
		c.reason = reason;
		c.message = error;
		podEvent(r, pod, 'Warning', 'Failed', `Error: ${error}`, 'R-EXEC-1');
		return;
	}
	c.state = 'terminated';
	c.reason = 'StartError';
	c.exitCode = 128;
	c.startedAt = r.k.k.now;
	c.finishedAt = r.k.k.now;
	c.ready = false;
	c.started = false;
	delete c.pid;
	podEvent(
		r,
		pod,
		'Warning',
		'Failed',
		`Error: ${error}`,
		reason === 'RunContainerError' && error.includes('runc') ? 'R-EXEC-3' : 'R-STATUS-2',
	);
	if (!pod.ending && shouldRestart(pod, c) && !(c.kind === 'sidecar' && mainContainersDone(pod)))
		scheduleRestart(r, pod, c);
}

/** Every regular container has finished for good (no restart coming). */
export function mainContainersDone(pod: PodState): boolean {
	return pod.containers
		.filter((x) => x.kind === 'app')
		.every((x) => x.state === 'terminated' && !shouldRestart(pod, x));
}

/** R-RESTART-4: under Never a failed init container fails the pod. */
export function initFailedForGood(pod: PodState): boolean {
	return pod.containers.some(
		(x) => x.kind === 'init' && x.state === 'terminated' && x.exitCode !== 0 && !shouldRestart(pod, x),
	);
}

export function exitCode(status: ExitStatus): number {
	return 'code' in status ? status.code : 128 + signalNumbers[status.signal];
}

/** The runtime's exit reason (R-STATUS-2, R-STATUS-4). */
export function exitReason(status: ExitStatus): string {
	if ('signal' in status && status.oom) return 'OOMKilled';
	return exitCode(status) === 0 ? 'Completed' : 'Error';
}

/** R-POD-5: a container ends when its own main process exits. */
export function markTerminated(
	r: RtCtx,
	pod: PodState,
	c: ContainerStatus,
	status: ExitStatus,
	at: number,
): void {
	c.state = 'terminated';
	c.exitCode = exitCode(status);
	if ('signal' in status) c.signal = status.signal;
	else delete c.signal;
	c.reason = exitReason(status);
	c.finishedAt = at;
	delete c.pid;
	c.ready = false;
	c.started = false;
	const how = 'signal' in status ? `killed by ${status.signal}` : `exited with code ${status.code}`;
	// Not a `kubectl describe` event: the container's state says it; the why pane names the rule.
	emit(
		r.k,
		c.reason === 'OOMKilled' ? 'R-STATUS-4' : 'R-POD-5',
		'container-exit',
		`${pod.name}: container ${c.name}: main process ${how} → ${c.reason}, exit code ${c.exitCode}`,
		{data: {pod: pod.name, container: c.name, exitCode: c.exitCode, reason: c.reason}},
	);
	// R-POD-5: without a private PID namespace the kernel does not clean up: the shim kills the rest.
	if (pod.spec.shareProcessNamespace || pod.spec.hostPID) killContainerProcesses(r, pod, c.name);
}

export function killContainerProcesses(r: RtCtx, pod: PodState, container: string): void {
	for (const p of [...tableValues(r.k.k.procs)]) {
		if (p.labels.pod === pod.name && p.labels.container === container && p.state !== 'Z') {
			const live = proc(r.k, p.hostPid);
			if (live) forceKill(r.k, live);
		}
	}
}

/** R-RESTART-1: restartPolicy covers app and init containers (init as OnFailure); sidecars always restart. */
export function shouldRestart(pod: PodState, c: ContainerStatus): boolean {
	if (c.kind === 'sidecar') return true;
	const failed = c.exitCode !== 0;
	if (c.kind === 'init') return failed && pod.spec.restartPolicy !== 'Never';
	if (pod.spec.restartPolicy === 'Always') return true;
	return pod.spec.restartPolicy === 'OnFailure' && failed;
}

/**
 * R-RESTART-2 (doBackOff): the first exit restarts at once and sets the delay to 10 s; later exits
 * wait in CrashLoopBackOff until finishedAt + delay, then restart and double it, up to 300 s.
 */
export function scheduleRestart(r: RtCtx, pod: PodState, c: ContainerStatus): void {
	const finishedAt = c.finishedAt ?? r.k.k.now;
	if (c.backoff > 0 && finishedAt - (c.lastRestartAt ?? c.startedAt ?? 0) > backoffReset)
		c.backoff = initialBackoff;
	if (c.backoff === 0) {
		c.backoff = initialBackoff;
		restartContainer(r, pod, c);
		return;
	}
	// R-STATUS-3: while it waits, the run that just ended is its last termination (kubectl's
	// RESTARTS "(Xs ago)" counts from its finishedAt).
	c.lastState = lastTermination(c, finishedAt);
	c.state = 'waiting';
	c.reason = 'CrashLoopBackOff';
	c.message = `back-off ${c.backoff / 1000}s restarting failed container=${c.name} pod=${pod.name}_${pod.spec.namespace}(${pod.uid})`;
	podEvent(
		r,
		pod,
		'Warning',
		'BackOff',
		`Back-off restarting failed container ${c.name} in pod ${pod.name}_${pod.spec.namespace}(${pod.uid})`,
		'R-RESTART-2',
	);
	addTimer(r.k, finishedAt + c.backoff, 'runtime', 'restart', undefined, {
		pod: pod.name,
		uid: pod.uid,
		container: c.name,
		finishedAt,
	});
}

function lastTermination(c: ContainerStatus, now: number): Terminated {
	return {
		exitCode: c.exitCode ?? 0,
		...(c.signal ? {signal: c.signal} : {}),
		reason: c.reason ?? 'Completed',
		startedAt: c.startedAt ?? 0,
		finishedAt: c.finishedAt ?? now,
	};
}

export function restartContainer(r: RtCtx, pod: PodState, c: ContainerStatus): void {
	// Back from CrashLoopBackOff, the last termination was recorded when the wait began.
	if (!(c.state === 'waiting' && c.reason === 'CrashLoopBackOff'))
		c.lastState = lastTermination(c, r.k.k.now);
	c.restartCount += 1;
	c.lastRestartAt = r.k.k.now;
	// R-LOG-4: the kubelet keeps the current and the previous instance; older logs go with their container.
	if (c.restartCount >= 2) delete r.k.k.streams[logStream(pod.name, c.name, c.restartCount - 2)];
	startContainer(r, pod, c);
}

/** The restart timer fired: restart and double the delay (R-RESTART-2). */
export function backoffExpired(r: RtCtx, pod: PodState, c: ContainerStatus): void {
	if (c.state !== 'waiting' || c.reason !== 'CrashLoopBackOff' || pod.ending) return;
	// R-RESTART-5: a sidecar is not restarted once the main containers are done.
	if (c.kind === 'sidecar' && (mainContainersDone(pod) || initFailedForGood(pod))) return;
	c.backoff = Math.min(c.backoff * 2, maxBackoff);
	restartContainer(r, pod, c);
}

export function newStatus(name: string, kind: ContainerStatus['kind'], reason: string): ContainerStatus {
	return {
		name,
		kind,
		state: 'waiting',
		reason,
		restartCount: 0,
		ready: false,
		started: false,
		backoff: 0,
		probes: {
			startup: {successes: 0, failures: 0},
			liveness: {successes: 0, failures: 0},
			readiness: {successes: 0, failures: 0},
		},
	};
}
