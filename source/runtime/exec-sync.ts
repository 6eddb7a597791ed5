// CRI ExecSync (R-HOOK-2, R-PROBE-1, R-PROBE-2): exec probes and exec hooks are short-lived
// processes the shim starts inside the container's namespaces: a sibling of PID 1 on the host,
// PPID 0 inside, the next PID there. Their output goes back to the kubelet, not to the log.
import {addTimer, emit, forceKill, forkProcess, proc} from '../kernel/index.js';
import {lookupImage, resolveExec} from '../programs/index.js';
import {specCall} from '../programs/params.js';
import {containerEnv} from './argv.js';
import {containerSpec, type RtCtx} from './context.js';
import type {ContainerStatus, ExecPurpose, PodState} from './types.js';

export type ExecDone = {ok: boolean; code: number; output: string; timedOut?: boolean};

/**
 * Starts `command` in the container; returns its host PID, or the error text when it cannot start
 * (a missing binary: the exec fails, as a non-zero exit would).
 */
export function startExec(
	r: RtCtx,
	pod: PodState,
	c: ContainerStatus,
	command: string[],
	purpose: ExecPurpose,
	timeoutMs?: number,
): {pid: number} | {error: string; unanswered?: true} {
	const main = c.pid === undefined ? undefined : proc(r.k, c.pid);
	const shim = pod.sandbox ? proc(r.k, pod.sandbox.shim) : undefined;
	if (!main || !shim || main.state === 'Z') return {error: 'container is not running'};
	// R-PROBE-2: containerd asks the shim to start the exec; a stopped shim never answers, so no
	// process starts (none is left a zombie its stopped parent cannot reap, holding the container's
	// PID namespace open) and the kubelet's call runs out of time.
	if (shim.state === 'T')
		return {
			error: `containerd-shim ${shim.hostPid} is stopped: the exec request is never answered`,
			unanswered: true,
		};
	const spec = containerSpec(pod, c.name);
	const image = lookupImage(spec.image);
	const resolved = resolveExec(command, {
		...(image ? {image} : {}),
		imageRef: spec.image,
		env: containerEnv(spec, pod.name),
	});
	if (!resolved.ok) return {error: resolved.error};
	r.rt.execSeq = (r.rt.execSeq ?? 0) + 1;
	const stream = `exec:${pod.name}/${c.name}/${r.rt.execSeq}`;
	const result = forkProcess(r.k, shim, {
		program: specCall(resolved.spec),
		comm: (resolved.spec.comm ?? command[0] ?? 'exec').slice(0, 15),
		argv: command,
		join: {pid: main.ns.pid, mnt: main.ns.mnt, ipc: main.ns.ipc, net: main.ns.net, uts: main.ns.uts},
		cgroup: main.cgroup,
		stdout: stream,
		labels: {pod: pod.name, container: c.name, exec: purpose.kind},
		resetMask: true,
	});
	if ('errno' in result) return {error: `failed to exec in container: ${result.errno}`};
	const pid = result.child.hostPid;
	(r.rt.execs ??= {})[pid] = {
		pod: pod.name,
		uid: pod.uid,
		container: c.name,
		startedAt: c.startedAt ?? 0,
		stream,
		command,
		purpose,
	};
	emit(
		r.k,
		purpose.kind === 'probe' ? 'R-PROBE-1' : 'R-HOOK-2',
		'exec',
		`${pod.name}/${c.name}: ${purpose.kind === 'probe' ? `${purpose.probe} probe` : purpose.kind} runs \`${command.join(' ')}\` as ${pid} in the container's namespaces, started by containerd-shim ${shim.hostPid}`,
		{pid, data: {pod: pod.name, container: c.name}},
	);
	if (timeoutMs !== undefined)
		addTimer(r.k, r.k.k.now + timeoutMs, 'runtime', 'exec-timeout', undefined, {
			pod: pod.name,
			uid: pod.uid,
			pid,
		});
	return {pid};
}

/** The exec's process exited: its record, with what it wrote (stdout then stderr, up to 10 KiB). */
export function finishExec(r: RtCtx, pid: number, code: number) {
	const record = r.rt.execs?.[pid];
	if (!record) return undefined;
	delete r.rt.execs![pid];
	const output = (r.k.k.streams[record.stream] ?? []).join('\n').slice(0, 10 * 1024);
	delete r.k.k.streams[record.stream];
	return {
		record,
		done: {ok: code === 0, code, output, ...(record.timedOut ? {timedOut: true} : {})} as ExecDone,
	};
}

/** R-PROBE-2: at the timeout containerd SIGKILLs the exec process (its children are left behind). */
export function execTimedOut(r: RtCtx, pid: number): void {
	const record = r.rt.execs?.[pid];
	const p = proc(r.k, pid as never);
	if (!record || !p || p.state === 'Z') return;
	record.timedOut = true;
	forceKill(r.k, p);
}
