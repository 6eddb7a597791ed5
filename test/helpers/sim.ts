// A small mutable harness over the immutable kernel, for tests: each call is one kernel step.
import {
	type BootOptions,
	bootKernel,
	getProcess,
	type Kernel,
	type KernelAction,
	type KernelEvent,
	kernelStep,
	type Process,
	processInNs,
	type SignalName,
	type Syscall,
} from '../../source/kernel/index.js';
import {programs} from '../../source/programs/index.js';

export type Spawn = {
	program?: string;
	comm?: string;
	params?: Record<string, unknown>;
	flags?: Partial<Record<'pid' | 'ipc' | 'net' | 'uts' | 'mnt', boolean>>;
};

export class Sim {
	kernel: Kernel;
	events: KernelEvent[] = [];
	last: KernelEvent[] = [];

	/** `freeze: false`: immer's auto-freeze off, as replay, check and the playground run. */
	constructor(
		options: BootOptions = {},
		readonly freeze = true,
	) {
		this.kernel = bootKernel({init: {name: 'init'}, ...options});
		this.step({type: 'start', pid: 1});
		this.events = [];
	}

	step(action: KernelAction): KernelEvent[] {
		const {kernel, events} = kernelStep(this.kernel, action, programs, undefined, {freeze: this.freeze});
		this.kernel = kernel;
		this.last = events;
		for (const event of events) this.events.push(event);
		return events;
	}

	call(pid: number, call: Syscall): KernelEvent[] {
		return this.step({type: 'syscall', pid, call});
	}

	/** Fork `parent` into a child running `spawn.program` (default: an idle app); returns its host PID. */
	fork(parent: number, spawn: Spawn = {}): number {
		const program = spawn.program ?? 'app';
		const events = this.call(parent, {
			call: 'fork',
			program: {name: program, params: spawn.params ?? {}},
			comm: spawn.comm ?? program,
			flags: spawn.flags,
		});
		const fork = events.find((e) => e.kind === 'fork');
		if (!fork?.pid) throw new Error(`fork failed: ${events.map((e) => e.text).join('; ')}`);
		return fork.pid;
	}

	kill(pid: number, signal: SignalName): KernelEvent[] {
		return this.step({type: 'signal', pid, signal});
	}

	advance(ms: number): KernelEvent[] {
		return this.step({type: 'advance', ms});
	}

	proc(pid: number): Process | undefined {
		return getProcess(this.kernel, pid);
	}

	must(pid: number): Process {
		const p = this.proc(pid);
		if (!p) throw new Error(`no process ${pid}`);
		return p;
	}

	/** Host PID of the process with PID `nsPid` in the PID namespace of `anchor`. */
	inNs(anchor: number, nsPid: number): number | undefined {
		return processInNs(this.kernel, this.must(anchor).ns.pid, nsPid)?.hostPid;
	}

	rules(): string[] {
		return this.events.map((e) => e.rule);
	}
}
