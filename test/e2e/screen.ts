// Reading the playground's screen the way a user does: process rows by host PID, the selected row,
// the message line. Plus starting the built CLI paused at a known moment.
import {startCli, type Term, type TermOptions, waitForKeys} from '../helpers/term.js';

export type ProcessOnScreen = {hostPid: number; nsPid: string; state: string; line: string};

// mark (› or space), host PID, namespace PID or -, state letter, then the tree (process-line.tsx).
const processRow = /^.\s*(\d+)\s+(\d+|-)\s+([RSZT])\s/;

export function processRows(text: string): ProcessOnScreen[] {
	return text.split('\n').flatMap((line) => {
		const match = processRow.exec(line);
		return match ? [{hostPid: Number(match[1]), nsPid: match[2], state: match[3], line}] : [];
	});
}

export const rowOf = (text: string, hostPid: number) => processRows(text).find((r) => r.hostPid === hostPid);

export const selectedLine = (text: string) => text.split('\n').find((l) => /^[›>]\s*\d/.test(l)) ?? '';

/**
 * The message above the hint bar (command results and errors), its wrapped lines joined: the lines
 * after the first are indented by two spaces.
 */
export function messageLine(text: string): string {
	const lines = text.split('\n').slice(0, -1);
	const parts: string[] = [];
	for (let i = lines.length - 1; i >= 0; i--) {
		const line = lines[i]!;
		parts.unshift(line.trim());
		if (!line.startsWith('  ') || parts.length === 8) break;
	}
	return parts.join(' ');
}

export const firstFrame = (text: string) => text.includes('systemd') && text.includes('podplay');

/** Types a `:` command and presses Enter. */
/**
 * Types a `:` command. The line is typed only once the command line is open: a `:` that arrives in
 * the same read as an earlier Esc is taken for Meta-: (a terminal cannot tell them apart), which
 * under load made the rest of the line land as plain keys.
 */
export async function command(term: Term, line: string): Promise<void> {
	const open = (text: string) => text.split('\n').some((l) => l.startsWith(':'));
	// The previous command's line must be gone first, or this one is typed as keys into the tree.
	await term.waitFor((s) => !open(s), 'the previous command line to close');
	const deadline = Date.now() + 30_000;
	while (!open(term.text())) {
		if (Date.now() > deadline) throw new Error(`the command line never opened; screen:\n${term.text()}`);
		term.write(':');
		await term.waitFor(open, 'the command line', 5000).catch(() => undefined);
	}
	term.write(`${line}\r`);
}

/**
 * The built CLI on a scenario, ready for keys, paused at `at` (virtual time) so the screen holds
 * still. Without `at` it keeps playing.
 */
export async function open(args: string[], options: TermOptions & {at?: string} = {}): Promise<Term> {
	const term = startCli(args, options);
	try {
		await waitForKeys(term, firstFrame);
		if (options.at !== undefined) {
			await command(term, 'pause');
			// An open prompt pauses time too: wait for the command itself to have run.
			await term.waitFor(
				(s) => s.split('\n')[0]!.includes('paused') && !s.split('\n').some((l) => l.startsWith(':')),
				'paused',
			);
			await command(term, `goto ${options.at}`);
			const seconds = `t=${(Number.parseFloat(options.at) || 0).toFixed(1)}s`;
			await term.waitFor((s) => s.includes(seconds), seconds);
		}
		return term;
	} catch (error) {
		term.kill();
		throw error;
	}
}
