/**
 * Optimal string alignment distance (Damerau-Levenshtein where each substring is edited at most
 * once): insertions, deletions, substitutions and swaps of two neighbours each cost 1.
 */
export function editDistance(a: string, b: string): number {
	const rows: number[][] = [];
	for (let i = 0; i <= a.length; i++) rows.push([i]);
	for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				best = Math.min(best, rows[i - 2]![j - 2]! + 1);
			}
			rows[i]![j] = best;
		}
	}
	return rows[a.length]![b.length]!;
}

/** The closest candidate, if it is close enough: distance ≤ 2 or ≤ a third of the word's length. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
	let best: string | undefined;
	let bestDistance = Number.POSITIVE_INFINITY;
	const lower = word.toLowerCase();
	for (const candidate of candidates) {
		// Case differences count as one edit in total, so `hostpid` still finds `hostPID`.
		const distance = candidate.toLowerCase() === lower ? 1 : editDistance(lower, candidate.toLowerCase());
		if (distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
		}
	}
	const limit = Math.max(2, Math.floor(word.length / 3));
	// A suggestion that replaces the whole word ("x" → "sh") is a guess, not a correction.
	const close = bestDistance <= limit && bestDistance < word.length;
	return best !== undefined && close && best !== word ? best : undefined;
}

/** ` — did you mean "x"?` or an empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
	const match = closest(word, candidates);
	return match === undefined ? '' : ` — did you mean "${match}"?`;
}
