// A scenario in, a recording's bytes out: the film (film.ts) written as asciicast v2, an animated
// SVG or an HTML page with the asciinema player. Pure apart from reading the player's files.
import type {Scenario} from '../scenario/index.js';
import {castOf, filmEvents} from './cast.js';
import {film} from './film.js';
import {type Format, MAKER} from './output-file.js';
import type {RecordSettings} from './settings.js';
import {castTheme} from './themes.js';

export type RecordRequest = {
	scenario: Scenario;
	/** The scenario as the user named it (the recording's `command`). */
	input: string;
	settings: RecordSettings;
	format: Format;
	title?: string;
	until?: number;
	ascii: boolean;
	color: boolean;
	seed?: number;
	scenariosDir: string;
};

/** Frames a second: the status bar's clock moves in tenths of a second. */
export const FPS = 10;

export async function recording(r: RecordRequest): Promise<string> {
	const {settings: s} = r;
	const reel = film(r.scenario, {
		columns: s.columns,
		rows: s.rows,
		speed: s.speed,
		fps: FPS,
		until: r.until,
		keys: s.keys,
		ascii: r.ascii,
		color: r.color,
		maxHoldMs: s.idleLimit * 1000,
		seed: r.seed,
		scenariosDir: r.scenariosDir,
	});
	reel.session.dispose();
	const theme = castTheme(s.theme);
	const title = r.title ?? `podplay: ${r.scenario.title}`;
	const command = `${MAKER} ${r.input}`;
	const events = filmEvents(reel, s.idleLimit);
	const cast = castOf(events, {
		columns: s.columns,
		rows: s.rows,
		title,
		idleLimit: s.idleLimit,
		command,
		theme,
	});
	if (r.format === 'cast') return cast;
	if (r.format === 'html') {
		const {htmlOf} = await import('./html.js');
		return htmlOf(cast, {title, command, theme: s.theme, idleLimit: s.idleLimit, bg: theme.bg});
	}
	const [{snapshots}, {svgOf}] = await Promise.all([import('./cells.js'), import('./svg.js')]);
	const shots = await snapshots(events, s.columns, s.rows, theme);
	return svgOf(shots, {columns: s.columns, rows: s.rows, theme, title, command});
}
