// asciicast v2 (docs.asciinema.org/manual/asciicast/v2): a JSON header line, then one JSON array
// per event: [seconds, "o", data] for output, "m" for markers, "r" for resizes.
export type CastEvent = [seconds: number, kind: 'o' | 'm' | 'r', data: string];

export type Cast = {width: number; height: number; title?: string; events: CastEvent[]};

/** The .cast file: deterministic (no wall-clock timestamp in the header). */
export function castText(cast: Cast): string {
	const header = {
		version: 2,
		width: cast.width,
		height: cast.height,
		...(cast.title ? {title: cast.title} : {}),
		env: {TERM: 'xterm-256color'},
	};
	const lines = [
		JSON.stringify(header),
		...cast.events.map(([t, kind, data]) => JSON.stringify([Number(t.toFixed(3)), kind, data])),
	];
	return `${lines.join('\n')}\n`;
}

/** Squeeze long idle gaps (presenter pacing): no pause longer than `maxGap` seconds. */
export function capIdle(events: CastEvent[], maxGap: number): CastEvent[] {
	let shift = 0;
	let previous = 0;
	return events.map(([t, kind, data]) => {
		const gap = t - shift - previous;
		if (gap > maxGap) shift += gap - maxGap;
		previous = t - shift;
		return [t - shift, kind, data];
	});
}
