// What an executable does, by the name argv[0] resolves to in the image (R-EXEC-3, R-EXEC-10):
// the binaries podplay simulates become programs; an absent one is the runtime's start error; an
// unknown one runs until stopped, and says so in a note.
import type {Image, ShellFlavour} from './images.js';
import type {ProgramParams, ProgramSpec} from './params.js';
import {serverSpec} from './server-specs.js';
import {shellSpec} from './shell/machine.js';

export type Resolution =
	| {ok: true; spec: ProgramSpec; notes: string[]}
	/** R-EXEC-3: runc could not find or run argv[0]: StartContainer fails with this text. */
	| {ok: false; error: string};

export type ExecContext = {
	image?: Image;
	/** The image reference as the manifest wrote it. */
	imageRef: string;
	env: Record<string, string>;
};

function basename(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1);
}

/** R-EXEC-3: runc's message when argv[0] is not in the image. */
export function notFound(argv0: string): string {
	return argv0.includes('/')
		? `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${argv0}": stat ${argv0}: no such file or directory: unknown`
		: `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${argv0}": executable file not found in $PATH: unknown`;
}

const done = (spec: ProgramSpec): Resolution => ({ok: true, spec, notes: []});

/** A short-lived command: prints its lines and exits with `code` (R-EXEC-9). */
export function oneShot(comm: string, print: string[], code = 0): ProgramSpec {
	return {program: 'app', comm, print, exitAfter: 0, exitCode: code};
}

/** The program argv runs in this image, or the start error the runtime reports. */
export function resolveExec(argv: readonly string[], ctx: ExecContext): Resolution {
	const argv0 = argv[0] ?? '';
	const name = basename(argv0);
	const image = ctx.image;
	if (image && !image.bin.includes(name)) return {ok: false, error: notFound(argv0)};
	const args = argv.slice(1);
	switch (name) {
		case 'pause':
			return done({program: 'pause'});
		case 'ipc':
		case 'app':
			if (args.includes('-producer')) return done({program: 'producer', key: 1});
			if (args.includes('-consumer')) return done({program: 'consumer', key: 1});
			break;
		case 'sleep':
			return sleepProgram(args, image);
		case 'true':
			return done(oneShot('true', []));
		case 'false':
			return done(oneShot('false', [], 1));
		case 'echo':
			return done(oneShot('echo', [args.join(' ')]));
		case 'sh':
		case 'ash':
		case 'dash':
		case 'bash':
			return shellProgram(name, args, ctx);
		case 'touch':
		case 'rm':
		case 'cat':
		case 'date':
		case 'wget':
		case 'curl':
		case 'tail':
			if (name === 'tail' && !args.includes('-f')) break;
			return done({
				program: 'coreutil',
				comm: name,
				...({tool: name, args, busybox: image?.sh?.startsWith('ash') ?? false} as ProgramParams),
			});
		case 'agnhost':
		case 'goproxy':
		case 'etcd':
		case 'redis-server':
		case 'python':
		case 'python3':
		case 'nginx':
		case 'docker-entrypoint.sh':
		case 'stress': {
			const spec = serverSpec(name, args, ctx);
			if (spec) return done(spec);
			break;
		}
		case 'printenv':
			return done(
				oneShot(
					'printenv',
					args.length === 0
						? Object.entries(ctx.env).map(([k, v]) => `${k}=${v}`)
						: args.filter((a) => ctx.env[a] !== undefined).map((a) => ctx.env[a]!),
					args.some((a) => ctx.env[a] === undefined) ? 1 : 0,
				),
			);
	}
	const what = image ? `\`${name}\` in image ${ctx.imageRef}` : `\`${name}\` (image ${ctx.imageRef})`;
	return {
		ok: true,
		spec: {program: 'app', comm: name.slice(0, 15)},
		notes: [`${what} is not simulated: it runs until stopped, with no signal handlers`],
	};
}

/** R-EXEC-16: `sleep N`, `sleep 1.5`, `sleep 2m`, `sleep infinity` (busybox from 1.31 only). */
function sleepProgram(args: readonly string[], image: Image | undefined): Resolution {
	const argument = args[0] ?? '';
	if (argument === 'infinity' || argument === 'inf') {
		if (image && !image.sleepInfinity)
			return done(oneShot('sleep', [`sleep: invalid number '${argument}'`], 1));
		return done({program: 'sleep', comm: 'sleep'});
	}
	const match = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(argument);
	if (!match) return done(oneShot('sleep', [`sleep: invalid number '${argument}'`], 1));
	const unit = {'': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000}[match[2] as 's'];
	return done({program: 'sleep', comm: 'sleep', exitAfter: Math.round(Number(match[1]) * unit)});
}

/** Which shell runs: `bash` is bash; `sh`, `ash`, `dash` are the image's /bin/sh (R-EXEC-4). */
function flavourOf(name: string, image: Image | undefined): ShellFlavour {
	if (name === 'bash') return 'bash';
	if (name === 'dash') return 'dash';
	return image?.sh ?? 'dash';
}

/**
 * `sh -c STRING` (R-EXEC-5..9): the script runs on the shell model. Syntax the model does not
 * simulate is said in a note, and the shell then runs until stopped rather than doing something else.
 */
function shellProgram(name: string, args: readonly string[], ctx: ExecContext): Resolution {
	const flavour = flavourOf(name, ctx.image);
	const c = args.indexOf('-c');
	if (c < 0 || args[c + 1] === undefined) {
		// R-EXEC-17: no tty, stdin is /dev/null: the shell reads EOF and exits 0.
		return done(oneShot(name, [], 0));
	}
	const script = args[c + 1]!;
	const built = shellSpec(name, flavour, script, ctx);
	if (!built.ok) {
		return {
			ok: true,
			spec: {program: 'app', comm: name},
			notes: [
				`the script of \`${name} -c\` is not simulated (${built.error}): \`${name}\` runs until stopped`,
			],
		};
	}
	return done({program: 'shell', comm: name, ...(built.params as unknown as ProgramParams)});
}
