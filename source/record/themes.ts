// Terminal colour themes for recordings: the asciinema player's own (its CSS, asciinema-player 3.18),
// so a cast, its SVG and its HTML page look alike. asciicast v2 carries one in the header.

export type CastTheme = {fg: string; bg: string; palette: readonly string[]};

const themes = {
	asciinema: {
		fg: '#cccccc',
		bg: '#121314',
		palette:
			'#000000 #dd3c69 #4ebf22 #ddaf3c #26b0d7 #b954e1 #54e1b9 #d9d9d9 #4d4d4d #dd3c69 #4ebf22 #ddaf3c #26b0d7 #b954e1 #54e1b9 #ffffff',
	},
	dracula: {
		fg: '#f8f8f2',
		bg: '#282a36',
		palette:
			'#21222c #ff5555 #50fa7b #f1fa8c #bd93f9 #ff79c6 #8be9fd #f8f8f2 #6272a4 #ff6e6e #69ff94 #ffffa5 #d6acff #ff92df #a4ffff #ffffff',
	},
	'gruvbox-dark': {
		fg: '#fbf1c7',
		bg: '#282828',
		palette:
			'#282828 #cc241d #98971a #d79921 #458588 #b16286 #689d6a #a89984 #7c6f65 #fb4934 #b8bb26 #fabd2f #83a598 #d3869b #8ec07c #fbf1c7',
	},
	'solarized-dark': {
		fg: '#839496',
		bg: '#002b36',
		palette:
			'#073642 #dc322f #859900 #b58900 #268bd2 #d33682 #2aa198 #eee8d5 #002b36 #cb4b16 #586e75 #657b83 #839496 #6c71c4 #93a1a1 #fdf6e3',
	},
	'solarized-light': {
		fg: '#657b83',
		bg: '#fdf6e3',
		palette:
			'#073642 #dc322f #859900 #b58900 #268bd2 #d33682 #2aa198 #eee8d5 #002b36 #cb4b16 #586e75 #657c83 #839496 #6c71c4 #93a1a1 #fdf6e3',
	},
	tango: {
		fg: '#cccccc',
		bg: '#121314',
		palette:
			'#000000 #cc0000 #4e9a06 #c4a000 #3465a4 #75507b #06989a #d3d7cf #555753 #ef2929 #8ae234 #fce94f #729fcf #ad7fa8 #34e2e2 #eeeeec',
	},
} as const;

export type ThemeName = keyof typeof themes;
export const themeNames = Object.keys(themes) as ThemeName[];
export const DEFAULT_THEME: ThemeName = 'asciinema';

export function castTheme(name: ThemeName): CastTheme {
	const t = themes[name];
	return {fg: t.fg, bg: t.bg, palette: t.palette.split(' ')};
}
