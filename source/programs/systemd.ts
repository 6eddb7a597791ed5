// A systemd-style supervisor (R-SUP-1): reaps everything, restarts its service per Restart= after
// RestartSec (100 ms), and gives up after 5 starts within 10 s (start-limit-hit). The runtime only
// sees the supervisor, so an app crash never ends the container. SIGTERM means "re-execute",
// SIGRTMIN+3 means halt.
import type {Program, Syscall} from '../kernel/index.js';
import {commOf, type ProgramParams, params, specCall} from './params.js';
import {exitCodeOf, isReapReturn, reaped, reapOnce} from './reaping.js';

const startLimitBurst = 5;
const startLimitIntervalMs = 10_000;

export const systemd: Program = {
	name: 'systemd',
	parameters: ['service', 'restart', 'restartSec'],
	summary: 'a systemd-style supervisor: restarts its service inside the container, reaps everything',
	react(raw, state, event, env) {
		const p = params(raw);
		const unit = `${p.service ? commOf(p.service) : 'app'}.service`;
		const main = Number(state.main ?? 0);
		const starts = (state.starts as number[] | undefined) ?? [];
		switch (event.type) {
			case 'start':
				return {
					calls: [
						{call: 'prctl', option: 'PR_SET_CHILD_SUBREAPER', value: true},
						{call: 'sigaction', signal: 'SIGCHLD', action: 'handle'},
						{call: 'sigaction', signal: 'SIGTERM', action: 'handle'},
						{call: 'sigaction', signal: 'SIGRTMIN+3', action: 'handle'},
						...startService(p),
						{call: 'pause'},
					],
				};
			case 'return':
				if (event.reply === 'started') {
					if (event.errno) return {calls: [{call: 'write', text: `Failed to start ${unit}: ${event.errno}`}]};
					return {
						state: {...state, main: event.value, starts: [...starts, env.now].slice(-startLimitBurst)},
						calls: [{call: 'write', text: `Started ${unit}.`}],
					};
				}
				if (isReapReturn(event)) {
					const done = reaped(event);
					if (!done) return {calls: [{call: 'pause'}]};
					if (done.pid !== main) return {calls: [reapOnce()]};
					const code = exitCodeOf(done.status);
					return {
						state: {...state, main: 0},
						calls: [...afterExit(p, unit, code, starts, env.now), reapOnce()],
					};
				}
				return {calls: [{call: 'pause'}]};
			case 'timer':
				return event.tag === 'restart' ? {calls: startService(p)} : {};
			case 'signal':
				if (event.signal === 'SIGCHLD') return {calls: [reapOnce()]};
				if (event.signal === 'SIGTERM')
					return {calls: [{call: 'write', text: 'systemd: Received SIGTERM, reexecuting.'}, {call: 'pause'}]};
				return {
					calls: [
						{call: 'write', text: 'systemd: Received SIGRTMIN+3, halting.'},
						...(main > 0 ? [{call: 'kill', pid: main, signal: 'SIGTERM'} as const] : []),
						{call: 'exit', code: 0},
					],
				};
			default:
				return {};
		}
	},
};

function startService(p: ProgramParams): Syscall[] {
	if (!p.service) return [];
	return [
		{call: 'fork', program: specCall(p.service), comm: commOf(p.service), resetMask: true, reply: 'started'},
	];
}

function afterExit(p: ProgramParams, unit: string, code: number, starts: number[], now: number): Syscall[] {
	const result = code === 0 ? 'status=0/SUCCESS' : `status=${code}/FAILURE`;
	const calls: Syscall[] = [{call: 'write', text: `${unit}: Main process exited, code=exited, ${result}`}];
	const policy = p.restart ?? 'on-failure';
	if (policy === 'no' || (policy === 'on-failure' && code === 0)) return calls;
	const recent = starts.filter((t) => now - t < startLimitIntervalMs);
	if (recent.length >= startLimitBurst) {
		calls.push({call: 'write', text: `${unit}: Start request repeated too quickly.`});
		calls.push({call: 'write', text: `${unit}: Failed with result 'start-limit-hit'.`});
		return calls;
	}
	calls.push({call: 'alarm', ms: p.restartSec ?? 100, tag: 'restart'});
	return calls;
}
