// execve: a new program in the same process (R-SIG-5, R-REAP-6).
import type {Ctx} from './context.js';
import {emit, wake} from './context.js';
import {settled} from './plain.js';
import type {ProgramCall} from './syscalls.js';
import {releaseOtherThreads} from './threads.js';
import type {Process} from './types.js';

/**
 * R-SIG-5: caught signals are reset to SIG_DFL, ignored ones stay ignored; the blocked mask and
 * pending signals are kept. R-REAP-6: the subreaper attribute survives. Other threads are gone.
 */
export function execProgram(ctx: Ctx, p: Process, program: ProgramCall, comm: string, argv?: string[]): void {
	const reset = Object.entries(p.actions)
		.filter(([, action]) => action === 'handle')
		.map(([signal]) => signal);
	for (const signal of reset) delete p.actions[signal as keyof typeof p.actions];
	const old = p.comm;
	p.comm = comm;
	p.argv = [...(argv ?? [comm])];
	p.program = {name: program.name, params: settled(program.params ?? {}), state: {}};
	delete p.resume;
	// de_thread: the other threads are gone, their TIDs free.
	releaseOtherThreads(ctx, p);
	p.threads[0].name = comm;
	const kept = Object.entries(p.actions)
		.filter(([, action]) => action === 'ignore')
		.map(([signal]) => signal);
	const detail =
		reset.length > 0
			? `; handlers for ${reset.join(', ')} reset to SIG_DFL${kept.length > 0 ? `, ${kept.join(', ')} still ignored` : ''}`
			: kept.length > 0
				? `; ${kept.join(', ')} still ignored`
				: '';
	emit(ctx, 'R-SIG-5', 'exec', `${p.hostPid} (${old}) executes ${comm}${detail}`, {
		pid: p.hostPid,
		data: {reset, kept},
	});
	wake(ctx, p.hostPid, {type: 'start'});
}
