// Median and rate helpers. The bench machine has 2 noisy cores: every figure is the median of
// several rounds, and every ratio is taken within one round (both sides under the same noise).

export function median(values: number[]): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `fn` repeatedly for about `budgetMs` (at least `minRuns` times) and returns calls per second. */
export function ratePerSecond(fn: () => void, budgetMs = 250, minRuns = 20): number {
	let runs = 0;
	const started = performance.now();
	let elapsed = 0;
	while (runs < minRuns || elapsed < budgetMs) {
		fn();
		runs += 1;
		elapsed = performance.now() - started;
	}
	return (runs * 1000) / elapsed;
}

/** Wall-clock milliseconds of one call. */
export function timeMs(fn: () => void): number {
	const started = performance.now();
	fn();
	return performance.now() - started;
}

/** Runs `rounds` rounds of `round()` and returns the median of each named figure. */
export function medianOfRounds<K extends string>(
	rounds: number,
	round: () => Record<K, number>,
): Record<K, number> {
	const samples = new Map<K, number[]>();
	for (let i = 0; i < rounds; i++) {
		for (const [key, value] of Object.entries(round()) as [K, number][]) {
			samples.set(key, [...(samples.get(key) ?? []), value]);
		}
	}
	return Object.fromEntries([...samples].map(([key, values]) => [key, median(values)])) as Record<K, number>;
}

/** Full garbage collection when node runs with --expose-gc (the bench script passes it). */
export function collect(): void {
	const gc = (globalThis as {gc?: () => void}).gc;
	gc?.();
	gc?.();
}

export const hasGc = () => typeof (globalThis as {gc?: unknown}).gc === 'function';
