// The image catalogue (R-EXEC-10): what an image runs when the pod gives no command, its
// STOPSIGNAL, which `/bin/sh` it ships (R-EXEC-4) and which binaries are on its PATH. Data only;
// what each binary does is in binaries.ts.
import type {SignalName} from '../kernel/index.js';

/** Which shell `/bin/sh` is, with the version where it matters (R-EXEC-5's table). */
export type ShellFlavour = 'ash' | 'ash-1.27' | 'dash' | 'bash';

export type Image = {
	/** The image family, as the catalogue names it. */
	family: string;
	entrypoint: string[];
	cmd: string[];
	stopSignal?: SignalName;
	/** `/bin/sh`; none in FROM-scratch and distroless images. */
	sh?: ShellFlavour;
	/** busybox `sleep` accepts `infinity` only from 1.31 (R-EXEC-16). */
	sleepInfinity: boolean;
	/** Binaries on PATH, by basename; `*` when anything a Debian system has is assumed present. */
	bin: readonly string[];
};

const busyboxApplets = [
	'sh',
	'ash',
	'sleep',
	'echo',
	'printf',
	'cat',
	'touch',
	'rm',
	'test',
	'[',
	'date',
	'true',
	'false',
	'printenv',
	'env',
	'wget',
	'kill',
	'killall',
	'ps',
	'tail',
	'ls',
	'mkdir',
	'cp',
	'hostname',
	'nc',
	'top',
];
const debianBase = [
	'sh',
	'dash',
	'bash',
	'sleep',
	'echo',
	'printf',
	'cat',
	'touch',
	'rm',
	'test',
	'[',
	'date',
	'true',
	'false',
	'printenv',
	'env',
	'kill',
	'ps',
	'tail',
	'ls',
	'mkdir',
	'cp',
	'hostname',
];

const families: Record<string, Omit<Image, 'family'>> = {
	busybox: {entrypoint: [], cmd: ['sh'], sh: 'ash', sleepInfinity: true, bin: busyboxApplets},
	alpine: {entrypoint: [], cmd: ['/bin/sh'], sh: 'ash', sleepInfinity: true, bin: busyboxApplets},
	debian: {entrypoint: [], cmd: ['bash'], sh: 'dash', sleepInfinity: true, bin: debianBase},
	ubuntu: {entrypoint: [], cmd: ['/bin/bash'], sh: 'dash', sleepInfinity: true, bin: debianBase},
	nginx: {
		entrypoint: ['/docker-entrypoint.sh'],
		cmd: ['nginx', '-g', 'daemon off;'],
		stopSignal: 'SIGQUIT',
		sh: 'dash',
		sleepInfinity: true,
		bin: [...debianBase, 'nginx', 'curl', 'docker-entrypoint.sh'],
	},
	redis: {
		entrypoint: ['docker-entrypoint.sh'],
		cmd: ['redis-server'],
		sh: 'dash',
		sleepInfinity: true,
		bin: [...debianBase, 'redis-server', 'redis-cli', 'docker-entrypoint.sh'],
	},
	python: {
		entrypoint: [],
		cmd: ['python3'],
		sh: 'dash',
		sleepInfinity: true,
		bin: [...debianBase, 'python', 'python3', 'curl', 'wget'],
	},
	agnhost: {entrypoint: ['/agnhost'], cmd: ['pause'], sleepInfinity: true, bin: ['agnhost']},
	goproxy: {entrypoint: ['/goproxy'], cmd: [], sleepInfinity: false, bin: ['goproxy']},
	etcd: {entrypoint: [], cmd: ['/usr/local/bin/etcd'], sleepInfinity: false, bin: ['etcd']},
	// ⚠ (exec-hooks-images §9): the docs always give `command: [stress]`; its ENTRYPOINT is unverified.
	stress: {entrypoint: [], cmd: ['stress'], sh: 'bash', sleepInfinity: true, bin: [...debianBase, 'stress']},
	pause: {entrypoint: ['/pause'], cmd: [], sleepInfinity: false, bin: ['pause']},
	// The book's System V IPC example image (R-IPC-9).
	ch6_ipc: {
		entrypoint: ['/ipc'],
		cmd: [],
		sh: 'ash',
		sleepInfinity: true,
		bin: [...busyboxApplets, 'ipc', 'app'],
	},
};

/** Image names (registry path without tag or digest) → family. */
const names: Record<string, string> = {
	busybox: 'busybox',
	'registry.k8s.io/busybox': 'busybox',
	'k8s.gcr.io/busybox': 'busybox',
	'gcr.io/google-containers/busybox': 'busybox',
	alpine: 'alpine',
	debian: 'debian',
	ubuntu: 'ubuntu',
	nginx: 'nginx',
	redis: 'redis',
	python: 'python',
	'registry.k8s.io/e2e-test-images/agnhost': 'agnhost',
	'k8s.gcr.io/e2e-test-images/agnhost': 'agnhost',
	'registry.k8s.io/goproxy': 'goproxy',
	'k8s.gcr.io/goproxy': 'goproxy',
	'registry.k8s.io/etcd': 'etcd',
	'k8s.gcr.io/etcd': 'etcd',
	'polinux/stress': 'stress',
	'registry.k8s.io/pause': 'pause',
	'k8s.gcr.io/pause': 'pause',
	'allingeek/ch6_ipc': 'ch6_ipc',
};

/** `docker.io/library/busybox:1.36@sha256:…` → name `busybox`, tag `1.36`. */
export function parseImage(image: string): {name: string; tag: string} {
	let name = image.split('@')[0]!;
	let tag = 'latest';
	const lastSlash = name.lastIndexOf('/');
	const colon = name.lastIndexOf(':');
	if (colon > lastSlash) {
		tag = name.slice(colon + 1);
		name = name.slice(0, colon);
	}
	return {name: name.replace(/^(docker\.io\/)?(library\/)?/, ''), tag};
}

/** The catalogue entry for an image reference, or undefined for an image podplay does not know. */
export function lookupImage(image: string): Image | undefined {
	const {name, tag} = parseImage(image);
	const family = names[name];
	if (!family) return undefined;
	const entry: Image = {family, ...families[family]!};
	if (family === 'busybox') {
		// R-EXEC-4, R-EXEC-5, R-EXEC-16: the ash version (exec of the last command from 1.28) and
		// `sleep infinity` (from 1.31) follow the tag.
		const version = busyboxVersion(tag);
		if (version !== undefined && version < 1.28) entry.sh = 'ash-1.27';
		if (version !== undefined && version < 1.31) entry.sleepInfinity = false;
	}
	if (family === 'nginx' || family === 'redis' || family === 'python') {
		// `*:alpine` variants ship busybox ash as /bin/sh.
		if (tag.includes('alpine')) entry.sh = 'ash';
	}
	return entry;
}

/** `1.27.2` → 1.27, `1.28` → 1.28, `latest`/`musl` → undefined. */
function busyboxVersion(tag: string): number | undefined {
	const match = /^1\.(\d+)/.exec(tag);
	return match ? 1 + Number(match[1]) / 100 : undefined;
}
