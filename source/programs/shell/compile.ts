// A parsed script becomes a flat list of instructions with jumps, so the running shell's state is
// only a program counter, variables and a few stacks: plain data, resumable after every system call.
import type {ShellFlavour} from '../images.js';
import type {Command, List, Simple, Word} from './ast.js';

export type Instr =
	/** Run a simple command; `cond` marks a test position, where `set -e` does not exit (R-EXEC-9). */
	| {op: 'run'; cmd: Simple; cond?: boolean}
	/** A pipeline: every stage is its own process; the status is the last stage's (R-EXEC-6). */
	| {op: 'pipe'; cmds: Simple[]; cond?: boolean}
	/** `( … )` or a compound command in the background: a child shell runs `code`. */
	| {op: 'sub'; code: Instr[]; background: boolean; cond?: boolean}
	/** `cmd &`: fork, do not wait; `$!` is its PID. */
	| {op: 'bg'; cmd: Simple}
	| {op: 'jmp'; to: number}
	/** Jump when the last status is 0 (`||` skips its right side). */
	| {op: 'jok'; to: number}
	/** Jump when the last status is not 0. */
	| {op: 'jfail'; to: number}
	| {op: 'not'}
	| {op: 'forinit'; slot: number; items?: Word[]}
	| {op: 'fornext'; slot: number; name: string; end: number}
	| {op: 'case'; word: Word; arms: {patterns: Word[]; to: number}[]; end: number};

export class CompileError extends Error {}

/**
 * R-EXEC-5: which command the shell execs instead of forking. busybox ash ≥ 1.28 execs the last
 * command when the string ends right after it (through `&&`/`||`, groups, subshells and `if`), but not
 * a pipeline; bash ≥ 5.1 execs a last plain simple command without redirections; Debian's dash and
 * busybox ≤ 1.27 never do. Traps, checked when the command runs, also prevent it.
 */
export function markTail(list: List, flavour: ShellFlavour, script: string): void {
	if (flavour === 'dash' || flavour === 'ash-1.27') return;
	if (flavour === 'ash' && script.endsWith('\n')) return;
	markList(list, flavour);
}

/**
 * R-EXEC-5/6: a forked subshell (`( … )`, an asynchronous list) execs its last simple command in
 * every flavour, Debian's dash included (its patch only touches `sh -c`): `(echo a; sleep 2)` under
 * dash shows one child, `sleep 2` (conformance case S10, run on the machine's shells).
 */
export function markSubshell(list: List): void {
	markList(list, 'ash');
}

function markList(list: List, flavour: ShellFlavour): void {
	const last = list.at(-1);
	if (!last || last.background) return;
	const pipeline = last.andOr.rest.at(-1)?.pipeline ?? last.andOr.first;
	if (pipeline.commands.length !== 1 || pipeline.negate) return;
	const command = pipeline.commands[0]!;
	if (command.t === 'simple') {
		if (flavour === 'bash' && command.redirs.length > 0) return;
		command.tail = true;
		return;
	}
	if (flavour !== 'ash') return;
	if (command.t === 'group') markList(command.body, flavour);
	if (command.t === 'if') {
		for (const clause of command.clauses) markList(clause.body, flavour);
		if (command.otherwise) markList(command.otherwise, flavour);
	}
}

export function compile(list: List): Instr[] {
	const code: Instr[] = [];
	let slots = 0;
	const emit = (instr: Instr) => code.push(instr) - 1;
	const patch = (at: number, to: number) => {
		(code[at] as {to: number}).to = to;
	};

	const compileList = (items: List, cond: boolean) => {
		for (const item of items) {
			if (item.background) {
				const command = item.andOr.first.commands[0]!;
				const single = item.andOr.rest.length === 0 && item.andOr.first.commands.length === 1;
				if (single && !item.andOr.first.negate && command.t === 'simple')
					emit({op: 'bg', cmd: {...command, tail: false}});
				else {
					const body = [{...item, background: false}];
					markSubshell(body);
					emit({op: 'sub', code: compile(body), background: true});
				}
				continue;
			}
			const {first, rest} = item.andOr;
			const jumps: number[] = [];
			compilePipeline(first, cond || rest.length > 0);
			rest.forEach((part, index) => {
				jumps.push(emit(part.op === '&&' ? {op: 'jfail', to: -1} : {op: 'jok', to: -1}));
				compilePipeline(part.pipeline, cond || index < rest.length - 1);
			});
			for (const at of jumps) patch(at, code.length);
		}
	};

	const compilePipeline = (pipeline: {negate: boolean; commands: Command[]}, cond: boolean) => {
		const flag = cond || pipeline.negate ? {cond: true} : {};
		if (pipeline.commands.length > 1) {
			const cmds = pipeline.commands.map((c) => {
				if (c.t !== 'simple') throw new CompileError('a compound command inside a pipeline is not simulated');
				return {...c, tail: false};
			});
			emit({op: 'pipe', cmds, ...flag});
		} else compileCommand(pipeline.commands[0]!, cond || pipeline.negate);
		if (pipeline.negate) emit({op: 'not'});
	};

	const compileCommand = (command: Command, cond: boolean) => {
		if (command.t !== 'simple' && command.redirs.length > 0)
			throw new CompileError('redirections of compound commands are not simulated');
		switch (command.t) {
			case 'simple':
				emit({op: 'run', cmd: command, ...(cond ? {cond: true} : {})});
				return;
			case 'group':
				if (command.subshell && !tailOf(command.body)) {
					markSubshell(command.body);
					emit({op: 'sub', code: compile(command.body), background: false, ...(cond ? {cond: true} : {})});
				} else compileList(command.body, cond);
				return;
			case 'if': {
				const ends: number[] = [];
				for (const clause of command.clauses) {
					compileList(clause.cond, true);
					const skip = emit({op: 'jfail', to: -1});
					compileList(clause.body, cond);
					ends.push(emit({op: 'jmp', to: -1}));
					patch(skip, code.length);
				}
				if (command.otherwise) compileList(command.otherwise, cond);
				else emit({op: 'run', cmd: {t: 'simple', assigns: [], words: [[{t: 'lit', v: 'true'}]], redirs: []}});
				for (const at of ends) patch(at, code.length);
				return;
			}
			case 'loop': {
				const top = code.length;
				compileList(command.cond, true);
				const exit = emit(command.until ? {op: 'jok', to: -1} : {op: 'jfail', to: -1});
				compileList(command.body, cond);
				emit({op: 'jmp', to: top});
				patch(exit, code.length);
				// A loop whose body never ran has status 0.
				emit({op: 'run', cmd: {t: 'simple', assigns: [], words: [[{t: 'lit', v: 'true'}]], redirs: []}});
				return;
			}
			case 'for': {
				const slot = slots++;
				emit({op: 'forinit', slot, ...(command.items ? {items: command.items} : {})});
				const top = emit({op: 'fornext', slot, name: command.name, end: -1});
				compileList(command.body, cond);
				emit({op: 'jmp', to: top});
				(code[top] as {end: number}).end = code.length;
				return;
			}
			case 'case': {
				const at = emit({op: 'case', word: command.word, arms: [], end: -1});
				const ends: number[] = [];
				const arms: {patterns: Word[]; to: number}[] = [];
				for (const arm of command.arms) {
					arms.push({patterns: arm.patterns, to: code.length});
					compileList(arm.body, cond);
					ends.push(emit({op: 'jmp', to: -1}));
				}
				for (const end of ends) patch(end, code.length);
				code[at] = {op: 'case', word: command.word, arms, end: code.length};
				return;
			}
		}
	};

	compileList(list, false);
	// Slots are per compiled body; nested bodies get their own (a child shell, a trap).
	return code;
}

/**
 * A subshell whose last command is exec'd runs in place: ash evaluates `( … )` in tail position
 * without forking (EV_EXIT), so `(echo a; sleep 2)` leaves `sleep` as PID 1.
 */
function tailOf(body: List): boolean {
	const last = body.at(-1);
	const pipeline = last ? (last.andOr.rest.at(-1)?.pipeline ?? last.andOr.first) : undefined;
	const command = pipeline?.commands.length === 1 ? pipeline.commands[0] : undefined;
	return command?.t === 'simple' && command.tail === true && !last!.background;
}
