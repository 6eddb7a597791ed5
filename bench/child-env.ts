// The environment for child processes the bench times: NODE_EXTRA_CA_CERTS adds ~80 ms to every
// Node start on these VMs (toolchain-notes), and CI=false makes Ink draw frames in a pty.
export function childEnv(): Record<string, string> {
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
	delete env.NODE_EXTRA_CA_CERTS;
	return {...env, CI: 'false', TERM: 'xterm-256color', FORCE_COLOR: '1'};
}
