// argv as the kubelet and containerd build it (R-EXEC-1, R-EXEC-2).
import type {Image} from '../programs/images.js';
import type {ContainerSpec} from './pod-spec.js';

/**
 * R-EXEC-2: `$(NAME)` becomes the value of env var NAME; an unknown NAME stays as written; `$$`
 * becomes `$` (so `$$(X)` is the literal `$(X)`). `$NAME` and `${NAME}` are left for a shell.
 */
export function expandVars(text: string, env: Readonly<Record<string, string>>): string {
	let out = '';
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (ch !== '$' || i + 1 >= text.length) {
			out += ch;
			continue;
		}
		const next = text[i + 1];
		if (next === '$') {
			out += '$';
			i += 1;
			continue;
		}
		if (next === '(') {
			const close = text.indexOf(')', i + 2);
			const name = close < 0 ? '' : text.slice(i + 2, close);
			if (close >= 0 && /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) {
				out += env[name] ?? `$(${name})`;
				i = close;
				continue;
			}
		}
		out += ch;
	}
	return out;
}

/** The container's environment as the kubelet resolves it (literal values; Kubernetes service vars). */
export function containerEnv(spec: Pick<ContainerSpec, 'env'>, podName: string): Record<string, string> {
	const env: Record<string, string> = {
		PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
		HOSTNAME: podName,
		KUBERNETES_SERVICE_HOST: '10.96.0.1',
		KUBERNETES_SERVICE_PORT: '443',
		KUBERNETES_PORT: 'tcp://10.96.0.1:443',
	};
	// Later entries may refer to earlier ones with $(NAME) (R-EXEC-2).
	for (const entry of spec.env ?? []) env[entry.name] = expandVars(entry.value, env);
	return env;
}

/**
 * R-EXEC-1 (containerd WithProcessArgs): `command` replaces ENTRYPOINT and drops CMD; `args` replaces
 * CMD; an empty result is `no command specified`.
 */
export function buildArgv(
	spec: Pick<ContainerSpec, 'command' | 'args'>,
	image: Pick<Image, 'entrypoint' | 'cmd'> | undefined,
	env: Readonly<Record<string, string>>,
): string[] | undefined {
	const command = (spec.command ?? []).map((word) => expandVars(word, env));
	const args = (spec.args ?? []).map((word) => expandVars(word, env));
	if (command.length > 0) return [...command, ...args];
	const entrypoint = (image?.entrypoint ?? []).filter((word, _i, all) => !(all.length === 1 && word === ''));
	const argv = [...entrypoint, ...(args.length > 0 ? args : (image?.cmd ?? []))];
	return argv.length > 0 ? argv : undefined;
}
