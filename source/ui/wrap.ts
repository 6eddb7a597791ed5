// Word wrapping for narration, rule cards and why rows: text is never cut mid-word where it wraps.

/** `text` in lines of at most `width` cells, broken between words; a word longer than a line is split. */
export function wrap(text: string, width: number): string[] {
	if (width <= 0) return [];
	const lines: string[] = [];
	let line = '';
	// Scenario text is untrusted: control characters never reach the terminal.
	const clean = text.replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g, '');
	for (const word of clean.split(/\s+/).filter((w) => w !== '')) {
		let rest = word;
		if (line !== '' && line.length + 1 + rest.length <= width) {
			line += ` ${rest}`;
			continue;
		}
		if (line !== '') lines.push(line);
		while (rest.length > width) {
			lines.push(rest.slice(0, width));
			rest = rest.slice(width);
		}
		line = rest;
	}
	if (line !== '') lines.push(line);
	return lines;
}

/**
 * At most `max` lines of the wrapped text; when it does not fit, the last line ends at a word with
 * an ellipsis, so no word is ever shown cut.
 */
export function wrapAtMost(text: string, width: number, max: number, ascii = false): string[] {
	const lines = wrap(text, width);
	if (lines.length <= max) return lines;
	if (max <= 0) return [];
	const mark = ascii ? '~' : '…';
	const kept = lines.slice(0, max);
	let last = `${kept[max - 1]} ${lines[max]}`;
	// Drop words from the end until the line and its mark fit.
	while (last.length + 1 > width && last.includes(' ')) last = last.slice(0, last.lastIndexOf(' '));
	if (last.length + 1 > width) last = last.slice(0, Math.max(0, width - 1));
	kept[max - 1] = `${last}${mark}`;
	return kept;
}
