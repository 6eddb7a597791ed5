// Writing to the terminal: colour only when asked for and possible (NO_COLOR, --no-color).
import {styleText} from 'node:util';

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

export function consoleOutput(options: {color: boolean; ascii: boolean}): Output {
	return {
		...options,
		out: (line) => process.stdout.write(`${line}\n`),
		err: (line) => process.stderr.write(`${line}\n`),
	};
}

/**
 * Exit codes: 0 fine, 1 an expectation failed, 2 bad input (usage, scenario file), 70 podplay itself
 * failed (a bug: EX_SOFTWARE), 74 the output could not be written (a full disk: EX_IOERR).
 */
export const exitCodes = {ok: 0, failed: 1, usage: 2, internal: 70, output: 74} as const;
