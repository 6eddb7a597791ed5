// A film as an asciicast v2 recording: the changed rows of each frame as "o" events, one "m"
// marker per chapter (label = its title), pauses capped at the idle limit.
import {type CastEvent, capIdle, castText} from './asciicast.js';
import type {Film} from './film.js';
import {frameOutput} from './screen.js';
import type {CastTheme} from './themes.js';

export type CastOptions = {
	columns: number;
	rows: number;
	title: string;
	/** Seconds. */
	idleLimit: number;
	command: string;
	theme: CastTheme;
};

export function filmEvents(film: Film, idleLimit: number): CastEvent[] {
	const events: CastEvent[] = [];
	let prev: string[] | undefined;
	let m = 0;
	for (const frame of film.frames) {
		events.push([frame.ms / 1000, 'o', frameOutput(prev, frame.lines)]);
		prev = frame.lines;
		// A chapter's marker follows the frame that shows it, so seeking to it shows the chapter.
		for (; m < film.markers.length && film.markers[m]!.ms <= frame.ms; m++)
			events.push([film.markers[m]!.ms / 1000, 'm', film.markers[m]!.label]);
	}
	for (; m < film.markers.length; m++) events.push([film.markers[m]!.ms / 1000, 'm', film.markers[m]!.label]);
	return capIdle(events, idleLimit);
}

/** The .cast file of a film's events (filmEvents). */
export function castOf(events: CastEvent[], o: CastOptions): string {
	return castText({
		width: o.columns,
		height: o.rows,
		title: o.title,
		idleTimeLimit: o.idleLimit,
		command: o.command,
		theme: o.theme,
		events,
	});
}
