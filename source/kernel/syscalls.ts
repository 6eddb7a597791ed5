// System calls as plain data: what a program returns from a reaction, and what the playground or a
// scenario asks a process to do. A call with `reply` reports its result back to the program as a
// `return` event carrying that tag (a continuation), so programs stay pure functions.
import type {Errno} from './errno.js';
import type {SignalName} from './signals.js';
import type {Disposition, HostPid, NsType, Process} from './types.js';

export type ProgramCall = {name: string; params?: Record<string, unknown>};

export type CloneFlags = Partial<Record<NsType, boolean>>;

export type Syscall =
	| {
			call: 'fork';
			program?: ProgramCall;
			comm?: string;
			argv?: string[];
			flags?: CloneFlags;
			thread?: string;
			resetMask?: boolean;
			/** clone3(CLONE_INTO_CGROUP). */
			cgroup?: string;
			setsid?: boolean;
			/** The child's stdout (a pipe, /dev/null) instead of the parent's. */
			stdout?: string;
			reply?: string;
	  }
	| {call: 'exec'; program: ProgramCall; comm: string; argv?: string[]}
	| {call: 'exit'; code: number}
	| {call: 'kill'; pid: number; signal: SignalName; reply?: string}
	| {call: 'wait'; pid?: number; nohang?: boolean; reply?: string}
	| {call: 'prctl'; option: 'PR_SET_CHILD_SUBREAPER'; value: boolean}
	| {call: 'prctl'; option: 'PR_SET_PDEATHSIG'; signal: SignalName}
	| {call: 'prctl'; option: 'PR_SET_NAME'; name: string}
	| {call: 'sigaction'; signal: SignalName; action: Disposition; nocldwait?: boolean}
	| {call: 'sigprocmask'; how: 'block' | 'unblock'; signals: SignalName[]}
	| {call: 'sigwait'; signals: SignalName[]; timeoutMs?: number; reply?: string}
	| {call: 'pause'; reply?: string}
	| {call: 'sleep'; ms: number; reply?: string}
	| {call: 'alarm'; ms: number; tag: string}
	| {call: 'unshare'; flags: CloneFlags}
	| {call: 'setns'; target: HostPid; types: NsType[]}
	| {call: 'setsid'}
	| {call: 'msgget'; key: number; create?: boolean; excl?: boolean; reply?: string}
	| {
			call: 'msgsnd';
			msqid: number;
			mtype: number;
			size: number;
			text?: string;
			nowait?: boolean;
			reply?: string;
	  }
	| {
			call: 'msgrcv';
			msqid: number;
			msgtyp?: number;
			maxSize?: number;
			nowait?: boolean;
			noerror?: boolean;
			reply?: string;
	  }
	| {call: 'msgctl'; msqid: number; cmd: 'IPC_RMID'; reply?: string}
	| {call: 'write'; text: string}
	| {call: 'appendFile'; path: string; line: string; reply?: string}
	| {call: 'readFile'; path: string; from?: number; reply?: string}
	| {call: 'copyFile'; from: string; to: string; reply?: string}
	/** open(O_CREAT) and write: `>` truncates, `>>` (append) adds; no lines is `touch`. */
	| {call: 'writeFile'; path: string; lines: string[]; append: boolean; reply?: string}
	| {call: 'unlink'; path: string; reply?: string}
	/** Not a system call: the program says what podplay does not simulate (R-EXEC-10). */
	| {call: 'note'; text: string}
	| {call: 'alloc'; bytes: number}
	| {call: 'thread'; name: string; reply?: string}
	| {call: 'threadExit'; name: string}
	| {call: 'bind'; port: number; reply?: string}
	| {call: 'connect'; port: number; reply?: string};

export type SyscallName = Syscall['call'];

/** What a program sees happen to it. */
export type ProgramEvent =
	| {type: 'start'}
	| {type: 'signal'; signal: SignalName; siPid: number}
	| {type: 'return'; reply: string; call: SyscallName; value?: unknown; errno?: Errno}
	| {type: 'timer'; tag: string};

export type Reaction = {state?: Record<string, unknown>; calls?: Syscall[]};

/** What a program is given besides the event: a read-only view and a deterministic random source. */
export type ProgramEnv = {
	now: number;
	self: Readonly<Process>;
	/** Uniform in [0, 1), drawn from the world's seeded generator. */
	random(): number;
	/** The process's PID in its own namespace. */
	nsPid: number;
};

export type Program = {
	name: string;
	/** One line for `podplay --help` and the playground. */
	summary: string;
	/** The parameters it reads; a scenario giving it any other is refused (`comm` is everyone's). */
	parameters?: readonly string[];
	react(
		params: Record<string, unknown>,
		state: Record<string, unknown>,
		event: ProgramEvent,
		env: ProgramEnv,
	): Reaction;
};

export type ProgramTable = Readonly<Record<string, Program>>;
