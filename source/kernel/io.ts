// Files on volumes, stdout streams and ports: just enough for logs, shared emptyDirs and
// "address already in use" in a pod's network namespace.
import type {Ctx} from './context.js';
import {emit, label, namespace} from './context.js';
import type {Errno} from './errno.js';
import type {MntNamespace, NetNamespace, Process, Volume} from './types.js';
import {ownedArray, plain} from './working.js';

/** A process whose stdout is /dev/null writes nowhere. */
export const nullStream = '/dev/null';

/** Most recent lines kept per stream: logs are for reading, not for growing without bound. */
export const streamLimit = 1000;

export function writeStdout(ctx: Ctx, p: Process, text: string): void {
	if (p.stdout === nullStream) return;
	const stream = ownedArray(ctx, ctx.k.streams, p.stdout);
	stream.push(text);
	if (stream.length > streamLimit) stream.splice(0, stream.length - streamLimit);
}

/** Resolve a path through the process's mount namespace to a volume and a file name. */
function resolve(ctx: Ctx, p: Process, path: string): {volume: Volume; file: string} | undefined {
	const mnt = namespace(ctx, p.ns.mnt) as MntNamespace | undefined;
	if (!mnt) return undefined;
	const mountPath = Object.keys(plain(mnt.mounts))
		.filter((m) => path === m || path.startsWith(m.endsWith('/') ? m : `${m}/`))
		.sort((a, b) => b.length - a.length)[0];
	const volumeId = mountPath === undefined ? `rootfs:${mnt.id}` : mnt.mounts[mountPath];
	const volume = (ctx.k.volumes[volumeId] ??= {files: {}});
	return {volume, file: mountPath === undefined ? path : path.slice(mountPath.length) || '/'};
}

export function appendFile(ctx: Ctx, p: Process, path: string, line: string): Errno | undefined {
	const target = resolve(ctx, p, path);
	if (!target) return 'ENOENT';
	const lines = ownedArray(ctx, target.volume.files, target.file);
	lines.push(line);
	if (lines.length > streamLimit) lines.splice(0, lines.length - streamLimit);
	return undefined;
}

export function readFile(
	ctx: Ctx,
	p: Process,
	path: string,
	from = 0,
): {lines: string[]; next: number} | {errno: Errno} {
	const target = resolve(ctx, p, path);
	const lines = plain(target?.volume.files[target.file]);
	if (!lines) return {errno: 'ENOENT'};
	return {lines: lines.slice(from), next: lines.length};
}

export function writeFile(
	ctx: Ctx,
	p: Process,
	path: string,
	lines: string[],
	append: boolean,
): Errno | undefined {
	const target = resolve(ctx, p, path);
	if (!target) return 'ENOENT';
	const existing = target.volume.files[target.file];
	const next = append && existing ? [...existing, ...lines] : [...lines];
	if (next.length > streamLimit) next.splice(0, next.length - streamLimit);
	target.volume.files[target.file] = next;
	return undefined;
}

export function unlink(ctx: Ctx, p: Process, path: string): Errno | undefined {
	const target = resolve(ctx, p, path);
	if (!target?.volume.files[target.file]) return 'ENOENT';
	delete target.volume.files[target.file];
	return undefined;
}

export function copyFile(ctx: Ctx, p: Process, from: string, to: string): Errno | undefined {
	const source = readFile(ctx, p, from);
	if ('errno' in source) return source.errno;
	const target = resolve(ctx, p, to);
	if (!target) return 'ENOENT';
	target.volume.files[target.file] = [...source.lines];
	return undefined;
}

/** One listener per port in a network namespace: containers of a pod share it. */
export function bind(ctx: Ctx, p: Process, port: number): Errno | undefined {
	const net = namespace(ctx, p.ns.net) as NetNamespace;
	const holder = net.ports[port];
	if (holder !== undefined) {
		emit(
			ctx,
			'R-POD-1',
			'errno',
			`bind to port ${port} by ${label(p)} fails: EADDRINUSE, ${holder} already listens there in network namespace [${net.id}]`,
			{
				pid: p.hostPid,
				errno: 'EADDRINUSE',
			},
		);
		return 'EADDRINUSE';
	}
	net.ports[port] = p.hostPid;
	return undefined;
}

export function connect(ctx: Ctx, p: Process, port: number): Errno | undefined {
	const net = namespace(ctx, p.ns.net) as NetNamespace;
	return net.ports[port] === undefined ? 'ECONNREFUSED' : undefined;
}
