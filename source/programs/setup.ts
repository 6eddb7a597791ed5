// The calls a program makes as it starts, from its plain-data parameters.
import type {Syscall} from '../kernel/index.js';
import {commOf, type ProgramParams, type ProgramSpec, specCall} from './params.js';

export const exitTimer = 'exit';

/** The parameters setupCalls reads: a program that starts with it takes all of these. */
export const setupParameters = [
	'children',
	'reaps',
	'handle',
	'ignore',
	'block',
	'exitAfter',
	'threads',
	'subreaper',
	'print',
	'memory',
	'port',
] as const;

/** Signal dispositions, mask, subreaper, threads, output, memory, port, children and exit timer. */
export function setupCalls(p: ProgramParams): Syscall[] {
	const calls: Syscall[] = [];
	if (p.subreaper) calls.push({call: 'prctl', option: 'PR_SET_CHILD_SUBREAPER', value: true});
	for (const signal of p.ignore ?? []) calls.push({call: 'sigaction', signal, action: 'ignore'});
	for (const signal of p.handle ?? []) calls.push({call: 'sigaction', signal, action: 'handle'});
	if (p.reaps) calls.push({call: 'sigaction', signal: 'SIGCHLD', action: 'handle'});
	if (p.block && p.block.length > 0) calls.push({call: 'sigprocmask', how: 'block', signals: p.block});
	for (const name of p.threads ?? []) calls.push({call: 'thread', name});
	for (const line of p.print ?? []) calls.push({call: 'write', text: line});
	if (p.memory) calls.push({call: 'alloc', bytes: p.memory});
	if (p.port !== undefined) calls.push({call: 'bind', port: p.port});
	for (const child of p.children ?? []) calls.push(...forkCalls(child));
	if (p.exitAfter !== undefined) calls.push({call: 'alarm', ms: p.exitAfter, tag: exitTimer});
	return calls;
}

export function forkCalls(spec: ProgramSpec): Syscall[] {
	const count = spec.count ?? 1;
	return Array.from(
		{length: count},
		() => ({call: 'fork', program: specCall(spec), comm: commOf(spec)}) as const,
	);
}
