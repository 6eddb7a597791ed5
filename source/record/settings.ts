// `podplay record` options as typed on the command line, checked into settings. Every problem is
// one sentence naming the option (the CLI prints it and exits 2).
import {parseDuration} from '../scenario/duration.js';
import {SPEEDS} from '../session/core.js';
import type {KeyCue} from './film.js';
import {DEFAULT_THEME, type ThemeName, themeNames} from './themes.js';

export type RecordFlags = {
	size?: string;
	speed?: string;
	idleLimit?: string;
	keys?: string;
	theme?: string;
};

export type RecordSettings = {
	columns: number;
	rows: number;
	speed: number;
	/** Seconds. */
	idleLimit: number;
	keys: KeyCue[];
	theme: ThemeName;
};

/** 100×30 reads from the back of a room and still shows the tree with its panes. */
export const DEFAULT_SIZE = {columns: 100, rows: 30};
export const DEFAULT_IDLE_LIMIT = 5;

type Parsed<T> = {ok: true; value: T} | {ok: false; message: string};

export function parseSize(text: string): Parsed<{columns: number; rows: number}> {
	const match = /^(\d{1,4})[x×](\d{1,4})$/.exec(text.trim());
	if (!match) return {ok: false, message: `--size must be COLUMNSxROWS such as 100x30, got "${text}"`};
	return {ok: true, value: {columns: Number(match[1]), rows: Number(match[2])}};
}

/** `2s kill web/app KILL; 5s share web on`: a time, then a `:` command; `;` or a newline between. */
export function parseKeys(text: string): Parsed<KeyCue[]> {
	const keys: KeyCue[] = [];
	for (const part of text.split(/[;\n]/)) {
		const [at = '', ...words] = part.trim().split(/\s+/);
		if (at === '') continue;
		const time = parseDuration(at);
		if (!time.ok) return {ok: false, message: `--keys: "${part.trim()}": ${time.message}`};
		if (words.length === 0)
			return {ok: false, message: `--keys: "${part.trim()}" has no command after its time`};
		keys.push({at: time.ms, command: words.join(' ')});
	}
	return {ok: true, value: keys};
}

function parseSeconds(text: string): number | undefined {
	if (/^\d+(\.\d+)?$/.test(text.trim())) return Number(text);
	const d = parseDuration(text);
	return d.ok ? d.ms / 1000 : undefined;
}

export function recordSettings(flags: RecordFlags): Parsed<RecordSettings> {
	const size = flags.size === undefined ? {ok: true as const, value: DEFAULT_SIZE} : parseSize(flags.size);
	if (!size.ok) return size;
	const speed = flags.speed === undefined ? 1 : Number(flags.speed.replace(/[x×]/g, ''));
	if (!SPEEDS.includes(speed as (typeof SPEEDS)[number]))
		return {ok: false, message: `--speed must be one of ${SPEEDS.join(', ')}, got "${flags.speed}"`};
	const idleLimit = flags.idleLimit === undefined ? DEFAULT_IDLE_LIMIT : parseSeconds(flags.idleLimit);
	if (idleLimit === undefined || idleLimit <= 0)
		return {
			ok: false,
			message: `--idle-limit must be seconds above 0 (2, 1.5 or 500ms), got "${flags.idleLimit}"`,
		};
	const keys = flags.keys === undefined ? {ok: true as const, value: []} : parseKeys(flags.keys);
	if (!keys.ok) return keys;
	const theme = flags.theme ?? DEFAULT_THEME;
	if (!(themeNames as string[]).includes(theme))
		return {ok: false, message: `--theme must be one of ${themeNames.join(', ')}, got "${theme}"`};
	return {
		ok: true,
		value: {...size.value, speed, idleLimit, keys: keys.value, theme: theme as ThemeName},
	};
}
