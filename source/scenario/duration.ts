/**
 * Durations as Go and Kubernetes write them: `0`, `250ms`, `1.5s`, `2m`, `1m30s`, `1h`.
 * A bare number other than 0 is refused, as in Go's time.ParseDuration: `5` could mean anything.
 */
const UNIT_MS: Record<string, number> = {ms: 1, s: 1000, m: 60_000, h: 3_600_000};
const PART = /(\d+(?:\.\d*)?|\.\d+)(ms|h|m|s)/y;

/**
 * The longest duration podplay accepts: 1000 hours (about six weeks) of virtual time. A scenario,
 * `--until` or `goto` beyond it is refused where it is written, rather than running for ever.
 */
export const MAX_DURATION_MS = 1000 * UNIT_MS.h!;

export type DurationResult = {ok: true; ms: number} | {ok: false; message: string};

export function parseDuration(input: string | number): DurationResult {
	if (typeof input === 'number') {
		return input === 0 ? {ok: true, ms: 0} : {ok: false, message: needsUnit(String(input))};
	}
	const text = input.trim();
	if (text === '0') return {ok: true, ms: 0};
	if (/^\d+(\.\d+)?$/.test(text)) return {ok: false, message: needsUnit(text)};
	let ms = 0;
	PART.lastIndex = 0;
	while (PART.lastIndex < text.length) {
		const start = PART.lastIndex;
		const match = PART.exec(text);
		if (!match) {
			return {
				ok: false,
				message: `invalid duration "${input}" at "${text.slice(start)}"; use e.g. 250ms, 1.5s, 2m, 1m30s`,
			};
		}
		ms += Number(match[1]) * UNIT_MS[match[2]!]!;
	}
	if (text === '') return {ok: false, message: 'empty duration; use e.g. 0, 250ms, 1.5s, 2m'};
	if (ms > MAX_DURATION_MS)
		return {
			ok: false,
			message: `duration ${text} is longer than the maximum, ${formatDuration(MAX_DURATION_MS)}`,
		};
	// Decimal fractions (1.1s) are not exact in binary: keep microsecond precision.
	return {ok: true, ms: Math.round(ms * 1000) / 1000};
}

function needsUnit(text: string): string {
	return `duration ${text} needs a unit: write ${text}s, ${text}ms or ${text}m`;
}

/** The shortest canonical text for a duration in milliseconds: 0, 250ms, 1.5s, 1m30s, 2h5m. */
export function formatDuration(ms: number): string {
	if (ms === 0) return '0';
	if (ms < 1000) return `${trim(ms)}ms`;
	const hours = Math.floor(ms / 3_600_000);
	const minutes = Math.floor((ms % 3_600_000) / 60_000);
	const seconds = (ms % 60_000) / 1000;
	return `${hours ? `${hours}h` : ''}${minutes ? `${minutes}m` : ''}${seconds ? `${trim(seconds)}s` : ''}`;
}

function trim(value: number): string {
	return String(Math.round(value * 1_000_000) / 1_000_000);
}
