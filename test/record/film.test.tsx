import '../helpers/force-color.js';
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {parseCast} from '../../source/record/asciicast.js';
import {castOf, filmEvents} from '../../source/record/cast.js';
import {FilmError, readingMs} from '../../source/record/film.js';
import {castTheme} from '../../source/record/themes.js';
import {Playground} from '../../source/ui/run.js';
import {renderFixed} from '../helpers/render.js';
import {bundled, outputs, plain, player, shoot} from './helpers.js';

const castOptions = {
	columns: 100,
	rows: 30,
	title: 't',
	idleLimit: 5,
	command: 'podplay record kill-pid-1',
	theme: castTheme('asciinema'),
};

describe('podplay record: the playground on a virtual clock', () => {
	test('the same scenario records to the same bytes', async () => {
		const s = await bundled('kill-pid-1');
		const one = castOf(filmEvents(shoot(s), 5), castOptions);
		const two = castOf(filmEvents(shoot(s), 5), castOptions);
		assert.equal(one, two);
		assert.ok(one.length > 1000);
	});

	test('one "m" marker per chapter, labelled with its title, in order', async () => {
		const s = await bundled('kill-pid-1');
		const cast = parseCast(castOf(filmEvents(shoot(s), 5), castOptions))!;
		const markers = cast.events.filter(([, kind]) => kind === 'm').map(([, , label]) => label);
		const chapters = s.timeline.flatMap((step) =>
			step.action.type === 'chapter' ? [step.action.title] : [],
		);
		assert.deepEqual(markers, chapters);
		assert.equal(chapters.length, 3);
	});

	test('the header says what a player needs: size, title, idle limit, env, theme', async () => {
		const s = await bundled('kill-pid-1');
		const {header} = parseCast(castOf(filmEvents(shoot(s), 5), castOptions))!;
		assert.equal(header.version, 2);
		assert.equal(header.width, 100);
		assert.equal(header.height, 30);
		assert.equal(header.idle_time_limit, 5);
		assert.equal(header.title, 't');
		assert.deepEqual(header.env, {TERM: 'xterm-256color'});
		assert.match((header.theme as {palette: string}).palette, /^(#[0-9a-f]{6}:){15}#[0-9a-f]{6}$/);
	});

	test('every say shows, in timeline order, even two at one moment (each held to be read)', async () => {
		const s = await bundled('kill-pid-1');
		// At the default 100×30 the caption has them: no narration log pane to fall back on.
		const reel = shoot(s);
		// The screen's text, lines joined: the narration wraps to the width.
		const captions = reel.frames.map((f) => plain(f.lines).join(' ').replace(/\s+/g, ' '));
		const says = s.timeline.flatMap((step) => (step.action.type === 'say' ? [step.action.text] : []));
		const atFour = s.timeline.filter((step) => step.action.type === 'say' && step.at === 4000);
		assert.equal(atFour.length, 2, 'the scenario has two says at 4s');
		let from = 0;
		for (const text of says) {
			const found = captions.findIndex((c, i) => i >= from && c.includes(text));
			assert.ok(found >= 0, `"${text}" is shown after frame ${from}`);
			from = found;
		}
		const first = reel.frames[captions.findIndex((c) => c.includes(says[3]!.slice(0, 30)))]!;
		const second = reel.frames[captions.findIndex((c) => c.includes(says[4]!.slice(0, 30)))]!;
		assert.ok(second.ms - first.ms >= readingMs(says[3]!, 5000), 'the first of the two is held to be read');
	});

	test('a headless terminal fed the cast shows every frame exactly, and ends on the playground’s own frame', async () => {
		const s = await bundled('zombies');
		const reel = shoot(s, {until: 6000});
		const events = outputs(filmEvents(reel, 5));
		assert.equal(events.length, reel.frames.length);
		const term = player(100, 30);
		for (const [i, [, , data]] of events.entries()) {
			await term.write(data);
			assert.deepEqual(plain(term.screen()), plain(reel.frames[i]!.lines), `frame ${i}`);
		}
		// The playground itself (Ink) over the same session at the recording's last moment.
		const ink = renderFixed(<Playground session={reel.session} options={{ascii: false, color: true}} />, {
			columns: 100,
			rows: 30,
		});
		try {
			await ink.waitFor((f) => f.includes('systemd'));
			assert.deepEqual(plain(term.screen()), plain(ink.rawFrame().split('\n')));
		} finally {
			ink.unmount();
			reel.session.dispose();
		}
	});

	test('--keys: a command runs at its virtual time and the message line says so', async () => {
		const s = await bundled('kill-pid-1');
		const reel = shoot(s, {keys: [{at: 1500, command: 'kill web/app KILL'}], until: 1900});
		const messages = reel.frames.map((f) => plain(f.lines)[28] ?? '');
		assert.ok(messages.some((m) => m.startsWith(':kill web/app KILL')));
		const last = plain(reel.frames.at(-1)!.lines).join('\n');
		assert.match(last, /web\s+1\/1\s+Running\s+1 /, 'the kill restarted the container (RESTARTS 1)');
	});

	test('an impossible key, a key after the end, or a too small size: one sentence (FilmError)', async () => {
		const s = await bundled('kill-pid-1');
		assert.throws(
			() => shoot(s, {keys: [{at: 1000, command: 'kil web/app'}]}),
			(e: unknown) => {
				assert.ok(e instanceof FilmError);
				assert.match(e.message, /^--keys: at 1s, kil web\/app: unknown command "kil"/);
				return true;
			},
		);
		assert.throws(() => shoot(s, {keys: [{at: 60_000, command: 'pause'}]}), /after the recording ends/);
		assert.throws(() => shoot(s, {columns: 40, rows: 10}), /below the playground's smallest screen, 60x16/);
	});
});
