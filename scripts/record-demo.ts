// Records the playground in a real pseudo-terminal into media/demo.cast (asciicast v2), driving
// it with a scripted set of keys. `node --import tsx scripts/record-demo.ts [SCENARIO]`
// Then: npx svg-term-cli --in media/demo.cast --out media/demo.svg --window (kept out of the deps).
import {writeFileSync} from 'node:fs';
import pty from '@lydell/node-pty';
import {type CastEvent, capIdle, castText} from '../source/record/asciicast.js';

const width = 100;
const height = 30;
const scenario = process.argv[2] ?? 'zombies';
const events: CastEvent[] = [];
const start = performance.now();
let screen = '';

const env: Record<string, string> = {
	...(process.env as Record<string, string>),
	CI: 'false',
	FORCE_COLOR: '1',
	TERM: 'xterm-256color',
};
delete env.NO_COLOR;
const child = pty.spawn(process.execPath, ['dist/cli.js', scenario], {
	cols: width,
	rows: height,
	env,
	name: 'xterm-256color',
});
child.onData((data) => {
	events.push([(performance.now() - start) / 1000, 'o', data]);
	screen += data;
	if (screen.length > 200_000) screen = screen.slice(-100_000);
});

function until(text: string, ms = 15_000): Promise<void> {
	const deadline = performance.now() + ms;
	return new Promise((resolve, reject) => {
		const poll = () => {
			if (screen.includes(text)) resolve();
			else if (performance.now() > deadline) reject(new Error(`"${text}" did not appear`));
			else setTimeout(poll, 50);
		};
		poll();
	});
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function press(keys: string, pause = 700): Promise<void> {
	child.write(keys);
	await wait(pause);
}

await until('podplay');
await wait(2500);
await press('>', 400);
await press('>', 3000);
for (const key of 'jjjjj') await press(key, 250);
await wait(3000);
await press(':', 400);
for (const key of 'goto 30s') await press(key, 90);
await press('\r', 3000);
await press(',', 900);
await press(',', 900);
await press('.', 2000);
await press('q', 500);
child.kill();
writeFileSync(
	'media/demo.cast',
	castText({width, height, title: `podplay ${scenario}`, events: capIdle(events, 2)}),
);
console.log(`media/demo.cast: ${events.length} events, ${(events.at(-1)?.[0] ?? 0).toFixed(1)} s`);
