// Writing to the terminal: colour only when asked for and possible (NO_COLOR, --no-color).
import {styleText} from 'node:util';
import {printable, printableStyled} from '../text/printable.js';

export type Output = {
	color: boolean;
	ascii: boolean;
	out(line: string): void;
	err(line: string): void;
};

type Style = Parameters<typeof styleText>[0];

export function style(o: Output, format: Style, text: string): string {
	return o.color ? styleText(format, text, {validateStream: false}) : text;
}

/** Every line leaves through here: control characters from untrusted text are shown, not obeyed. */
export function consoleOutput(
	options: {color: boolean; ascii: boolean},
	streams: {stdout: Writable; stderr: Writable} = process,
): Output {
	// A line may hold several (export's YAML): each is made safe; untrusted values were made
	// printable where they were formatted, so a newline here is podplay's own.
	const one = options.color ? printableStyled : printable;
	const safe = (text: string) => text.split('\n').map(one).join('\n');
	return {
		...options,
		out: (line) => streams.stdout.write(`${safe(line)}\n`),
		err: (line) => streams.stderr.write(`${safe(line)}\n`),
	};
}

type Writable = {write(text: string): unknown};

/**
 * Exit codes: 0 fine, 1 an expectation failed, 2 bad input (usage, scenario file), 70 podplay itself
 * failed (a bug: EX_SOFTWARE), 74 the output could not be written (a full disk: EX_IOERR).
 */
export const exitCodes = {ok: 0, failed: 1, usage: 2, internal: 70, output: 74} as const;
