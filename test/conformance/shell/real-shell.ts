// Runs a shell case with the machine's own shell as PID 1 of a new PID namespace
// (`unshare --pid --fork`, as experiments X1/X2 did), reads the namespace's processes from the
// host's /proc at the observation time, sends the case's signal from the host, and records output,
// exit status and when PID 1 ended.
import {spawn, spawnSync} from 'node:child_process';
import {closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Flavour, ShellCase} from './cases.js';
import {normaliseArgs, normaliseOutput, type ProcRow, type ShellOutcome} from './observe.js';

/** The command line that starts each flavour on this machine. */
export const shellCommand: Record<Flavour, string[]> = {
	dash: ['dash'],
	ash: ['busybox', 'sh'],
	bash: ['bash'],
};

const installHint: Record<Flavour, string> = {
	dash: 'dash is not installed (apt-get install dash)',
	ash: 'busybox is not installed (apt-get install busybox)',
	bash: 'bash is not installed',
};

const unshare = ['unshare', '--pid', '--fork', '--kill-child'];

const checked = new Map<Flavour, string | undefined>();

/** Why this machine cannot run `flavour` as PID 1 of a new PID namespace, or undefined if it can. */
export function missing(flavour: Flavour): string | undefined {
	if (checked.has(flavour)) return checked.get(flavour);
	const reason = probe(flavour);
	checked.set(flavour, reason);
	return reason;
}

function probe(flavour: Flavour): string | undefined {
	if (process.platform !== 'linux') return `needs Linux (this is ${process.platform})`;
	if (process.getuid?.() !== 0) return 'needs root for a PID namespace';
	const [bin, ...args] = shellCommand[flavour] as [string, ...string[]];
	const which = spawnSync(bin, [...args, '-c', 'exit 0'], {timeout: 5000});
	if (which.error || which.status !== 0) return installHint[flavour];
	const run = spawnSync(unshare[0]!, [...unshare.slice(1), bin, ...args, '-c', 'echo $$'], {
		timeout: 5000,
		encoding: 'utf8',
	});
	if (run.error || run.status !== 0 || run.stdout.trim() !== '1') {
		const why = run.error?.message ?? (run.stderr.trim().split('\n').at(-1) || `exit ${run.status}`);
		return `\`${unshare.join(' ')}\` does not work here: ${why}`;
	}
	return undefined;
}

type Stat = {pid: number; ppid: number; state: string; comm: string};

function readStat(pid: number): Stat | undefined {
	try {
		const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const close = text.lastIndexOf(')');
		const comm = text.slice(text.indexOf('(') + 1, close);
		const [state, ppid] = text.slice(close + 2).split(' ');
		return {pid, ppid: Number(ppid), state: state!, comm};
	} catch {
		return undefined;
	}
}

/** The namespace's processes: PID 1 (host pid `init`) and its descendants, with in-namespace PIDs. */
export function namespaceTree(init: number): ProcRow[] {
	const stats = readdirSync('/proc')
		.filter((name) => /^\d+$/.test(name))
		.map((name) => readStat(Number(name)))
		.filter((s): s is Stat => s !== undefined);
	const members = new Map<number, Stat>();
	const add = (pid: number) => {
		const stat = stats.find((s) => s.pid === pid);
		if (!stat || members.has(pid)) return;
		members.set(pid, stat);
		for (const child of stats.filter((s) => s.ppid === pid)) add(child.pid);
	};
	add(init);
	const nspid = (pid: number): number | undefined => {
		try {
			const line = /^NSpid:\s*(.*)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
			return line ? Number(line.trim().split(/\s+/).at(-1)) : undefined;
		} catch {
			return undefined;
		}
	};
	const rows: ProcRow[] = [];
	for (const stat of members.values()) {
		const pid = nspid(stat.pid);
		if (pid === undefined) continue;
		const zombie = stat.state === 'Z';
		let args = `[${stat.comm}]`;
		if (!zombie) {
			try {
				args = readFileSync(`/proc/${stat.pid}/cmdline`, 'utf8').split('\0').join(' ').trimEnd();
			} catch {}
		}
		const ppid = stat.pid === init ? 0 : (nspid(stat.ppid) ?? 0);
		rows.push({pid, ppid, zombie, args: normaliseArgs(args)});
	}
	return rows.sort((a, b) => a.pid - b.pid);
}

const limitMs = 8000;

export async function runOnMachine(kase: ShellCase, flavour: Flavour): Promise<ShellOutcome> {
	const why = missing(flavour);
	if (why) return {kind: 'skipped', reason: why};
	const dir = mkdtempSync(join(tmpdir(), 'podplay-shell-'));
	const outPath = join(dir, 'out');
	const out = openSync(outPath, 'w');
	try {
		// stdout and stderr share one file, in write order, like `>out 2>&1`.
		const child = spawn(unshare[0]!, [...unshare.slice(1), ...shellCommand[flavour], '-c', kase.script], {
			stdio: ['ignore', out, out],
		});
		const started = performance.now();
		const ended = new Promise<{at: number; code: number | null; signal: string | null}>((resolve) => {
			child.on('exit', (code, signal) => resolve({at: performance.now() - started, code, signal}));
		});
		const at = (ms: number) =>
			new Promise((resolve) => setTimeout(resolve, Math.max(0, ms - (performance.now() - started))));
		const init = async (): Promise<number | undefined> => {
			// unshare's child is PID 1 of the new namespace.
			for (let i = 0; i < 100; i++) {
				const pid = readdirSync('/proc')
					.filter((name) => /^\d+$/.test(name))
					.map((name) => readStat(Number(name)))
					.find((s) => s?.ppid === child.pid)?.pid;
				if (pid !== undefined) return pid;
				await new Promise((resolve) => setTimeout(resolve, 10));
			}
			return undefined;
		};
		const pid1 = await init();
		const events: {at: number; run: () => void}[] = [
			{at: kase.observeAt, run: () => {}},
			...(kase.signal
				? [{at: kase.signal.at, run: () => pid1 !== undefined && process.kill(pid1, kase.signal!.name)}]
				: []),
		].sort((a, b) => a.at - b.at);
		let tree: ProcRow[] = [];
		let result: {at: number; code: number | null; signal: string | null} | undefined;
		ended.then((r) => {
			result = r;
		});
		for (const event of events) {
			await at(event.at);
			if (result) break;
			if (event.at === kase.observeAt && pid1 !== undefined) tree = namespaceTree(pid1);
			try {
				event.run();
			} catch {}
		}
		const timeout = setTimeout(() => child.kill('SIGKILL'), limitMs);
		const final = await ended;
		clearTimeout(timeout);
		const output = readFileSync(outPath, 'utf8').split('\n');
		if (output.at(-1) === '') output.pop();
		return {
			kind: 'ran',
			run: {
				tree,
				...(final.at < limitMs ? {endedAt: final.at} : {}),
				...(final.code !== null ? {code: final.code} : {}),
				output: output.map(normaliseOutput),
			},
		};
	} finally {
		closeSync(out);
		rmSync(dir, {recursive: true, force: true});
	}
}
