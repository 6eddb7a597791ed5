// `podplay check`: play scenarios headless and hold them to their expectations.
import {playUntil, scenarioEnd, startPlayer} from '../engine/index.js';
import {type Failure, formatTarget, listBundledScenarios} from '../scenario/index.js';
import {bundledDir, loadScenario} from './load.js';
import {exitCodes, type Output, style} from './output.js';

export async function check(files: string[], seed: number | undefined, o: Output): Promise<number> {
	const targets = files.length > 0 ? files : (await listBundledScenarios(bundledDir())).map((b) => b.file);
	let failed = 0;
	let invalid = 0;
	for (const file of targets) {
		const s = await loadScenario(file, o);
		if (!s) {
			invalid += 1;
			continue;
		}
		const player = playUntil(startPlayer(s, {seed, freeze: false}), scenarioEnd(s), 60_000);
		const count = s.timeline.reduce(
			(n, step) => n + (step.action.type === 'expect' ? step.action.assertions.length : 0),
			0,
		);
		if (player.failures.length === 0) {
			o.out(
				`${style(o, 'green', o.ascii ? 'ok  ' : '✔')} ${file} — ${s.title} (${count} expectation${count === 1 ? '' : 's'})`,
			);
			continue;
		}
		failed += 1;
		o.out(
			`${style(o, 'red', o.ascii ? 'FAIL' : '✖')} ${file} — ${player.failures.length} of ${count} expectation${count === 1 ? '' : 's'} failed`,
		);
		for (const f of player.failures) o.out(`  ${formatFailure(s.file, f)}`);
	}
	const passed = targets.length - failed - invalid;
	o.out(`${passed} passed, ${failed + invalid} failed`);
	if (invalid > 0) return exitCodes.usage;
	return failed > 0 ? exitCodes.failed : exitCodes.ok;
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
									? `events ${JSON.stringify(e.match)}`
									: 'cluster';
	return `${file}:${e.position.line}:${e.position.column}: ${subject} ${f.field}: expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.actual)}`;
}
