import {didYouMean} from './did-you-mean.js';

/** Linux signal numbers (x86-64, arm64); exit code 128+N reports a death by signal N (R-SIG-8). */
export const SIGNAL_NUMBERS: Readonly<Record<string, number>> = {
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
	SIGRTMAX: 64,
};

const ALIASES: Readonly<Record<string, string>> = {SIGIOT: 'SIGABRT', SIGPOLL: 'SIGIO', SIGCLD: 'SIGCHLD'};

export type SignalResult = {ok: true; signal: string} | {ok: false; message: string};

/**
 * `TERM`, `sigterm`, `SIGTERM` and 15 all become `SIGTERM`; real-time signals are written
 * `SIGRTMIN+3` (systemd halts on it, R-SUP-1).
 */
export function normaliseSignal(input: string | number): SignalResult {
	if (typeof input === 'number') return signalByNumber(input);
	let name = input.trim().toUpperCase();
	if (/^\d+$/.test(name)) return signalByNumber(Number(name));
	if (!name.startsWith('SIG')) name = `SIG${name}`;
	name = ALIASES[name] ?? name;
	if (name in SIGNAL_NUMBERS) return {ok: true, signal: name};
	const realtime = /^SIG(RTMIN\+|RTMAX-)(\d+)$/.exec(name);
	if (realtime && Number(realtime[2]) <= 30)
		return {ok: true, signal: `SIG${realtime[1]}${Number(realtime[2])}`};
	return {ok: false, message: `unknown signal "${input}"${didYouMean(name, Object.keys(SIGNAL_NUMBERS))}`};
}

/** The number of a normalised signal name. */
export function signalNumber(signal: string): number {
	const realtime = /^SIG(RTMIN\+|RTMAX-)(\d+)$/.exec(signal);
	if (realtime) return realtime[1] === 'RTMIN+' ? 34 + Number(realtime[2]) : 64 - Number(realtime[2]);
	return SIGNAL_NUMBERS[signal] ?? 0;
}

function signalByNumber(value: number): SignalResult {
	const name = Object.keys(SIGNAL_NUMBERS).find((key) => SIGNAL_NUMBERS[key] === value);
	if (name) return {ok: true, signal: name};
	if (Number.isInteger(value) && value > 34 && value < 64)
		return {ok: true, signal: `SIGRTMIN+${value - 34}`};
	return {ok: false, message: `unknown signal number ${value}`};
}
