// Runs a case on the real kernel: the Python driver as PID 1 of fresh PID, IPC and mount
// namespaces, so everything it starts dies with it, also on a timeout (--kill-child).
import {spawn} from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmdirSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Case} from '../case-schema.js';
import type {Observations, RunOutcome} from '../observations.js';
import {checkMachine, pidsCgroupParent, unshareArgs} from './machine.js';

export const caseTimeLimitMs = 10_000;
const driver = join(import.meta.dirname, 'driver.py');

type Ran = {code: number | null; signal: NodeJS.Signals | null; stderr: string; timedOut: boolean};

function runBounded(command: string, args: string[], limitMs: number): Promise<Ran> {
	return new Promise((resolve) => {
		const child = spawn(command, args, {stdio: ['ignore', 'ignore', 'pipe']});
		let stderr = '';
		let timedOut = false;
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
		});
		// SIGKILL to the driver, PID 1 of the namespace: the kernel kills everything in it (R-PIDNS-7)
		// and unshare reaps it. Killing unshare first would leave the driver a zombie on the host.
		const timer = setTimeout(() => {
			timedOut = true;
			killChildren(child.pid);
			setTimeout(() => child.kill('SIGKILL'), 1000).unref();
		}, limitMs);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({code, signal, stderr, timedOut});
		});
	});
}

function killChildren(pid: number | undefined): void {
	try {
		const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
		for (const child of children.split(/\s+/).filter(Boolean)) process.kill(Number(child), 'SIGKILL');
	} catch {
		// unshare or its child is already gone: nothing left to kill.
	}
}

function makeCgroupRoot(): string | {missing: string} {
	const parent = pidsCgroupParent();
	if ('missing' in parent) return parent;
	const root = mkdtempSync(join(parent.path, 'podplay-conformance-'));
	if (parent.v2) writeFileSync(join(root, 'cgroup.subtree_control'), '+pids');
	return root;
}

/** Removes the case's cgroups; their processes are gone once unshare has returned. */
async function removeCgroups(root: string): Promise<void> {
	const deadline = Date.now() + 2000;
	for (;;) {
		try {
			for (const entry of readdirSync(root, {withFileTypes: true})) {
				if (entry.isDirectory()) rmdirSync(join(root, entry.name));
			}
			rmdirSync(root);
			return;
		} catch (error) {
			if (Date.now() > deadline) throw error;
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
	}
}

function stderrTail(stderr: string): string {
	const lines = stderr
		.split('\n')
		.filter((line) => line.trim() !== '' && !line.includes('sigprocmask unblock failed'));
	return lines.slice(-3).join(' / ') || 'no output';
}

export async function runCaseOnKernel(kase: Case, limitMs = caseTimeLimitMs): Promise<RunOutcome> {
	const machine = checkMachine();
	if (!machine.ok) return {kind: 'skipped', reason: machine.missing};
	let cgroupRoot: string | undefined;
	if (kase.requires?.includes('cgroup-pids')) {
		const made = makeCgroupRoot();
		if (typeof made !== 'string') return {kind: 'skipped', reason: made.missing};
		cgroupRoot = made;
	}
	const scratch = mkdtempSync(join(tmpdir(), 'podplay-conformance-'));
	try {
		const casePath = join(scratch, 'case.json');
		const out = join(scratch, 'out.json');
		writeFileSync(casePath, JSON.stringify(kase));
		mkdirSync(join(scratch, 'run'));
		const args = [
			...unshareArgs,
			machine.python,
			driver,
			'--case',
			casePath,
			'--scratch',
			join(scratch, 'run'),
		];
		const ran = await runBounded(
			'unshare',
			[...args, '--out', out, '--cgroup-root', cgroupRoot ?? ''],
			limitMs,
		);
		if (ran.timedOut)
			return {kind: 'failed', reason: `the kernel run did not finish within ${limitMs / 1000} s`};
		if (ran.code !== 0 || !existsSync(out)) {
			return {
				kind: 'failed',
				reason: `the driver exited ${ran.code ?? ran.signal}: ${stderrTail(ran.stderr)}`,
			};
		}
		return {kind: 'ran', observations: JSON.parse(readFileSync(out, 'utf8')) as Observations};
	} finally {
		rmSync(scratch, {recursive: true, force: true});
		if (cgroupRoot) await removeCgroups(cgroupRoot);
	}
}
