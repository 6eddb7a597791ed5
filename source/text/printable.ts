// Text from a scenario or a manifest is untrusted: before it reaches a terminal, every control
// character is shown as an escape (`\x1b`, `\n`, `\u009b`) instead of being acted on, so a title
// cannot switch screens, hide the cursor, set the window title, or forge an extra line.

/**
 * C0 controls, DEL, C1 controls (0x9b is CSI on 8-bit terminals), line and paragraph separators,
 * and the bidirectional overrides and isolates (they reorder what is shown: "Trojan Source").
 */
const controls = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const named: Record<string, string> = {'\n': '\\n', '\r': '\\r', '\t': '\\t'};

function escapeOne(c: string): string {
	const code = c.charCodeAt(0);
	return named[c] ?? (code < 0x80 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`);
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** The text with every control character written out visibly; plain text comes back unchanged. */
export function printable(text: string): string {
	return text.replace(controls, escapeOne);
}

/** Our own styling: SGR sequences as node:util styleText and the UI's paint() write them. */
const sgr = /\u001b\[[0-9;]*m/g;

/**
 * The last line of defence for a line of output that may hold podplay's own SGR styling: every
 * other control character is escaped, so nothing but colour and weight reaches the terminal.
 */
export function printableStyled(line: string): string {
	let out = '';
	let last = 0;
	for (const match of line.matchAll(sgr)) {
		out += printable(line.slice(last, match.index)) + match[0];
		last = match.index + match[0].length;
	}
	return out + printable(line.slice(last));
}

/**
 * JSON for a terminal: JSON.stringify escapes C0 controls but leaves DEL, C1 controls and the
 * separators raw; they are written as JSON escapes too, so the line stays valid JSON. A value
 * JSON cannot write (undefined: a field the world does not have) reads "nothing".
 */
export function jsonLine(value: unknown): string {
	return (JSON.stringify(value) ?? 'nothing').replace(controls, (c) => `\\u${hex(c.charCodeAt(0), 4)}`);
}
