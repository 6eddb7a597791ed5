// A self-contained page that plays a recording in the official asciinema web player (the npm
// package asciinema-player: its JS and CSS inlined, the cast embedded): one file for slides,
// no network. It pauses at each chapter marker, so a speaker moves on with Space.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {MAKER} from './output-file.js';
import type {ThemeName} from './themes.js';
import {makerComment, xmlEscape} from './xml.js';

export type HtmlOptions = {title: string; command: string; theme: ThemeName; idleLimit: number; bg: string};

/** JSON that cannot end the <script> it sits in. */
const scriptJson = (value: unknown) =>
	JSON.stringify(value)
		.replace(/</g, '\\u003c')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');

function playerFile(name: string): string {
	const require = createRequire(import.meta.url);
	return readFileSync(require.resolve(`asciinema-player/dist/bundle/${name}`), 'utf8');
}

export function htmlOf(cast: string, o: HtmlOptions): string {
	const js = playerFile('asciinema-player.min.js').replace(/<\/script/gi, '<\\/script');
	const css = playerFile('asciinema-player.css');
	const options = {
		theme: o.theme,
		idleTimeLimit: o.idleLimit,
		fit: 'both',
		pauseOnMarkers: true,
		preload: true,
	};
	return [
		'<!doctype html>',
		makerComment(MAKER, o.command),
		'<html lang="en">',
		'<head>',
		'<meta charset="utf-8">',
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		`<title>${xmlEscape(o.title)}</title>`,
		`<style>${css}</style>`,
		`<style>html,body{margin:0;height:100%;background:${o.bg}}#player{height:100vh}</style>`,
		'</head>',
		'<body>',
		'<div id="player"></div>',
		`<script>${js}</script>`,
		`<script>AsciinemaPlayer.create({data: ${scriptJson(cast)}}, document.getElementById('player'), ${scriptJson(options)});</script>`,
		'</body>',
		'</html>',
		'',
	].join('\n');
}
