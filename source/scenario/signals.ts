import {signalNumbers} from '../kernel/index.js';
import {didYouMean} from './did-you-mean.js';

/** Linux signal numbers, as the kernel model knows them; exit code 128+N reports death by signal N (R-SIG-8). */
export const SIGNAL_NUMBERS: Readonly<Record<string, number>> = signalNumbers;

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
	return {ok: false, message: `unknown signal "${input}"${didYouMean(name, Object.keys(SIGNAL_NUMBERS))}`};
}

/** The number of a normalised signal name. */
export function signalNumber(signal: string): number {
	return SIGNAL_NUMBERS[signal] ?? 0;
}

function signalByNumber(value: number): SignalResult {
	const name = Object.keys(SIGNAL_NUMBERS).find((key) => SIGNAL_NUMBERS[key] === value);
	if (name) return {ok: true, signal: name};
	return {ok: false, message: `unknown signal number ${value}`};
}
