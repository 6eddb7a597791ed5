// Glyphs and colours as plain data: the line builders (styled.ts users) and the first frame read
// them without React; theme.ts adds the React context.
import type {ResolvedUiOptions} from './options.js';
import type {ProcState} from './session.js';

/** Tree and frame glyphs; the ASCII set is for TERM=dumb and fonts without box drawing. */
export type Glyphs = {
	branch: string;
	lastBranch: string;
	pipe: string;
	space: string;
	thread: string;
	collapsed: string;
	expanded: string;
	leaf: string;
	rule: string;
	boundary: string;
	barFull: string;
	barEmpty: string;
	play: string;
	pause: string;
	adopted: string;
	holder: string;
	pointer: string;
	/** A row changed by the event just shown, and a little earlier (fading). */
	changed: string;
	changedBefore: string;
};

const unicode: Glyphs = {
	branch: '├─',
	lastBranch: '└─',
	pipe: '│ ',
	space: '  ',
	thread: '{',
	collapsed: '▸',
	expanded: '▾',
	leaf: ' ',
	rule: '─',
	boundary: '┄',
	barFull: '█',
	barEmpty: '░',
	play: '▶',
	pause: '❚❚',
	adopted: '↰',
	holder: '◆',
	pointer: '›',
	changed: '●',
	changedBefore: '·',
};

const ascii: Glyphs = {
	branch: '|-',
	lastBranch: '`-',
	pipe: '| ',
	space: '  ',
	thread: '{',
	collapsed: '+',
	expanded: '-',
	leaf: ' ',
	rule: '-',
	boundary: '-',
	barFull: '#',
	barEmpty: '.',
	play: '>',
	pause: '||',
	adopted: '^',
	holder: '*',
	pointer: '>',
	changed: '*',
	changedBefore: '.',
};

/** Semantic colours; every one is undefined when colour is off, so nothing relies on colour alone. */
export type Palette = {
	running?: string;
	zombie?: string;
	stopped?: string;
	accent?: string;
	muted?: string;
	boundary?: string;
	holder?: string;
	adopted?: string;
	ok?: string;
	warn?: string;
	error?: string;
	bar?: string;
};

const colours: Palette = {
	running: 'green',
	zombie: 'red',
	stopped: 'yellow',
	accent: 'cyan',
	muted: 'gray',
	boundary: 'blue',
	holder: 'magenta',
	adopted: 'yellow',
	ok: 'green',
	warn: 'yellow',
	error: 'red',
	bar: 'cyan',
};

export type Theme = {glyphs: Glyphs; palette: Palette; color: boolean; ascii: boolean};

export function makeTheme(options: ResolvedUiOptions): Theme {
	return {
		glyphs: options.ascii ? ascii : unicode,
		palette: options.color ? colours : {},
		color: options.color,
		ascii: options.ascii,
	};
}

/** R green, S default, Z red, T yellow: the letter is always shown beside the colour. */
export function stateColour(theme: Theme, state: ProcState): string | undefined {
	if (state === 'R') return theme.palette.running;
	if (state === 'Z') return theme.palette.zombie;
	if (state === 'T') return theme.palette.stopped;
	return undefined;
}
