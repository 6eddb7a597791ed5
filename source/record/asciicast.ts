// asciicast v2 (docs.asciinema.org/manual/asciicast/v2): a JSON header line, then one JSON array
// per event: [seconds, "o", data] for output, "m" for markers, "r" for resizes.
import type {CastTheme} from './themes.js';

export type CastEvent = [seconds: number, kind: 'o' | 'm' | 'r', data: string];

export type Cast = {
	width: number;
	height: number;
	title?: string;
	/** Seconds; players cap longer pauses to it (the events here are already capped). */
	idleTimeLimit?: number;
	/** What made the recording: `podplay record …` marks a file as podplay's own (see output.ts). */
	command?: string;
	theme?: CastTheme;
	events: CastEvent[];
};

/** The .cast file: deterministic (no wall-clock timestamp in the header). */
export function castText(cast: Cast): string {
	const header = {
		version: 2,
		width: cast.width,
		height: cast.height,
		...(cast.idleTimeLimit !== undefined ? {idle_time_limit: cast.idleTimeLimit} : {}),
		...(cast.command ? {command: cast.command} : {}),
		...(cast.title ? {title: cast.title} : {}),
		env: {TERM: 'xterm-256color'},
		...(cast.theme
			? {theme: {fg: cast.theme.fg, bg: cast.theme.bg, palette: cast.theme.palette.join(':')}}
			: {}),
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

export type ParsedCast = {header: Record<string, unknown>; events: CastEvent[]};

/** Reads a .cast file back (tests, the SVG and HTML writers); undefined when it is not one. */
export function parseCast(text: string): ParsedCast | undefined {
	const [first, ...rest] = text.split('\n').filter((line) => line.trim() !== '');
	try {
		const header = JSON.parse(first ?? '');
		if (header?.version !== 2) return undefined;
		return {header, events: rest.map((line) => JSON.parse(line) as CastEvent)};
	} catch {
		return undefined;
	}
}
