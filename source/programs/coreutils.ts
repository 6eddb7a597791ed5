// Small commands as processes (R-EXEC-6): touch, rm, cat, date, wget/curl, tail -f. Each does its
// file or network calls and exits with the status the real one gives; busybox and GNU wording as
// the image has it.
import type {Program, Syscall} from '../kernel/index.js';
import {formatDate} from './shell/date.js';

export type CoreutilParams = {tool: string; args: string[]; busybox?: boolean};

type State = {i?: number; failed?: boolean};

export const coreutil: Program = {
	name: 'coreutil',
	summary: 'touch, rm, cat, date, wget, curl, tail -f: short-lived commands that do their calls and exit',
	react(raw, rawState, event, env) {
		const p = raw as CoreutilParams;
		const state = rawState as State;
		const paths = p.args.filter((a) => !a.startsWith('-'));
		switch (p.tool) {
			case 'date':
				return event.type === 'start'
					? {
							calls: [
								{call: 'write', text: formatDate(env.now)},
								{call: 'exit', code: 0},
							],
						}
					: {};
			case 'touch':
				if (event.type !== 'start') return {};
				return {
					calls: [
						...paths.map((path): Syscall => ({call: 'writeFile', path, lines: [], append: true})),
						{call: 'exit', code: 0},
					],
				};
			case 'tail':
				// `tail -f /dev/null`: waits forever, no handlers (R-EXEC-16).
				return event.type === 'start' ? {calls: [{call: 'pause'}]} : {};
			case 'rm':
			case 'cat':
				return oneFileAtATime(p, paths, state, event);
			case 'wget':
			case 'curl':
				return fetch(p, event);
			case 'nginx-s': {
				if (event.type !== 'start') return {};
				const signal = ({quit: 'SIGQUIT', stop: 'SIGTERM', reload: 'SIGHUP', reopen: 'SIGUSR1'} as const)[
					p.args[1] as 'quit'
				];
				return {
					calls: [
						...(signal ? [{call: 'kill', pid: 1, signal} as const] : []),
						{call: 'exit', code: signal ? 0 : 1},
					],
				};
			}
			default:
				return event.type === 'start' ? {calls: [{call: 'exit', code: 0}]} : {};
		}
	},
};

/** rm and cat walk their files one call at a time; a missing file is reported and sets status 1. */
function oneFileAtATime(
	p: CoreutilParams,
	paths: string[],
	state: State,
	event: Parameters<Program['react']>[2],
): ReturnType<Program['react']> {
	const force = p.tool === 'rm' && p.args.some((a) => /^-[a-z]*f/.test(a));
	let i = state.i ?? 0;
	let failed = state.failed ?? false;
	const out: Syscall[] = [];
	if (event.type === 'return') {
		const path = paths[i]!;
		if (event.errno) {
			if (!(p.tool === 'rm' && force)) {
				failed = true;
				out.push({
					call: 'write',
					text:
						p.tool === 'cat'
							? p.busybox
								? `cat: can't open '${path}': No such file or directory`
								: `cat: ${path}: No such file or directory`
							: p.busybox
								? `rm: can't remove '${path}': No such file or directory`
								: `rm: cannot remove '${path}': No such file or directory`,
				});
			}
		} else if (p.tool === 'cat') {
			for (const line of (event.value as {lines: string[]}).lines) out.push({call: 'write', text: line});
		}
		i++;
	} else if (event.type !== 'start') return {};
	if (i >= paths.length) return {calls: [...out, {call: 'exit', code: failed ? 1 : 0}]};
	const path = paths[i]!;
	const next: Syscall =
		p.tool === 'rm' ? {call: 'unlink', path, reply: 'file'} : {call: 'readFile', path, reply: 'file'};
	return {state: {i, failed}, calls: [...out, next]};
}

/** wget/curl to a port some process listens on in the pod's network namespace, else the real error. */
function fetch(p: CoreutilParams, event: Parameters<Program['react']>[2]): ReturnType<Program['react']> {
	const url = p.args.find((a) => /^(https?:\/\/)?[\w.-]+(:\d+)?(\/|$)/.test(a) && !a.startsWith('-')) ?? '';
	const match = /^(?:(https?):\/\/)?([\w.-]+)(?::(\d+))?/.exec(url);
	const host = match?.[2] ?? 'localhost';
	const port = Number(match?.[3] ?? (match?.[1] === 'https' ? 443 : 80));
	if (event.type === 'start') return {calls: [{call: 'connect', port, reply: 'connected'}]};
	if (event.type !== 'return') return {};
	if (!event.errno) {
		const output = p.args[p.args.indexOf('-O') + 1];
		const save: Syscall[] =
			p.tool === 'wget' && p.args.includes('-O') && output && output !== '-'
				? [{call: 'writeFile', path: output, lines: ['<html>'], append: false}]
				: [];
		return {calls: [...save, {call: 'exit', code: 0}]};
	}
	const text =
		p.tool === 'wget'
			? `wget: can't connect to remote host (${host}): Connection refused`
			: `curl: (7) Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server`;
	return {
		calls: [
			{call: 'write', text},
			{call: 'exit', code: p.tool === 'wget' ? 1 : 7},
		],
	};
}
