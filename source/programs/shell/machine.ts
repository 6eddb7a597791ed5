// A POSIX shell running a script on the kernel model (R-EXEC-5..9). Builtins run in the shell;
// external commands fork and exec and take PIDs; the shell waits with waitpid(-1), so while it
// waits it reaps any child (R-EXEC-8); traps and signals follow R-EXEC-7; exit statuses R-EXEC-9.
// Its state is plain data (a program counter per frame, variables, loop slots), resumed after every
// system call that replies.
import {
	type ExitStatus,
	type Program,
	type ProgramEnv,
	type ProgramEvent,
	parseSignal,
	type SignalName,
	type Syscall,
	signalExitCode,
} from '../../kernel/index.js';
import {type ExecContext, resolveExec} from '../binaries.js';
import type {Image, ShellFlavour} from '../images.js';
import {specCall} from '../params.js';
import type {List, Simple, Word} from './ast.js';
import {CompileError, compile, type Instr, markTail} from './compile.js';
import {formatDate} from './date.js';
import {expandString, expandWord, matchPattern} from './expand.js';
import {parseShell} from './parse.js';

export type ShellParams = {
	comm?: string;
	flavour: ShellFlavour;
	/** The name the shell calls itself in messages (`sh`, `bash`). */
	name: string;
	code: Instr[];
	env: Record<string, string>;
	image?: Image;
	imageRef: string;
	/** A subshell shares its parent's variables at the fork. */
	vars?: Record<string, string>;
};

type Frame = {trap?: SignalName; pc: number; status?: number};

type Waiting =
	| {kind: 'fg'; pids: number[]; last: number; statusOfLast?: number}
	| {kind: 'wait'; pid?: number}
	| {kind: 'sub'; output: string}
	| {kind: 'read'; path: string; purpose: 'test' | 'cat'; negate?: boolean};

type ShellState = {
	frames: Frame[];
	vars: Record<string, string>;
	status: number;
	errexit: boolean;
	lastBg?: number;
	/** Background children not yet reaped (bash does not exec its last command while there are any). */
	jobs?: number[];
	loops: Record<string, {items: string[]; i: number}>;
	traps: Partial<Record<SignalName, Instr[]>>;
	pending: SignalName[];
	waiting?: Waiting;
	/** Outputs of the current instruction's `$(…)`, in order. */
	subs: string[];
	/** Set when the current instruction's pending work is done and it should finish. */
	done?: boolean;
};

/** Instructions run per reaction before the shell yields (a loop of builtins only never blocks). */
const budget = 500;

const builtins = new Set([
	':',
	'true',
	'false',
	'echo',
	'printf',
	'test',
	'[',
	'cd',
	'export',
	'unset',
	'set',
	'exit',
	'wait',
	'trap',
	'kill',
	'shift',
	'exec',
	'read',
	'.',
	'source',
	'local',
	'return',
	'ulimit',
	'umask',
]);

/** Builds the program spec for `sh -c SCRIPT` in an image: parse, mark R-EXEC-5's tail, compile. */
export function shellSpec(
	name: string,
	flavour: ShellFlavour,
	script: string,
	ctx: ExecContext,
): {ok: true; params: ShellParams} | {ok: false; error: string} {
	const parsed = parseShell(script);
	if (!parsed.ok) return parsed;
	try {
		markTail(parsed.list, flavour, script);
		const params: ShellParams = {
			flavour,
			name,
			code: compile(parsed.list),
			env: ctx.env,
			imageRef: ctx.imageRef,
			...(ctx.image ? {image: ctx.image} : {}),
		};
		return {ok: true, params};
	} catch (error) {
		if (error instanceof CompileError) return {ok: false, error: error.message};
		throw error;
	}
}

function initial(p: ShellParams): ShellState {
	return {
		frames: [{pc: 0}],
		vars: {...p.env, ...p.vars},
		status: 0,
		errexit: false,
		loops: {},
		traps: {},
		pending: [],
		subs: [],
	};
}

export const shell: Program = {
	name: 'shell',
	summary: 'a POSIX shell (dash, busybox ash, bash) running a script: builtins, fork/exec, wait, traps',
	react(raw, rawState, event, env) {
		const p = raw as ShellParams;
		const s: ShellState = event.type === 'start' ? initial(p) : copy(rawState as unknown as ShellState);
		const calls = react(p, s, event, env);
		return {state: s as unknown as Record<string, unknown>, calls};
	},
};

/** The state is never changed in place: frames, variables and loops are copied; compiled traps shared. */
function copy(s: ShellState): ShellState {
	return {
		...s,
		frames: s.frames.map((f) => ({...f})),
		vars: {...s.vars},
		loops: Object.fromEntries(Object.entries(s.loops).map(([k, v]) => [k, {items: [...v.items], i: v.i}])),
		traps: {...s.traps},
		pending: [...s.pending],
		subs: [...s.subs],
		...(s.jobs ? {jobs: [...s.jobs]} : {}),
		...(s.waiting
			? {waiting: {...s.waiting, ...('pids' in s.waiting ? {pids: [...s.waiting.pids]} : {})}}
			: {}),
	};
}

function react(p: ShellParams, s: ShellState, event: ProgramEvent, env: ProgramEnv): Syscall[] {
	switch (event.type) {
		case 'start': {
			// R-EXEC-7: dash and ash catch SIGINT under -c; bash ignores it. TERM and HUP stay default.
			const setup: Syscall[] = [
				{call: 'sigaction', signal: 'SIGINT', action: p.flavour === 'bash' ? 'ignore' : 'handle'},
			];
			return [...setup, ...run(p, s, env)];
		}
		case 'signal':
			if (event.signal !== 'SIGCHLD' && !s.pending.includes(event.signal)) s.pending.push(event.signal);
			return [];
		case 'timer':
			return [];
		case 'return':
			return resume(p, s, event, env);
	}
}

function lookup(p: ShellParams, s: ShellState, env: ProgramEnv) {
	return (name: string): string => {
		if (name === '?') return String(s.status);
		if (name === '$') return String(env.nsPid);
		if (name === '!') return s.lastBg === undefined ? '' : String(s.lastBg);
		if (name === '#') return '0';
		if (name === '0') return p.name;
		return s.vars[name] ?? '';
	};
}

function frameCode(p: ShellParams, s: ShellState, frame: Frame): Instr[] {
	return frame.trap ? (s.traps[frame.trap] ?? []) : p.code;
}

function loopKey(frame: Frame, slot: number): string {
	return `${frame.trap ?? ''}:${slot}`;
}

/** Runs instructions until one blocks (returns its calls) or the script ends (exit). */
function run(p: ShellParams, s: ShellState, env: ProgramEnv): Syscall[] {
	const acc: Syscall[] = [];
	const blocked = runInto(p, s, env, acc);
	return [...acc, ...blocked];
}

/** Non-blocking calls (writes, sigaction, kill) go to `acc`; the blocking call that stops the run is returned. */
function runInto(p: ShellParams, s: ShellState, env: ProgramEnv, acc: Syscall[]): Syscall[] {
	for (let n = 0; n < budget; n++) {
		const frame = s.frames.at(-1)!;
		const code = frameCode(p, s, frame);
		if (frame.pc >= code.length) {
			if (s.frames.length === 1) return [{call: 'exit', code: s.status & 255}];
			s.frames.pop();
			// After a trap the interrupted command's status is restored.
			if (frame.status !== undefined) s.status = frame.status;
			continue;
		}
		const instr = code[frame.pc]!;
		const calls = step(p, s, env, frame, instr, acc);
		if (calls) return calls;
		if (s.errexit && s.status !== 0 && isCommand(instr) && !instr.cond && !s.waiting)
			return [{call: 'exit', code: s.status & 255}];
	}
	// A long run of builtins: yield for a moment so time can pass (a `while :; do :; done` spins).
	return [{call: 'sleep', ms: 1, reply: 'spin'}];
}

function isCommand(instr: Instr): instr is Extract<Instr, {op: 'run' | 'pipe' | 'sub'}> {
	return instr.op === 'run' || instr.op === 'pipe' || instr.op === 'sub';
}

/** One instruction; returns calls when it blocks, else undefined after advancing. */
function step(
	p: ShellParams,
	s: ShellState,
	env: ProgramEnv,
	frame: Frame,
	instr: Instr,
	acc: Syscall[],
): Syscall[] | undefined {
	const look = lookup(p, s, env);
	const subsNeeded = subsOf(instr);
	if (subsNeeded.length > s.subs.length) return substitute(p, s, env, subsNeeded[s.subs.length]!, acc);
	const subs = [...s.subs];
	switch (instr.op) {
		case 'jmp':
			frame.pc = instr.to;
			return undefined;
		case 'jok':
			frame.pc = s.status === 0 ? instr.to : frame.pc + 1;
			return undefined;
		case 'jfail':
			frame.pc = s.status !== 0 ? instr.to : frame.pc + 1;
			return undefined;
		case 'not':
			s.status = s.status === 0 ? 1 : 0;
			frame.pc++;
			return undefined;
		case 'forinit':
			s.loops[loopKey(frame, instr.slot)] = {
				items: (instr.items ?? []).flatMap((w) => expandWord(w, look, subs)),
				i: 0,
			};
			s.subs = [];
			frame.pc++;
			return undefined;
		case 'fornext': {
			const loop = s.loops[loopKey(frame, instr.slot)]!;
			if (loop.i >= loop.items.length) {
				frame.pc = instr.end;
				return undefined;
			}
			s.vars[instr.name] = loop.items[loop.i++]!;
			frame.pc++;
			return undefined;
		}
		case 'case': {
			const word = expandString(instr.word, look, subs);
			const arm = instr.arms.find((a) =>
				a.patterns.some((pattern) => matchPattern(word, expandString(pattern, look, []))),
			);
			s.subs = [];
			frame.pc = arm ? arm.to : instr.end;
			if (!arm) s.status = 0;
			return undefined;
		}
		case 'run': {
			const calls = simple(p, s, env, instr.cmd, subs, acc);
			if (calls === undefined) {
				s.subs = [];
				frame.pc++;
			}
			return calls;
		}
		case 'bg': {
			s.subs = [];
			frame.pc++;
			const argv = instr.cmd.words.flatMap((w) => expandWord(w, look, subs));
			const resolved = resolveExec(argv, execContext(p, s));
			if (!resolved.ok || argv.length === 0 || builtins.has(argv[0]!)) {
				s.status = 0;
				acc.push({
					call: 'note',
					text: `\`${argv[0] ?? ''} &\` of a builtin or a missing command is not simulated`,
				});
				return undefined;
			}
			return [
				...notes(resolved.notes),
				{
					call: 'fork',
					program: specCall(resolved.spec),
					comm: commOf(argv, resolved.spec),
					argv,
					reply: 'bg',
				},
			];
		}
		case 'pipe': {
			s.subs = [];
			const stages = instr.cmds.map((cmd) => cmd.words.flatMap((w) => expandWord(w, look, subs)));
			const forks: Syscall[] = [];
			for (const argv of stages) {
				const resolved = resolveExec(argv, execContext(p, s));
				// A builtin stage runs in a forked subshell: a process named after the shell.
				const spec =
					builtins.has(argv[0] ?? '') || !resolved.ok
						? {program: 'app' as const, comm: p.name, exitAfter: 0, exitCode: resolved.ok ? 0 : 127}
						: resolved.spec;
				forks.push({call: 'fork', program: specCall(spec), comm: commOf(argv, spec), argv, reply: 'pipe'});
			}
			s.waiting = {kind: 'fg', pids: [], last: -1};
			return [{call: 'note', text: 'a pipeline passes no data between its stages in podplay'}, ...forks];
		}
		case 'sub': {
			s.subs = [];
			// A foreground subshell advances when it has been waited for (finishForeground).
			if (instr.background) frame.pc++;
			const params: ShellParams = {...p, code: instr.code, vars: {...s.vars}};
			const fork: Syscall = {
				call: 'fork',
				program: {name: 'shell', params: params as unknown as Record<string, unknown>},
				comm: p.name,
				argv: [p.name],
				reply: instr.background ? 'bg' : 'fg',
			};
			return [fork];
		}
	}
}

/** The `$(…)` of an instruction's words, in order (none for most: checked without allocating). */
function subsOf(instr: Instr): Simple[] {
	const found: Simple[] = [];
	switch (instr.op) {
		case 'run':
			scanSubs(instr.cmd.words, found);
			for (const a of instr.cmd.assigns) scanWord(a.value, found);
			for (const r of instr.cmd.redirs) scanWord(r.target, found);
			break;
		case 'bg':
			scanSubs(instr.cmd.words, found);
			break;
		case 'pipe':
			for (const c of instr.cmds) scanSubs(c.words, found);
			break;
		case 'forinit':
			scanSubs(instr.items ?? [], found);
			break;
		case 'case':
			scanWord(instr.word, found);
			break;
	}
	return found;
}

function scanSubs(words: readonly Word[], found: Simple[]): void {
	for (const word of words) scanWord(word, found);
}

function scanWord(word: Word, found: Simple[]): void {
	for (const part of word) if (part.t === 'cmdsub') found.push(onlySimple(part.body));
}

/** A substitution's body when it is one simple command (what podplay runs), else an empty command. */
function onlySimple(body: List): Simple {
	const only = body.length === 1 ? body[0]!.andOr : undefined;
	const cmd =
		only && only.rest.length === 0 && only.first.commands.length === 1 ? only.first.commands[0] : undefined;
	return cmd?.t === 'simple' ? cmd : {t: 'simple', assigns: [], words: [], redirs: []};
}

/**
 * `$(cmd)`: a forked subshell that execs `cmd` (one process, R-EXEC-6). Its output is computed here
 * for the commands whose output podplay knows (date, echo, printf, hostname, printenv, cat); the
 * shell waits for the child as for a foreground command.
 */
function substitute(
	p: ShellParams,
	s: ShellState,
	env: ProgramEnv,
	cmd: Simple,
	acc: Syscall[],
): Syscall[] | undefined {
	const look = lookup(p, s, env);
	const argv = cmd.words.flatMap((w) => expandWord(w, look, []));
	const name = argv[0] ?? '';
	let output = '';
	const extra: Syscall[] = [];
	switch (name) {
		case 'date':
			output = formatDate(env.now);
			break;
		case 'echo':
			output = argv.slice(1).join(' ');
			break;
		case 'hostname':
			output = s.vars.HOSTNAME ?? '';
			break;
		case 'printenv':
			output = argv
				.slice(1)
				.map((a) => s.vars[a] ?? '')
				.join('\n');
			break;
		case 'cat':
			s.waiting = {kind: 'read', path: argv[1] ?? '', purpose: 'cat'};
			return [{call: 'readFile', path: argv[1] ?? '', reply: 'read'}];
		case '':
			extra.push({call: 'note', text: 'this `$(…)` is not simulated: it gives an empty string'});
			break;
		default:
			extra.push({
				call: 'note',
				text: `the output of \`$(${name} …)\` is not simulated: it gives an empty string`,
			});
	}
	if (builtins.has(name) || name === '') {
		s.subs.push(output);
		acc.push(...extra);
		return undefined;
	}
	const resolved = resolveExec(argv, execContext(p, s));
	if (!resolved.ok) {
		s.subs.push('');
		acc.push({call: 'write', text: notFoundText(p, name)});
		return undefined;
	}
	// The child's own output went into the pipe, not to the log.
	const spec = {...resolved.spec, print: []};
	s.waiting = {kind: 'sub', output};
	return [
		...extra,
		{call: 'fork', program: specCall(spec), comm: commOf(argv, spec), argv, stdout: '/dev/null', reply: 'fg'},
	];
}

function execContext(p: ShellParams, s: ShellState): ExecContext {
	return {...(p.image ? {image: p.image} : {}), imageRef: p.imageRef, env: s.vars};
}

function commOf(argv: readonly string[], spec: {comm?: string; program: string}): string {
	const base = (argv[0] ?? '').slice((argv[0] ?? '').lastIndexOf('/') + 1);
	return (spec.comm ?? (base || spec.program)).slice(0, 15);
}

function notes(texts: readonly string[]): Syscall[] {
	return texts.map((text) => ({call: 'note', text}));
}

/** R-EXEC-9: what each shell prints for a command it cannot find. */
function notFoundText(p: ShellParams, name: string): string {
	if (p.flavour === 'bash') return `${p.name}: ${name}: command not found`;
	if (p.flavour === 'dash') return `${p.name}: 1: ${name}: not found`;
	return `${p.name}: ${name}: not found`;
}

/** A simple command: assignments, builtins, or fork + exec + wait (or exec, R-EXEC-5). */
function simple(
	p: ShellParams,
	s: ShellState,
	env: ProgramEnv,
	cmd: Simple,
	subs: string[],
	acc: Syscall[],
): Syscall[] | undefined {
	const look = lookup(p, s, env);
	const argv = cmd.words.flatMap((w) => expandWord(w, look, subs));
	const assigns = cmd.assigns.map((a) => [a.name, expandString(a.value, look, subs)] as const);
	if (argv.length === 0) {
		for (const [name, value] of assigns) s.vars[name] = value;
		s.status = 0;
		return undefined;
	}
	const out = outputTarget(cmd, look, subs);
	const name = argv[0]!;
	if (builtins.has(name)) return builtin(p, s, argv, out, acc);
	const resolved = resolveExec(argv, execContext(p, s));
	if (!resolved.ok) {
		s.status = 127;
		acc.push({call: 'write', text: notFoundText(p, name)});
		return undefined;
	}
	const envFor = {...s.vars, ...Object.fromEntries(assigns)};
	const spec = assigns.length > 0 ? resolveExec(argv, {...execContext(p, s), env: envFor}) : resolved;
	const program = spec.ok ? spec.spec : resolved.spec;
	const comm = commOf(argv, program);
	const redirected = out.kind === 'null' ? {stdout: '/dev/null'} : {};
	const extra = notes(resolved.notes);
	if (out.kind === 'file')
		extra.push({call: 'note', text: `output of \`${name}\` redirected to ${out.path} is not kept`});
	// R-EXEC-5: the tail command is exec'd unless a trap is set, or (bash) a background child has not
	// been reaped yet: `bash -c 'sleep 1 & sleep 3'` keeps bash as PID 1 (conformance case S30).
	const jobs = p.flavour === 'bash' && (s.jobs?.length ?? 0) > 0;
	if (cmd.tail && Object.keys(s.traps).length === 0 && out.kind !== 'file' && !jobs) {
		return [...extra, {call: 'exec', program: specCall(program), comm, argv}];
	}
	s.waiting = {kind: 'fg', pids: [], last: -1};
	return [...extra, {call: 'fork', program: specCall(program), comm, argv, ...redirected, reply: 'fg'}];
}

type Output = {kind: 'log'} | {kind: 'null'} | {kind: 'file'; path: string; append: boolean};

function outputTarget(cmd: Simple, look: (name: string) => string, subs: string[]): Output {
	let out: Output = {kind: 'log'};
	for (const r of cmd.redirs) {
		if (r.op === '<' || r.op === '>&') continue;
		if (r.fd !== 1) continue;
		const path = expandString(r.target, look, subs);
		if (path === '/dev/null') out = {kind: 'null'};
		else if (path === '/dev/stdout' || path === '/dev/stderr' || path === '/proc/1/fd/1') out = {kind: 'log'};
		else out = {kind: 'file', path, append: r.op === '>>'};
	}
	return out;
}

function write(out: Output, lines: string[]): Syscall[] {
	if (out.kind === 'null') return [];
	if (out.kind === 'file') return [{call: 'writeFile', path: out.path, lines, append: out.append}];
	return lines.map((text) => ({call: 'write', text}));
}

/** Builtins run in the shell (R-EXEC-6): their calls go to `acc`; only `wait`, `exit`, `exec` and file tests stop the run. */
function builtin(
	p: ShellParams,
	s: ShellState,
	argv: string[],
	out: Output,
	acc: Syscall[],
): Syscall[] | undefined {
	const [name, ...args] = argv as [string, ...string[]];
	s.status = 0;
	switch (name) {
		case ':':
		case 'true':
		case 'cd':
		case 'local':
		case 'ulimit':
		case 'umask':
			acc.push(...write(out, []));
			return undefined;
		case 'false':
			s.status = 1;
			return undefined;
		case 'echo': {
			const noNewline = args[0] === '-n';
			const text = (noNewline ? args.slice(1) : args).join(' ');
			acc.push(...write(out, [text]));
			return undefined;
		}
		case 'printf': {
			const text = printf(args[0] ?? '', args.slice(1));
			const lines = text.replace(/\n$/, '').split('\n');
			acc.push(...write(out, text === '' ? [] : lines));
			return undefined;
		}
		case 'test':
		case '[':
			return test(s, name === '[' ? args.slice(0, args.at(-1) === ']' ? -1 : undefined) : args);
		case 'export':
			for (const arg of args) {
				const eq = arg.indexOf('=');
				if (eq > 0) s.vars[arg.slice(0, eq)] = arg.slice(eq + 1);
			}
			return undefined;
		case 'unset':
			for (const arg of args) delete s.vars[arg];
			return undefined;
		case 'set':
			for (const arg of args) {
				if (/^-[a-z]*e/.test(arg)) s.errexit = true;
				if (/^\+[a-z]*e/.test(arg)) s.errexit = false;
			}
			return undefined;
		case 'exit': {
			// R-EXEC-9: exit N is N mod 256 (exit 300 gives 44).
			const code = args[0] === undefined ? s.status : Number.parseInt(args[0], 10) || 0;
			return [{call: 'exit', code: ((code % 256) + 256) % 256}];
		}
		case 'wait': {
			const pid = args[0] === undefined ? undefined : Number.parseInt(args[0].replace(/^%/, ''), 10);
			s.waiting = {kind: 'wait', ...(pid === undefined || Number.isNaN(pid) ? {} : {pid})};
			return [{call: 'wait', pid: -1, reply: 'wait'}];
		}
		case 'trap':
			acc.push(...trap(s, args));
			return undefined;
		case 'kill':
			acc.push(...kill(p, s, args));
			return undefined;
		case 'shift':
			return undefined;
		case 'exec': {
			if (args.length === 0) return undefined;
			const resolved = resolveExec(args, execContext(p, s));
			if (!resolved.ok)
				return [
					{call: 'write', text: `${p.name}: exec: ${args[0]}: not found`},
					{call: 'exit', code: 127},
				];
			return [
				...notes(resolved.notes),
				{call: 'exec', program: specCall(resolved.spec), comm: commOf(args, resolved.spec), argv: args},
			];
		}
		default:
			s.status = 1;
			acc.push({call: 'note', text: `the \`${name}\` builtin is not simulated: it fails with status 1`});
			return undefined;
	}
}

function printf(format: string, args: string[]): string {
	let i = 0;
	return format
		.replace(/\\n/g, '\n')
		.replace(/\\t/g, '\t')
		.replace(/%[-0-9.]*([sdi%])/g, (_m, kind: string) =>
			kind === '%' ? '%' : (args[i++] ?? (kind === 's' ? '' : '0')),
		);
}

/** `test` / `[`: strings, integers, `!`, and files (-e -f -s -r, read through the file system). */
function test(s: ShellState, args: string[]): Syscall[] | undefined {
	let negate = false;
	let rest = args;
	if (rest[0] === '!' && rest.length > 1) {
		negate = true;
		rest = rest.slice(1);
	}
	const result = (ok: boolean) => {
		s.status = ok !== negate ? 0 : 1;
		return undefined;
	};
	const [a, op, b] = rest;
	if (rest.length === 0) return result(false);
	if (rest.length === 1) return result(a !== '');
	if (rest.length === 2) {
		if (a === '-n') return result(op !== '');
		if (a === '-z') return result(op === '');
		if (['-e', '-f', '-s', '-r', '-d'].includes(a!)) {
			s.waiting = {kind: 'read', path: op!, purpose: 'test', negate};
			return [{call: 'readFile', path: op!, reply: 'read'}];
		}
		return result(false);
	}
	const x = Number.parseInt(a ?? '', 10);
	const y = Number.parseInt(b ?? '', 10);
	switch (op) {
		case '=':
		case '==':
			return result(a === b);
		case '!=':
			return result(a !== b);
		case '-eq':
			return result(x === y);
		case '-ne':
			return result(x !== y);
		case '-lt':
			return result(x < y);
		case '-le':
			return result(x <= y);
		case '-gt':
			return result(x > y);
		case '-ge':
			return result(x >= y);
	}
	s.status = 2;
	return undefined;
}

function trap(s: ShellState, args: string[]): Syscall[] {
	if (args.length < 2) return [];
	const [action, ...names] = args as [string, ...string[]];
	const calls: Syscall[] = [];
	for (const raw of names) {
		const signal = raw === 'EXIT' || raw === '0' ? undefined : parseSignal(raw);
		if (!signal) {
			calls.push({call: 'note', text: `trap on ${raw} is not simulated`});
			continue;
		}
		if (action === '-') {
			delete s.traps[signal];
			calls.push({call: 'sigaction', signal, action: 'default'});
			continue;
		}
		if (action === '') {
			calls.push({call: 'sigaction', signal, action: 'ignore'});
			continue;
		}
		const parsed = parseShell(action);
		if (!parsed.ok) {
			calls.push({call: 'note', text: `trap action \`${action}\` is not simulated: ${parsed.error}`});
			continue;
		}
		s.traps[signal] = compile(parsed.list);
		calls.push({call: 'sigaction', signal, action: 'handle'});
	}
	return calls;
}

/** The `kill` builtin: the signal goes now; `$?` is 0 (a missing PID is not checked here). */
function kill(p: ShellParams, s: ShellState, args: string[]): Syscall[] {
	let signal: SignalName = 'SIGTERM';
	let rest = args;
	if (rest[0] === '-s' && rest[1]) {
		signal = parseSignal(rest[1]) ?? 'SIGTERM';
		rest = rest.slice(2);
	} else if (rest[0]?.startsWith('-')) {
		if (rest[0] === '-0') {
			s.status = 0;
			return [{call: 'note', text: '`kill -0` is not simulated: it succeeds'}];
		}
		signal = parseSignal(rest[0].slice(1)) ?? 'SIGTERM';
		rest = rest.slice(1);
	}
	const calls: Syscall[] = rest
		.map((pid) => Number.parseInt(pid, 10))
		.filter((pid) => !Number.isNaN(pid))
		.map((pid) => ({call: 'kill', pid, signal}) as const);
	if (calls.length === 0) {
		s.status = 1;
		return [{call: 'write', text: `${p.name}: kill: usage: kill [-s sigspec] pid`}];
	}
	return calls;
}

/** A reply came back: finish what the shell was waiting for, then run on. */
function resume(
	p: ShellParams,
	s: ShellState,
	event: Extract<ProgramEvent, {type: 'return'}>,
	env: ProgramEnv,
): Syscall[] {
	const frame = s.frames.at(-1)!;
	const waiting = s.waiting;
	switch (event.reply) {
		case 'spin':
			return afterSignals(p, s, env);
		case 'read': {
			if (waiting?.kind !== 'read') return run(p, s, env);
			s.waiting = undefined;
			const lines = event.errno ? undefined : (event.value as {lines: string[]}).lines;
			if (waiting.purpose === 'test') {
				s.status = (lines !== undefined) !== (waiting.negate ?? false) ? 0 : 1;
				frame.pc++;
				s.subs = [];
				return run(p, s, env);
			}
			// `$(cat FILE)`: the child `cat` runs as a process too.
			s.waiting = {kind: 'sub', output: (lines ?? []).join('\n')};
			const spec = {program: 'app' as const, comm: 'cat', exitAfter: 0, exitCode: lines ? 0 : 1};
			return [
				{
					call: 'fork',
					program: specCall(spec),
					comm: 'cat',
					argv: ['cat', waiting.path],
					stdout: '/dev/null',
					reply: 'fg',
				},
			];
		}
		case 'bg':
			if (!event.errno) {
				s.lastBg = event.value as number;
				s.jobs = [...(s.jobs ?? []), s.lastBg];
			}
			s.status = 0;
			return run(p, s, env);
		case 'pipe':
			if (waiting?.kind === 'fg' && !event.errno) {
				waiting.pids.push(event.value as number);
				waiting.last = event.value as number;
			}
			// The last fork's reply starts the wait.
			if (waiting?.kind === 'fg' && frame && waiting.pids.length === countPipe(p, s, frame))
				return [{call: 'wait', pid: -1, reply: 'reaped'}];
			return [];
		case 'fg':
			if (event.errno) {
				// fork failed (pids.max): the shell reports it and the command fails.
				s.waiting = undefined;
				s.status = 2;
				frame.pc++;
				s.subs = [];
				return [
					{call: 'write', text: `${p.name}: can't fork: Resource temporarily unavailable`},
					...run(p, s, env),
				];
			}
			if (waiting?.kind === 'fg') {
				waiting.pids = [event.value as number];
				waiting.last = event.value as number;
			} else if (waiting?.kind === 'sub') {
				s.waiting = {kind: 'fg', pids: [event.value as number], last: event.value as number};
				(s.waiting as Waiting & {output?: string}).output = waiting.output;
			} else s.waiting = {kind: 'fg', pids: [event.value as number], last: event.value as number};
			return [{call: 'wait', pid: -1, reply: 'reaped'}];
		case 'reaped':
			return reaped(p, s, event, env);
		case 'wait':
			return waited(p, s, event, env);
		default:
			return [];
	}
}

function countPipe(p: ShellParams, s: ShellState, frame: Frame): number {
	const instr = frameCode(p, s, frame)[frame.pc];
	return instr?.op === 'pipe' ? instr.cmds.length : 1;
}

/** waitpid(-1) while a foreground command runs: reaps anything (R-EXEC-8); EINTR retries. */
function reaped(
	p: ShellParams,
	s: ShellState,
	event: Extract<ProgramEvent, {type: 'return'}>,
	env: ProgramEnv,
): Syscall[] {
	const waiting = s.waiting;
	if (waiting?.kind !== 'fg') return run(p, s, env);
	if (event.errno === 'EINTR') return [{call: 'wait', pid: -1, reply: 'reaped'}];
	if (event.errno) return finishForeground(p, s, env, waiting, 0);
	const child = event.value as {pid: number; status?: ExitStatus};
	if (s.jobs?.includes(child.pid)) s.jobs = s.jobs.filter((pid) => pid !== child.pid);
	const index = waiting.pids.indexOf(child.pid);
	if (index < 0) return [{call: 'wait', pid: -1, reply: 'reaped'}];
	waiting.pids.splice(index, 1);
	const code = statusCode(child.status);
	if (child.pid === waiting.last) waiting.statusOfLast = code;
	if (waiting.pids.length > 0) return [{call: 'wait', pid: -1, reply: 'reaped'}];
	return finishForeground(p, s, env, waiting, waiting.statusOfLast ?? code);
}

function finishForeground(
	p: ShellParams,
	s: ShellState,
	env: ProgramEnv,
	waiting: Waiting,
	code: number,
): Syscall[] {
	const frame = s.frames.at(-1)!;
	const output = (waiting as {output?: string}).output;
	s.waiting = undefined;
	if (output !== undefined) {
		// A `$(…)` finished: its output feeds the instruction, which runs again.
		s.subs.push(output);
		s.status = code;
		return afterSignals(p, s, env);
	}
	s.status = code;
	frame.pc++;
	s.subs = [];
	const instr = frameCode(p, s, frame)[frame.pc - 1];
	if (s.errexit && code !== 0 && instr && isCommand(instr) && !instr.cond) return [{call: 'exit', code}];
	return afterSignals(p, s, env);
}

/**
 * R-EXEC-7: signals that arrived while a foreground command ran are acted on now. A trap runs;
 * an untrapped SIGINT ends dash and ash with 130.
 */
function afterSignals(p: ShellParams, s: ShellState, env: ProgramEnv): Syscall[] {
	while (s.pending.length > 0) {
		const signal = s.pending.shift()!;
		if (s.traps[signal]) {
			s.frames.push({trap: signal, pc: 0, status: s.status});
			break;
		}
		if (signal === 'SIGINT' && p.flavour !== 'bash') return [{call: 'exit', code: signalExitCode('SIGINT')}];
	}
	return run(p, s, env);
}

/** The `wait` builtin: reaps until its job is gone (or ECHILD); a trapped signal interrupts it at once. */
function waited(
	p: ShellParams,
	s: ShellState,
	event: Extract<ProgramEvent, {type: 'return'}>,
	env: ProgramEnv,
): Syscall[] {
	const waiting = s.waiting;
	const frame = s.frames.at(-1)!;
	if (waiting?.kind !== 'wait') return run(p, s, env);
	if (event.errno === 'EINTR') {
		const signal = s.pending[0];
		if (signal && (s.traps[signal] || (signal === 'SIGINT' && p.flavour !== 'bash'))) {
			// R-EXEC-7: wait returns 128+N, then the trap runs.
			s.waiting = undefined;
			s.status = signalExitCode(signal);
			frame.pc++;
			s.subs = [];
			return afterSignals(p, s, env);
		}
		return [{call: 'wait', pid: -1, reply: 'wait'}];
	}
	if (event.errno) {
		// ECHILD: every child has been waited for.
		s.waiting = undefined;
		s.jobs = [];
		if (waiting.pid !== undefined) s.status = 127;
		frame.pc++;
		s.subs = [];
		return afterSignals(p, s, env);
	}
	const child = event.value as {pid: number; status?: ExitStatus};
	if (s.jobs?.includes(child.pid)) s.jobs = s.jobs.filter((pid) => pid !== child.pid);
	if (waiting.pid !== undefined && child.pid === waiting.pid) {
		s.waiting = undefined;
		s.status = statusCode(child.status);
		frame.pc++;
		s.subs = [];
		return afterSignals(p, s, env);
	}
	return [{call: 'wait', pid: -1, reply: 'wait'}];
}

/** R-EXEC-9: a child killed by signal N gives 128+N. */
function statusCode(status: ExitStatus | undefined): number {
	if (!status) return 0;
	return 'code' in status ? status.code : signalExitCode(status.signal);
}
