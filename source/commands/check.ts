// `podplay check`: play scenarios headless and hold them to their expectations. Every file is
// reported, whatever happens to another one (a broken file, or a bug of podplay's that one hits).
import {headlessPace, playUntil, scenarioEnd, startPlayer} from '../engine/index.js';
import {type Failure, formatTarget, listBundledScenarios, type Scenario} from '../scenario/index.js';
import {jsonLine, printable} from '../text/printable.js';
import {bundledDir, loadScenario} from './load.js';
import {exitCodes, type Output, style} from './output.js';

type Verdict = 'passed' | 'failed' | 'invalid' | 'crashed';

/** Plays one scenario to its end; returns the failed expectations. */
export type PlayScenario = (s: Scenario, seed: number | undefined) => readonly Failure[];

const playToEnd: PlayScenario = (s, seed) =>
	playUntil(startPlayer(s, {seed, freeze: false}), scenarioEnd(s), headlessPace).failures;

export async function check(
	files: string[],
	seed: number | undefined,
	o: Output,
	play: PlayScenario = playToEnd,
): Promise<number> {
	const targets = files.length > 0 ? files : (await listBundledScenarios(bundledDir())).map((b) => b.file);
	const verdicts: Verdict[] = [];
	for (const file of targets) verdicts.push(await checkFile(file, seed, o, play));
	const count = (v: Verdict) => verdicts.filter((x) => x === v).length;
	o.out(`${count('passed')} passed, ${targets.length - count('passed')} failed`);
	if (count('crashed') > 0) return exitCodes.internal;
	if (count('invalid') > 0) return exitCodes.usage;
	return count('failed') > 0 ? exitCodes.failed : exitCodes.ok;
}

async function checkFile(
	file: string,
	seed: number | undefined,
	o: Output,
	play: PlayScenario,
): Promise<Verdict> {
	const s = await loadScenario(file, o);
	if (!s) return 'invalid';
	const count = s.timeline.reduce(
		(n, step) => n + (step.action.type === 'expect' ? step.action.assertions.length : 0),
		0,
	);
	const expectations = `${count} expectation${count === 1 ? '' : 's'}`;
	let failures: readonly Failure[];
	try {
		failures = play(s, seed);
	} catch (error) {
		const why = error instanceof Error ? error.message : String(error);
		o.out(
			`${style(o, 'red', o.ascii ? 'FAIL' : '✖')} ${printable(file)} — podplay failed playing it (internal error: ${printable(why)})`,
		);
		return 'crashed';
	}
	if (failures.length === 0) {
		o.out(
			`${style(o, 'green', o.ascii ? 'ok  ' : '✔')} ${printable(file)} — ${printable(s.title)} (${expectations})`,
		);
		return 'passed';
	}
	o.out(
		`${style(o, 'red', o.ascii ? 'FAIL' : '✖')} ${printable(file)} — ${failures.length} of ${expectations} failed`,
	);
	for (const f of failures) o.out(`  ${formatFailure(s.file, f)}`);
	return 'failed';
}

export function formatFailure(file: string, f: Failure): string {
	const e = f.expectation;
	const subject =
		e.subject === 'process'
			? formatTarget(e.target)
			: e.subject === 'pod'
				? `pod ${e.pod}`
				: e.subject === 'container'
					? `container ${e.pod}/${e.container}`
					: e.subject === 'queue'
						? `queue 0x${e.key.toString(16)}`
						: e.subject === 'logs'
							? `logs of ${e.pod}/${e.container}`
							: e.subject === 'node'
								? `node ${e.node}`
								: e.subject === 'event'
									? `events ${jsonLine(e.match)}`
									: 'cluster';
	return printable(
		`${file}:${e.position.line}:${e.position.column}: ${subject} ${f.field}: expected ${jsonLine(f.expected)}, got ${jsonLine(f.actual)}`,
	);
}
