// Runs a case on podplay's kernel model (source/kernel): the same steps as driver.py, made as
// kernel actions on puppet processes, observed from the model's state.
import {
	bootKernel,
	type ExitStatus,
	getProcess,
	type IpcNamespace,
	type Kernel,
	type KernelAction,
	kernelStep,
	type Process,
	ppidInNs,
	processInNs,
	type Syscall,
} from '../../source/kernel/index.js';
import type {Case, Step} from './case-schema.js';
import {type PuppetState, puppetName, puppetProgram, type Returned} from './model/puppet-program.js';
import type {Observations, Outcome, ProcessView, QueueView, RunOutcome, Snapshot} from './observations.js';

const programs = {[puppetName]: puppetProgram};
const blocking = new Set(['msgsnd', 'msgrcv', 'wait', 'sigwait']);

type Puppet = {label: string; hostPid: number; pids: number[]; seenSignals: number; handled: string[]};
type Pending = {label: string; step: number; op: Step['op']; tag: string};

class CaseFailure extends Error {}

class ModelRun {
	k: Kernel;
	puppets = new Map<string, Puppet>();
	pending: Pending[] = [];
	results: Observations['results'] = [];
	snapshots: Snapshot[] = [];
	pins = new Map<string, number>();

	constructor() {
		// The host's init reaps orphans like driver.py's controller does (it is the outer PID 1).
		this.k = bootKernel({seed: 1, init: {name: puppetName, params: {behaviour: 'reaper'}, comm: 'init'}});
		this.act({type: 'syscall', pid: 1, call: {call: 'sigaction', signal: 'SIGCHLD', action: 'handle'}});
		this.act({type: 'syscall', pid: 1, call: {call: 'fork', program: {name: puppetName}, reply: 'host'}});
		const value = this.returned(1, 'host')?.value;
		if (typeof value !== 'number') throw new CaseFailure('the model did not start the host puppet');
		this.register('host', value);
	}

	act(action: KernelAction): void {
		this.k = kernelStepOf(this.k, action);
		this.harvest();
	}

	register(label: string, hostPid: number): void {
		const p = getProcess(this.k, hostPid)!;
		this.puppets.set(label, {label, hostPid, pids: [...p.pids], seenSignals: 0, handled: []});
	}

	puppet(label: string): Puppet {
		const found = this.puppets.get(label);
		if (!found) throw new CaseFailure(`no process labelled "${label}"`);
		return found;
	}

	returned(hostPid: number, tag: string): Returned | undefined {
		return (getProcess(this.k, hostPid)?.program.state as PuppetState | undefined)?.returns?.[tag];
	}

	/** Collects handled signals and the replies of calls that were blocked. */
	harvest(): void {
		for (const puppet of this.puppets.values()) {
			const signals =
				(getProcess(this.k, puppet.hostPid)?.program.state as PuppetState | undefined)?.signals ?? [];
			puppet.handled.push(...signals.slice(puppet.seenSignals));
			puppet.seenSignals = signals.length;
		}
		this.pending = this.pending.filter((wait) => {
			const got = this.returned(this.puppet(wait.label).hostPid, wait.tag);
			if (got)
				this.results.push({step: wait.step, op: wait.op, outcome: this.outcome(wait.label, wait.op, got)});
			return !got;
		});
	}

	pidSeenBy(viewer: Puppet, target: string | number): number {
		if (typeof target === 'number') return target;
		const level = viewer.pids.length - 1;
		const pid = this.puppet(target).pids[level];
		if (pid === undefined) throw new CaseFailure(`"${target}" is not visible from "${viewer.label}"`);
		return pid;
	}

	outcome(label: string, op: Step['op'], got: Returned): Outcome {
		if (got.errno) return {result: got.errno};
		const value = got.value as Record<string, unknown> | undefined;
		if (op === 'wait') {
			const pid = Number(value?.pid ?? 0);
			if (pid === 0) return {result: 'ok', reaped: null};
			return {result: 'ok', status: showStatus(value?.status as ExitStatus), reaped: this.reaped(label, pid)};
		}
		if (op === 'sigwait') return {result: 'ok', signal: value?.signal, sender: value?.siPid};
		if (op === 'msgrcv') return {result: 'ok', size: value?.size};
		return {result: 'ok'};
	}

	reaped(waiter: string, pid: number): string | null {
		const level = this.puppet(waiter).pids.length - 1;
		for (const p of this.puppets.values()) if (p.pids[level] === pid && p.label !== waiter) return p.label;
		return null;
	}

	/** One case step as the syscall(s) the puppet makes, or what the controller does from outside. */
	run(index: number, step: Step): void {
		const record = (outcome: Outcome): void => {
			this.results.push({step: index, op: step.op, outcome});
		};
		switch (step.op) {
			case 'observe':
				this.snapshots.push(this.observe(index, step));
				return;
			case 'sleep':
				this.act({type: 'advance', ms: step.ms});
				return;
			case 'pids_max':
				this.moveToCgroup(step.who, step.max);
				record({result: 'ok'});
				return;
			case 'pin_ipc': {
				const ns = getProcess(this.k, this.puppet(step.who).hostPid)!.ns.ipc;
				this.act({type: 'pin', ns, pin: step.as});
				this.pins.set(step.as, ns);
				record({result: 'ok'});
				return;
			}
			case 'unpin_ipc':
				this.act({type: 'unpin', ns: this.pins.get(step.name)!, pin: step.name});
				this.pins.delete(step.name);
				record({result: 'ok'});
				return;
			default:
				this.syscall(index, step, record);
		}
	}

	syscall(
		index: number,
		step: Exclude<Step, {op: 'observe' | 'sleep' | 'pids_max' | 'pin_ipc' | 'unpin_ipc'}>,
		record: (o: Outcome) => void,
	): void {
		const who = this.puppet(step.op === 'fork' ? step.parent : step.who);
		const live = getProcess(this.k, who.hostPid);
		if (!live || live.state === 'Z')
			throw new CaseFailure(`"${who.label}" cannot run ${step.op}: it has exited`);
		const tag = `s${index}`;
		let call: Syscall;
		if (step.op === 'msgsnd' || step.op === 'msgrcv' || step.op === 'msgget' || step.op === 'msgctl_rmid') {
			// driver.py looks the key up with msgget first, as a program would.
			const create = step.op === 'msgget' && step.create === true;
			this.act({
				type: 'syscall',
				pid: who.hostPid,
				call: {call: 'msgget', key: step.key, create, reply: `g${index}`},
			});
			const got = this.returned(who.hostPid, `g${index}`);
			if (!got || got.errno || step.op === 'msgget') {
				record(got?.errno ? {result: got.errno} : {result: 'ok'});
				return;
			}
			call = ipcCall(step, Number(got.value), tag);
		} else {
			call = this.callFor(step, who, tag);
		}
		if (step.op === 'exec') this.harvest();
		this.act({type: 'syscall', pid: who.hostPid, call});
		if (step.op === 'exec') who.seenSignals = 0;
		if (step.op === 'exit' || step.op === 'exec') {
			record({result: 'ok'});
			return;
		}
		const got = this.returned(who.hostPid, tag);
		if (!got && blocking.has(step.op)) {
			this.pending.push({label: who.label, step: index, op: step.op, tag});
			return;
		}
		record(this.outcome(who.label, step.op, got ?? {}));
		if (step.op === 'fork' && !got?.errno) {
			const parent = getProcess(this.k, who.hostPid)!;
			const child = processInNs(this.k, parent.ns.pid, Number(got?.value));
			if (!child) throw new CaseFailure(`the model's fork for "${step.as}" returned no child`);
			this.register(step.as, child.hostPid);
		}
	}

	callFor(step: Step, who: Puppet, reply: string): Syscall {
		switch (step.op) {
			case 'fork':
				return {
					call: 'fork',
					program: {name: puppetName, params: {behaviour: step.behaviour ?? 'idle'}},
					flags: {pid: step.newpid ?? false, ipc: step.newipc ?? false},
					reply,
				};
			case 'unshare':
				return {call: 'unshare', flags: {pid: step.pid ?? false, ipc: step.ipc ?? false}};
			case 'setns':
				return {call: 'setns', target: this.puppet(step.target).hostPid as never, types: step.types};
			case 'exit':
				return {call: 'exit', code: step.code};
			case 'kill':
				return {call: 'kill', pid: this.pidSeenBy(who, step.to), signal: step.signal as never, reply};
			case 'wait':
				return {
					call: 'wait',
					pid: step.pid === undefined ? -1 : this.pidSeenBy(who, step.pid),
					nohang: step.nohang,
					reply,
				};
			case 'subreaper':
				return {call: 'prctl', option: 'PR_SET_CHILD_SUBREAPER', value: true};
			case 'sigaction':
				return {
					call: 'sigaction',
					signal: step.signal as never,
					action: step.action,
					nocldwait: step.nocldwait,
				};
			case 'block':
			case 'unblock':
				return {call: 'sigprocmask', how: step.op, signals: step.signals as never};
			case 'sigwait':
				return {call: 'sigwait', signals: step.signals as never, reply};
			case 'exec':
				return {call: 'exec', program: {name: puppetName, params: {behaviour: 'idle'}}, comm: 'puppet'};
			default:
				throw new CaseFailure(`${step.op} is not a system call`);
		}
	}

	/**
	 * Writing a PID to cgroup.procs: the kernel's cgroup-move action moves it with its pids.current
	 * charge.
	 */
	moveToCgroup(label: string, max: number): void {
		const path = `/conformance-${label}`;
		this.act({type: 'cgroup', path, parent: '/', limits: {pidsMax: max}});
		this.act({type: 'cgroup-move', pid: this.puppet(label).hostPid, path});
	}

	observe(index: number, step: Extract<Step, {op: 'observe'}>): Snapshot {
		const snap: Snapshot = {step: index, processes: {}, queues: {}, pids: {}};
		for (const label of step.processes ?? [...this.puppets.keys()]) snap.processes[label] = this.view(label);
		for (const name of step.queues ?? []) snap.queues[name] = this.queues(name);
		for (const label of step.pids ?? [])
			snap.pids[label] = this.k.cgroups[`/conformance-${label}`]?.pidsCurrent ?? -1;
		return snap;
	}

	view(label: string): ProcessView {
		const puppet = this.puppets.get(label);
		if (!puppet) return {state: 'never'};
		const p = getProcess(this.k, puppet.hostPid);
		if (!p) return {state: 'gone'};
		const parent = [...this.puppets.values()].find(
			(q) => q.hostPid === p.parent && getProcess(this.k, q.hostPid),
		);
		const state = p.state === 'Z' ? 'zombie' : p.state === 'T' ? 'stopped' : 'alive';
		const view: ProcessView = {state, parent: parent?.label ?? 'outside', nspid: p.pids.slice(1)};
		if (p.pids.length > 1) view.ppid = ppidInNs(this.k, p);
		const waiting = this.pending.find((w) => w.label === label);
		if (waiting) view.blocked = waiting.op;
		if (puppet.handled.length > 0) view.handled = [...puppet.handled];
		return view;
	}

	queues(name: string): QueueView[] {
		const ns = this.pins.get(name) ?? getProcess(this.k, this.puppet(name).hostPid)?.ns.ipc;
		const ipc = ns === undefined ? undefined : (this.k.namespaces[ns] as IpcNamespace | undefined);
		return Object.values(ipc?.queues ?? {})
			.map((q) => ({key: q.key, messages: q.messages.length, bytes: q.bytes}))
			.sort((a, b) => a.key - b.key);
	}
}

function kernelStepOf(k: Kernel, action: KernelAction): Kernel {
	return kernelStep(k, action, programs).kernel;
}

function ipcCall(
	step: Extract<Step, {op: 'msgsnd' | 'msgrcv' | 'msgctl_rmid'}>,
	msqid: number,
	reply: string,
): Syscall {
	if (step.op === 'msgsnd')
		return {call: 'msgsnd', msqid, mtype: step.mtype ?? 1, size: step.size, nowait: step.nowait, reply};
	if (step.op === 'msgrcv')
		return {call: 'msgrcv', msqid, msgtyp: step.mtype ?? 0, maxSize: 65536, nowait: step.nowait, reply};
	return {call: 'msgctl', msqid, cmd: 'IPC_RMID', reply};
}

function showStatus(status: ExitStatus | undefined): string {
	if (!status) return 'status ?';
	return 'code' in status ? `exit ${status.code}` : `signal ${status.signal}`;
}

export async function runCaseOnModel(kase: Case): Promise<RunOutcome> {
	const run = new ModelRun();
	let error: string | undefined;
	for (const [index, step] of kase.steps.entries()) {
		try {
			run.run(index, step);
		} catch (failure) {
			if (!(failure instanceof CaseFailure)) throw failure;
			error = `step ${index}: ${failure.message}`;
			break;
		}
	}
	const results = [...run.results];
	for (const wait of run.pending) results.push({step: wait.step, op: wait.op, outcome: {result: 'blocked'}});
	results.sort((a, b) => a.step - b.step);
	return {kind: 'ran', observations: {results, snapshots: run.snapshots, ...(error ? {error} : {})}};
}

export type {Process};
