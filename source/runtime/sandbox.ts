// The pod sandbox: a shim (subreaper) and pause, which creates the pod's IPC and UTS namespaces
// and joins the pinned pod network namespace (R-POD-1, R-POD-2, R-POD-3, R-POD-6).
import {createPinnedNs, emit, forkProcess, tableGet} from '../kernel/index.js';
import {podCgroupFor} from './containers.js';
import type {RtCtx} from './context.js';
import type {PodState} from './types.js';

export function startSandbox(r: RtCtx, pod: PodState): boolean {
	const init = tableGet(r.k.k.procs, 1)!;
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
	const netNs = spec.hostNetwork
		? undefined
		: createPinnedNs(r.k, 'net', r.rt.containerd ?? init.hostPid, `CNI netns /var/run/netns/cni-${pod.uid}`);
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
		labels: {pod: pod.name, container: 'POD'},
	});
	if ('errno' in pause) return false;
	const p = pause.child;
	pod.sandboxes += 1;
	pod.sandbox = {
		attempt: pod.sandboxes,
		shim: shim.child.hostPid,
		pause: p.hostPid,
		pidNs: p.ns.pid,
		ipcNs: p.ns.ipc,
		netNs: p.ns.net,
		utsNs: p.ns.uts,
		ready: true,
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
