// Signal names, numbers (x86_64) and default actions (signal(7)).
export const signalNumbers = {
	SIGHUP: 1,
	SIGINT: 2,
	SIGQUIT: 3,
	SIGILL: 4,
	SIGTRAP: 5,
	SIGABRT: 6,
	SIGBUS: 7,
	SIGFPE: 8,
	SIGKILL: 9,
	SIGUSR1: 10,
	SIGSEGV: 11,
	SIGUSR2: 12,
	SIGPIPE: 13,
	SIGALRM: 14,
	SIGTERM: 15,
	SIGSTKFLT: 16,
	SIGCHLD: 17,
	SIGCONT: 18,
	SIGSTOP: 19,
	SIGTSTP: 20,
	SIGTTIN: 21,
	SIGTTOU: 22,
	SIGURG: 23,
	SIGXCPU: 24,
	SIGXFSZ: 25,
	SIGVTALRM: 26,
	SIGPROF: 27,
	SIGWINCH: 28,
	SIGIO: 29,
	SIGPWR: 30,
	SIGSYS: 31,
	SIGRTMIN: 34,
	'SIGRTMIN+3': 37,
} as const;

export type SignalName = keyof typeof signalNumbers;

export const signalNames = Object.keys(signalNumbers) as SignalName[];

export type DefaultAction = 'terminate' | 'ignore' | 'stop' | 'continue';

const ignoredByDefault = new Set<SignalName>(['SIGCHLD', 'SIGURG', 'SIGWINCH']);
const stopping = new Set<SignalName>(['SIGSTOP', 'SIGTSTP', 'SIGTTIN', 'SIGTTOU']);

export function defaultAction(signal: SignalName): DefaultAction {
	if (ignoredByDefault.has(signal)) return 'ignore';
	if (stopping.has(signal)) return 'stop';
	if (signal === 'SIGCONT') return 'continue';
	return 'terminate';
}

/** Synchronous fault signals: tini does not forward them (R-SUP-2). */
export const faultSignals = new Set<SignalName>([
	'SIGSEGV',
	'SIGBUS',
	'SIGFPE',
	'SIGILL',
	'SIGTRAP',
	'SIGABRT',
]);

export function isSignalName(name: string): name is SignalName {
	return name in signalNumbers;
}

/** Accepts `TERM`, `SIGTERM`, `sigterm` or `15`. */
export function parseSignal(text: string): SignalName | undefined {
	const upper = text.trim().toUpperCase();
	if (/^\d+$/.test(upper)) {
		const number = Number(upper);
		return signalNames.find((name) => signalNumbers[name] === number);
	}
	const name = upper.startsWith('SIG') ? upper : `SIG${upper}`;
	return isSignalName(name) ? name : undefined;
}

/** Exit code shells and runtimes report for a process killed by a signal: 128 + N (R-SIG-8). */
export function signalExitCode(signal: SignalName): number {
	return 128 + signalNumbers[signal];
}
