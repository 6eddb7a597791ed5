// The pod sandbox: a shim (subreaper) and pause, which creates the pod's IPC and UTS namespaces
// and joins the pinned pod network namespace (R-POD-1, R-POD-2, R-POD-3, R-POD-6).
import {
	createPinnedNs,
	emit,
	exitProcess,
	forkProcess,
	proc,
	sendSignal,
	tableValues,
	unpinNs,
} from '../kernel/index.js';
import {podCgroupFor} from './containers.js';
import type {RtCtx} from './context.js';
import type {PodState} from './types.js';

export function startSandbox(r: RtCtx, pod: PodState): boolean {
	const init = proc(r.k, 1)!;
	const {spec} = pod;
	const shim = forkProcess(r.k, init, {
		program: {name: 'shim'},
		comm: 'containerd-shim',
		argv: ['/usr/bin/containerd-shim-runc-v2', '-namespace', 'k8s.io', '-id', pod.uid],
		labels: {pod: pod.name, role: 'shim'},
	});
	if ('errno' in shim) return false;
	const cgroup = podCgroupFor(r, pod);
	// R-POD-1: the pod network namespace is made for CNI and pinned first; pause joins it.
	const netPin = `CNI netns /var/run/netns/cni-${pod.uid}`;
	const netNs = spec.hostNetwork
		? undefined
		: createPinnedNs(r.k, 'net', r.rt.containerd ?? init.hostPid, netPin);
	const pause = forkProcess(r.k, shim.child, {
		program: {name: 'pause'},
		comm: 'pause',
		argv: ['/pause'],
		// R-POD-2: host* flags use the node's namespaces instead of new ones.
		flags: {
			pid: !spec.hostPID,
			ipc: !spec.hostIPC,
			uts: !spec.hostNetwork,
			mnt: true,
		},
		...(netNs === undefined ? {} : {join: {net: netNs}}),
		cgroup,
		// pause is a container's first process too: runc makes it a session leader.
		setsid: true,
		labels: {pod: pod.name, container: 'POD'},
	});
	if ('errno' in pause) return false;
	const p = pause.child;
	pod.sandboxes += 1;
	pod.ipcNamespaces = [...(pod.ipcNamespaces ?? []), p.ns.ipc];
	pod.sandbox = {
		attempt: pod.sandboxes,
		shim: shim.child.hostPid,
		pause: p.hostPid,
		pidNs: p.ns.pid,
		ipcNs: p.ns.ipc,
		netNs: p.ns.net,
		utsNs: p.ns.uts,
		ready: true,
		...(netNs === undefined ? {} : {netPin}),
	};
	const made = [!spec.hostPID && 'PID', !spec.hostIPC && 'IPC', !spec.hostNetwork && 'UTS']
		.filter(Boolean)
		.join(', ');
	emit(
		r.k,
		'R-POD-1',
		'sandbox',
		`sandbox ${pod.sandboxes} of pod ${pod.name}: containerd-shim ${shim.child.hostPid} starts pause ${p.hostPid}, which ${made ? `creates the pod's ${made} namespaces` : 'uses the node’s namespaces'}${spec.hostNetwork ? ' and the node network' : ' and joins the pinned pod network namespace'}`,
		{pid: p.hostPid, data: {pod: pod.name}},
	);
	return true;
}

/**
 * R-POD-9: the pod has finished (nothing runs, nothing will start): the kubelet calls StopPodSandbox.
 * containerd SIGKILLs pause (its IPC, UTS and PID namespaces die with it, queues included unless
 * hostIPC), unpins and removes the pod network namespace, and the shim, with no task left, exits.
 * The sandbox object stays, NotReady, until the pod is deleted.
 */
export function stopSandbox(r: RtCtx, pod: PodState, phase: string): void {
	const sandbox = pod.sandbox;
	if (!sandbox || sandbox.stopped) return;
	sandbox.ready = false;
	sandbox.stopped = true;
	const pause = sandbox.pause === undefined ? undefined : proc(r.k, sandbox.pause);
	delete sandbox.pause;
	emit(
		r.k,
		'R-POD-9',
		'sandbox-stopped',
		`pod ${pod.name} has finished (${phase}): nothing runs and nothing will start, so the kubelet stops its sandbox: containerd SIGKILLs pause${pause ? ` ${pause.hostPid}` : ''}, the pod's namespaces die with it${pod.spec.hostIPC ? ' (its queues live in the node’s IPC namespace: hostIPC)' : ', queues included'}, and the pod network is torn down`,
		{data: {pod: pod.name}, ...(pause ? {pid: pause.hostPid} : {})},
	);
	if (pause && pause.state !== 'Z') sendSignal(r.k, 'host', pause, 'SIGKILL');
	if (sandbox.netPin) {
		unpinNs(r.k, sandbox.netNs, sandbox.netPin);
		delete sandbox.netPin;
	}
	const shim = proc(r.k, sandbox.shim);
	if (shim && shim.state !== 'Z' && !shim.exiting) exitProcess(r.k, shim, {code: 0});
}

/**
 * R-POD-10: containerd-shim died: containerd cleans up after it (`shim delete`, `runc delete
 * --force`) and SIGKILLs the processes it supervised — pause and every container process — instead
 * of leaving them under the node's init. The kubelet then finds the sandbox NOT_READY (R-POD-8).
 */
export function cleanupAfterDeadShim(r: RtCtx, pod: PodState): void {
	const victims = [...tableValues(r.k.k.procs)].filter(
		(p) => p.labels.pod === pod.name && p.labels.role !== 'shim' && p.state !== 'Z' && !p.exiting,
	);
	emit(
		r.k,
		'R-POD-10',
		'shim-cleanup',
		`containerd-shim of pod ${pod.name} died: containerd cleans up after it and SIGKILLs the ${victims.length} process(es) it supervised (pause and the containers)`,
		{data: {pod: pod.name}},
	);
	for (const victim of victims) {
		const live = proc(r.k, victim.hostPid);
		if (live && live.state !== 'Z' && !live.exiting) sendSignal(r.k, 'host', live, 'SIGKILL');
	}
}
