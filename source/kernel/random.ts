// A seeded generator held in the world (mulberry32), so the same seed gives the same run.
export function nextRandom(state: number): [value: number, next: number] {
	const next = (state + 0x6d2b79f5) | 0;
	let t = next;
	t = Math.imul(t ^ (t >>> 15), t | 1);
	t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
	return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next];
}

export function seedState(seed: number): number {
	return (seed * 2654435761) | 0;
}
