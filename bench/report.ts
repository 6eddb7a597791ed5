// The printed table: one line per figure, printed as soon as it is measured, misses marked.

export type Figure = {
	/** What was measured, e.g. "kernel step, 50k procs, freeze on". */
	name: string;
	/** The measured value, formatted with its unit. */
	value: string;
	/** The target as the issue states it, if there is one. */
	target?: string;
	/** Whether the target is met; undefined when there is no target. */
	ok?: boolean;
	/** Extra context: a ratio, a count, a reason for skipping. */
	note?: string;
};

const widths = {name: 46, value: 16, target: 14};

function pad(text: string, width: number): string {
	return text.length >= width ? `${text} ` : text.padEnd(width);
}

function mark(ok: boolean | undefined): string {
	if (ok === undefined) return '  ';
	return ok ? 'ok' : '✗ ';
}

export function printHeader(group: string): void {
	process.stdout.write(`\n${group}\n`);
	process.stdout.write(
		`${pad('figure', widths.name)}${pad('value', widths.value)}${pad('target', widths.target)}   note\n`,
	);
}

export function printFigure(f: Figure): void {
	const line = `${pad(f.name, widths.name)}${pad(f.value, widths.value)}${pad(f.target ?? '', widths.target)}${mark(f.ok)} ${f.note ?? ''}`;
	process.stdout.write(`${line.trimEnd()}\n`);
}

export function printSkip(name: string, why: string): void {
	printFigure({name, value: 'skipped', note: why});
}

export const fmt = {
	rate: (perSecond: number) => `${Math.round(perSecond).toLocaleString('en-US')}/s`,
	ms: (ms: number) => (ms >= 100 ? `${Math.round(ms)} ms` : `${ms.toFixed(ms >= 10 ? 1 : 2)} ms`),
	us: (us: number) => `${us >= 100 ? Math.round(us) : us.toFixed(1)} µs`,
	mb: (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`,
	bytes: (bytes: number) => `${Math.round(bytes)} B`,
	ratio: (x: number) => `${x.toFixed(x >= 10 ? 0 : 1)}×`,
	count: (n: number) => n.toLocaleString('en-US'),
};
