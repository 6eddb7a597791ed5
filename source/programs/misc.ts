// Small programs: a fork bomb, the four-thread Helloworld and a file copier (an init container).
import type {Program} from '../kernel/index.js';
import {params} from './params.js';
import {setupCalls, setupParameters} from './setup.js';

/**
 * `:(){ :|:& };:` — each generation forks two more and exits; orphans go to PID 1 (R-REAP-3); a
 * process whose fork fails with EAGAIN at pids.max (zombies count, R-ZOMB-5) gives up and waits.
 */
export const forkBomb: Program = {
	name: 'fork-bomb',
	parameters: ['delay'],
	summary: 'a fork bomb: every process forks two more, until pids.max says EAGAIN',
	react(raw, state, event) {
		const p = params(raw);
		const bomb = {name: 'fork-bomb', params: raw};
		if (event.type === 'start') return {calls: [{call: 'sleep', ms: p.delay ?? 10, reply: 'go'}]};
		if (event.type !== 'return') return {};
		if (event.reply === 'go') {
			const fork = {call: 'fork', program: bomb, comm: 'bomb', reply: 'forked'} as const;
			return {state: {forked: 0}, calls: [fork, fork]};
		}
		if (event.reply !== 'forked' || state.failed) return {};
		if (event.errno) {
			return {
				state: {failed: true},
				calls: [
					{call: 'write', text: 'bomb: fork: retry: Resource temporarily unavailable'},
					{call: 'pause'},
				],
			};
		}
		const forked = Number(state.forked ?? 0) + 1;
		return forked === 2 ? {calls: [{call: 'exit', code: 0}]} : {state: {forked}};
	},
};

export const helloworld: Program = {
	name: 'helloworld',
	parameters: setupParameters.filter((name) => name !== 'threads'),
	summary: 'Helloworld: one process of four threads {api, main, log, compute}',
	react(raw, _state, event) {
		if (event.type !== 'start') return event.type === 'signal' ? {calls: [{call: 'exit', code: 0}]} : {};
		const p = params(raw);
		return {
			calls: [
				{call: 'prctl', option: 'PR_SET_NAME', name: 'main'},
				...['api', 'log', 'compute'].map((name) => ({call: 'thread', name}) as const),
				{call: 'write', text: 'Hello world from 4 threads: api, main, log, compute'},
				...setupCalls({...p, threads: undefined}),
				{call: 'pause'},
			],
		};
	},
};

export const copier: Program = {
	name: 'cp',
	parameters: ['file', 'from'],
	summary: 'copies a file (an init container preparing a volume), then exits 0',
	react(raw, _state, event) {
		const p = params(raw);
		if (event.type === 'start') {
			return {
				calls: [
					{call: 'copyFile', from: p.from ?? '/app.war', to: p.file ?? '/data/app.war', reply: 'copied'},
				],
			};
		}
		if (event.type === 'return' && event.reply === 'copied') {
			const ok = !event.errno;
			return {
				calls: [
					{
						call: 'write',
						text: ok
							? `copied ${p.from ?? '/app.war'} to ${p.file ?? '/data/app.war'}`
							: `cp: ${event.errno}`,
					},
					{call: 'exit', code: ok ? 0 : 1},
				],
			};
		}
		return {};
	},
};
