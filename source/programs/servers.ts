// Long-running programs of the common images (R-EXEC-10..15, R-EXEC-18): what they listen on, how
// they answer probes, which signals stop them and with what exit code, what they print.
import type {Process, Program, SignalName, Syscall} from '../kernel/index.js';

export type ServerParams = {
	comm?: string;
	port?: number;
	/** Lines written at start (to the container log). */
	print?: string[];
	/** Signals with a handler that ends the program: its lines, then exit with `code`. */
	stop?: {signals: SignalName[]; code: number; lines?: string[]; afterMs?: number};
	/** Signals set to SIG_IGN. */
	ignore?: SignalName[];
	/** httpGet answers: 200, or 500 once `healthyForMs` has passed since start (agnhost liveness). */
	http?: {healthyForMs?: number; accessLog?: boolean};
	/** grpc.health.v1 answers SERVING (etcd). */
	grpc?: boolean;
	/** Workers forked at start (nginx, stress), each running `worker`. */
	workers?: {count: number; comm: string; memory?: number; stopOn?: SignalName[]};
	memory?: number;
};

export const server: Program = {
	name: 'server',
	summary:
		'a server from a common image: listens, answers probes, stops on its own signals with its exit code',
	react(raw, _state, event) {
		const p = raw as ServerParams;
		switch (event.type) {
			case 'start': {
				const calls: Syscall[] = [];
				for (const signal of p.ignore ?? []) calls.push({call: 'sigaction', signal, action: 'ignore'});
				for (const signal of p.stop?.signals ?? []) calls.push({call: 'sigaction', signal, action: 'handle'});
				for (const text of p.print ?? []) calls.push({call: 'write', text});
				if (p.memory) calls.push({call: 'alloc', bytes: p.memory});
				if (p.port !== undefined) calls.push({call: 'bind', port: p.port});
				for (let i = 0; i < (p.workers?.count ?? 0); i++) {
					const w = p.workers!;
					calls.push({
						call: 'fork',
						comm: w.comm,
						program: {
							name: 'app',
							params: {
								comm: w.comm,
								...(w.memory ? {memory: w.memory} : {}),
								...(w.stopOn ? {handle: w.stopOn} : {}),
							},
						},
					});
				}
				calls.push({call: 'pause'});
				return {calls};
			}
			case 'signal': {
				if (event.signal === 'SIGCHLD')
					return {calls: [{call: 'wait', pid: -1, nohang: true}, {call: 'pause'}]};
				const stop = p.stop;
				if (stop?.signals.includes(event.signal)) {
					const lines = (stop.lines ?? []).map((line) => line.replace('{signal}', event.signal));
					// A graceful stop takes a moment (nginx lets its workers finish their requests).
					if (stop.afterMs)
						return {
							calls: [
								...lines.map((text) => ({call: 'write', text}) as const),
								{call: 'sleep', ms: stop.afterMs, reply: 'stopped'},
							],
						};
					return {
						calls: [
							...lines.map((text) => ({call: 'write', text}) as const),
							{call: 'exit', code: stop.code},
						],
					};
				}
				return {calls: [{call: 'pause'}]};
			}
			case 'return':
				if (event.reply === 'stopped') return {calls: [{call: 'exit', code: p.stop?.code ?? 0}]};
				return {calls: [{call: 'pause'}]};
			default:
				return {calls: [{call: 'pause'}]};
		}
	},
};

/** What an httpGet probe gets from the process listening on its port (R-PROBE-3). */
export function httpStatus(listener: Readonly<Process>, now: number): number {
	const p = listener.program.params as ServerParams;
	if (listener.program.name !== 'server' || !p.http) return 200;
	const healthy = p.http.healthyForMs;
	return healthy !== undefined && now - listener.startedAt >= healthy ? 500 : 200;
}

/** What a grpc probe gets (R-PROBE-5): SERVING from a health server, else the protocol error. */
export function grpcServing(listener: Readonly<Process>): boolean {
	return listener.program.name === 'server' && (listener.program.params as ServerParams).grpc === true;
}

/** Go's runtime: a SIGTERM no code asked for re-raises, PID 1 drops it, and it exits 2 (R-EXEC-13). */
export const goStop = {signals: ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT'] as SignalName[], code: 2};
