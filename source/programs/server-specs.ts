// The common images' servers as data (R-EXEC-10..15, R-EXEC-18): port, start lines, which signals
// stop them and with what code. Returns undefined for a subcommand podplay does not know.
import type {ExecContext} from './binaries.js';
import type {ProgramSpec} from './params.js';
import {goStop, type ServerParams} from './servers.js';

type Spec = ProgramSpec & ServerParams;

/** `--vm-bytes 250M`, `150Mi`, `1G` → bytes. */
function bytes(text: string | undefined): number {
	const match = /^(\d+(?:\.\d+)?)([KMG]i?)?[bB]?$/i.exec(text ?? '');
	if (!match) return 256 * 1024 * 1024;
	const unit = {'': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3}[(match[2]?.[0] ?? '').toLowerCase()] ?? 1;
	return Math.round(Number(match[1]) * unit);
}

function flag(args: readonly string[], name: string): string | undefined {
	const i = args.indexOf(name);
	if (i >= 0) return args[i + 1];
	const joined = args.find((a) => a.startsWith(`${name}=`));
	return joined?.slice(name.length + 1);
}

export function serverSpec(name: string, args: readonly string[], _ctx: ExecContext): Spec | undefined {
	switch (name) {
		case 'agnhost':
			// R-EXEC-13: Go; `liveness` answers 200 for 10 s, then 500 (test/images/agnhost/liveness).
			if (args[0] === 'liveness')
				return {program: 'server', comm: 'agnhost', port: 8080, stop: goStop, http: {healthyForMs: 10_000}};
			if (
				args[0] === 'netexec' ||
				args[0] === 'serve-hostname' ||
				args[0] === undefined ||
				args[0] === 'pause'
			)
				return {
					program: 'server',
					comm: 'agnhost',
					stop: goStop,
					...(args[0] === 'pause' || args[0] === undefined
						? {}
						: {port: args[0] === 'netexec' ? 8080 : 9376}),
				};
			return undefined;
		case 'goproxy':
			return {program: 'server', comm: 'goproxy', port: 8080, stop: goStop};
		case 'etcd': {
			const url = flag(args, '--listen-client-urls') ?? 'http://localhost:2379';
			const port = Number(/:(\d+)/.exec(url)?.[1] ?? 2379);
			return {
				program: 'server',
				comm: 'etcd',
				port,
				grpc: true,
				stop: {
					signals: ['SIGTERM', 'SIGINT'],
					code: 0,
					lines: ['{"level":"info","msg":"received signal; shutting down","signal":"terminated"}'],
				},
			};
		}
		case 'redis-server':
			// R-EXEC-14.
			return {
				program: 'server',
				comm: 'redis-server',
				port: 6379,
				print: ['1:M * Ready to accept connections tcp'],
				stop: {
					signals: ['SIGTERM', 'SIGINT'],
					code: 0,
					lines: [
						'1:signal-handler Received SIGTERM scheduling shutdown...',
						'1:M # User requested shutdown...',
						'1:M * Saving the final RDB snapshot before exiting.',
						'1:M * DB saved on disk',
						'1:M # Redis is now ready to exit, bye bye...',
					],
				},
			};
		case 'python':
		case 'python3': {
			// R-EXEC-15: only SIGINT is handled; the start line stays in the stdout buffer.
			if (args[0] === '-m' && args[1] === 'http.server') {
				const port = Number(args[2] ?? 8000) || 8000;
				return {
					program: 'server',
					comm: name,
					port,
					stop: {signals: ['SIGINT'], code: 0, lines: ['', 'Keyboard interrupt received, exiting.']},
				};
			}
			return args.length === 0 ? {program: 'app', comm: name, exitAfter: 0, exitCode: 0} : undefined;
		}
		case 'docker-entrypoint.sh':
		case 'nginx': {
			const rest = name === 'nginx' ? args : args.slice(1);
			if (name === 'docker-entrypoint.sh' && args[0] !== 'nginx') return undefined;
			if (rest[0] === '-s')
				// `nginx -s quit|stop|reload` signals the master through its pid file (PID 1 here).
				return {program: 'coreutil', comm: 'nginx', ...({tool: 'nginx-s', args: [...rest]} as object)};
			// R-EXEC-11: the master and its workers (worker_processes auto: the node's 2 CPUs); QUIT is
			// a graceful stop (its STOPSIGNAL), TERM and INT a fast one; both exit 0.
			const entrypoint =
				name === 'docker-entrypoint.sh'
					? [
							'/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
							'/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
							'/docker-entrypoint.sh: Configuration complete; ready for start up',
						]
					: [];
			return {
				program: 'server',
				comm: 'nginx',
				port: 80,
				print: [...entrypoint, 'nginx: [notice] start worker processes'],
				workers: {count: 2, comm: 'nginx', stopOn: ['SIGQUIT', 'SIGTERM', 'SIGINT']},
				stop: {
					signals: ['SIGQUIT', 'SIGTERM', 'SIGINT'],
					code: 0,
					lines: ['nginx: [notice] signal {signal} received, exiting', 'nginx: [notice] exit'],
					afterMs: 100,
				},
			};
		}
		case 'stress': {
			// R-EXEC-18: one worker per --vm, each allocating --vm-bytes; no signal handlers.
			const workers = Number(flag(args, '--vm') ?? 0);
			return {
				program: 'server',
				comm: 'stress',
				print: [`stress: info: [1] dispatching hogs: 0 cpu, 0 io, ${workers} vm, 0 hdd`],
				workers: {count: workers, comm: 'stress', memory: bytes(flag(args, '--vm-bytes'))},
			};
		}
	}
	return undefined;
}
