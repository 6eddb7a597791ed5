// A freshly booted node: the root namespaces, the root cgroup and the host's PID 1.

import {defaultPidMax, ipcDefaults} from './namespaces.js';
import {seedState} from './random.js';
import type {ProgramCall} from './syscalls.js';
import {tableSet} from './table.js';
import type {HostPid, Kernel, NsPid, Process} from './types.js';

export type BootOptions = {
	seed?: number;
	/** Node memory in bytes (default 8 GiB). */
	memory?: number;
	/** kernel.pid_max (default 4194304). */
	pidMax?: number;
	hostname?: string;
	/** What runs as the host's PID 1 (default: an idle `init`). */
	init?: ProgramCall & {comm?: string};
};

/** The inode numbers a real host shows for its initial namespaces. */
const rootIds = {
	pid: 4026531836,
	ipc: 4026531839,
	uts: 4026531838,
	net: 4026531840,
	mnt: 4026531841,
} as const;

export function bootKernel(options: BootOptions = {}): Kernel {
	const pidMax = options.pidMax ?? defaultPidMax;
	const hostPid = 1 as HostPid;
	const init: Process = {
		hostPid,
		pids: [1 as NsPid],
		ns: {...rootIds},
		parent: 0 as HostPid,
		children: [],
		comm: options.init?.comm ?? 'systemd',
		argv: [options.init?.comm ?? '/sbin/init'],
		state: 'S',
		threads: [{tids: [1], name: options.init?.comm ?? 'systemd'}],
		subreaper: false,
		actions: {},
		nocldwait: false,
		blocked: [],
		pending: [],
		pgrp: [1],
		cgroup: '/',
		rss: 0,
		startedAt: 0,
		program: {name: options.init?.name ?? 'init', params: options.init?.params ?? {}, state: {}},
		stdout: 'console',
		labels: {},
	};
	const kernel: Kernel = {
		now: 0,
		procs: [],
		procCount: 1,
		namespaces: {
			[rootIds.pid]: {
				type: 'pid',
				id: rootIds.pid,
				level: 0,
				lastPid: 1,
				pidMax,
				pids: [],
				count: 1,
				init: hostPid,
				allocating: true,
				creator: hostPid,
			},
			[rootIds.ipc]: {
				type: 'ipc',
				id: rootIds.ipc,
				refs: 1,
				pins: [],
				creator: hostPid,
				queues: {},
				seq: 0,
				...ipcDefaults,
			},
			[rootIds.uts]: {
				type: 'uts',
				id: rootIds.uts,
				refs: 1,
				pins: [],
				creator: hostPid,
				hostname: options.hostname ?? 'node-1',
			},
			[rootIds.net]: {
				type: 'net',
				id: rootIds.net,
				refs: 1,
				pins: [],
				creator: hostPid,
				ports: {},
				ip: '192.168.49.2',
			},
			[rootIds.mnt]: {type: 'mnt', id: rootIds.mnt, refs: 1, pins: [], creator: hostPid, mounts: {}},
		},
		nextNsId: 4026532160,
		root: {...rootIds},
		cgroups: {'/': {path: '/', pidsCurrent: 1, memoryCurrent: 0, oomGroup: false}},
		volumes: {},
		streams: {},
		timers: [],
		timerSeq: 0,
		rng: seedState(options.seed ?? 1),
		memoryTotal: options.memory ?? 8 * 1024 ** 3,
		memoryUsed: 0,
		counters: {forks: 0, msgSent: 0, msgReceived: 0, msgDestroyed: 0},
	};
	kernel.procs = tableSet(kernel.procs, 1, init);
	const rootPidNs = kernel.namespaces[rootIds.pid];
	if (rootPidNs.type === 'pid') rootPidNs.pids = tableSet(rootPidNs.pids, 1, hostPid);
	return kernel;
}
