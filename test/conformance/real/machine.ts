// Can this machine run cases on the real kernel? Each check answers with the one thing missing.
import {spawnSync} from 'node:child_process';
import {closeSync, existsSync, openSync, readFileSync, readSync, realpathSync} from 'node:fs';
import {delimiter, join} from 'node:path';

export type Machine = {ok: true; python: string} | {ok: false; missing: string};

function isElf(path: string): boolean {
	const fd = openSync(path, 'r');
	try {
		const head = Buffer.alloc(4);
		return readSync(fd, head, 0, 4, 0) === 4 && head.toString('latin1') === '\x7fELF';
	} finally {
		closeSync(fd);
	}
}

/**
 * A real python3 binary: a wrapper script (a pyenv shim) would itself become PID 1 of a new
 * namespace and spoil cases such as K3 (semantics.md section 8).
 */
export function findRealPython(env = process.env): {path: string} | {missing: string} {
	const onPath = (env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'python3'));
	const candidates = [
		env.PODPLAY_PYTHON,
		'/usr/bin/python3',
		'/usr/local/bin/python3',
		'/bin/python3',
		...onPath,
	];
	const scripts: string[] = [];
	for (const candidate of candidates) {
		if (!candidate || !existsSync(candidate)) continue;
		const real = realpathSync(candidate);
		if (isElf(real)) return {path: real};
		scripts.push(candidate);
	}
	const seen = scripts.length > 0 ? ` (only scripts: ${[...new Set(scripts)].join(', ')})` : '';
	return {missing: `no real python3 binary found${seen}; set PODPLAY_PYTHON to one`};
}

export const unshareArgs = ['--pid', '--fork', '--kill-child', '--mount-proc', '--ipc'];

let cached: Machine | undefined;

export function checkMachine(): Machine {
	if (cached) return cached;
	cached = probe();
	return cached;
}

function probe(): Machine {
	if (process.platform !== 'linux') return {ok: false, missing: `needs Linux (this is ${process.platform})`};
	if (process.getuid?.() !== 0) return {ok: false, missing: 'needs root for PID and IPC namespaces'};
	const python = findRealPython();
	if ('missing' in python) return {ok: false, missing: python.missing};
	const run = spawnSync(
		'unshare',
		[...unshareArgs, python.path, '-c', 'import os; assert os.getpid() == 1'],
		{
			timeout: 5000,
			encoding: 'utf8',
		},
	);
	if (run.error || run.status !== 0) {
		const why = run.error?.message ?? run.stderr.trim().split('\n').at(-1) ?? `exit ${run.status}`;
		return {ok: false, missing: `\`unshare ${unshareArgs.join(' ')}\` does not work here: ${why}`};
	}
	return {ok: true, python: python.path};
}

/** Where a case may make pids cgroups: cgroup v1's pids hierarchy, or v2 with pids delegated. */
export function pidsCgroupParent(): {path: string; v2: boolean} | {missing: string} {
	if (existsSync('/sys/fs/cgroup/pids/cgroup.procs')) return {path: '/sys/fs/cgroup/pids', v2: false};
	const v2 = '/sys/fs/cgroup/cgroup.subtree_control';
	if (existsSync(v2) && readFileSync(v2, 'utf8').split(/\s+/).includes('pids')) {
		return {path: '/sys/fs/cgroup', v2: true};
	}
	return {
		missing: 'needs a pids cgroup (cgroup v1 pids hierarchy, or v2 with pids in the root subtree_control)',
	};
}
