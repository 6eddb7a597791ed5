// `podplay notes`: speaker notes in a second terminal, following `podplay present` through its
// notes file: the chapter, its notes, the next chapter, the elapsed time. q or Ctrl-C ends it.
import {defaultNotesPath, notesText, readNotes} from '../present/notes-channel.js';
import {exitCodes, type Output} from './output.js';

export async function notes(path: string | undefined, o: Output): Promise<number> {
	const file = path ?? defaultNotesPath();
	const draw = () => notesText(readNotes(file), Date.now());
	if (!process.stdout.isTTY) {
		for (const line of draw()) o.out(line);
		return exitCodes.ok;
	}
	const out = process.stdout;
	let last = '';
	const paint = () => {
		const text = draw().join('\n');
		if (text === last) return;
		last = text;
		out.write(`\u001B[H\u001B[2J${text.replace(/\n/g, '\r\n')}`);
	};
	out.write('\u001B[?1049h\u001B[?25l');
	const stdin = process.stdin;
	if (stdin.isTTY) stdin.setRawMode(true);
	await new Promise<void>((resolve) => {
		const timer = setInterval(paint, 250);
		paint();
		const end = () => {
			clearInterval(timer);
			stdin.off('data', onKey);
			resolve();
		};
		const onKey = (data: Buffer) => {
			const key = data.toString();
			if (key === 'q' || key === '\u0003') end();
		};
		stdin.on('data', onKey);
		process.once('SIGTERM', end);
	});
	if (stdin.isTTY) stdin.setRawMode(false);
	stdin.pause();
	out.write('\u001B[?25h\u001B[?1049l');
	return exitCodes.ok;
}
