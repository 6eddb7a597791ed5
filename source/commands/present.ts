// `podplay present NAME|FILE`: the scenario as a talk (stops at every chapter, say and question;
// clicker keys; speaker notes for `podplay notes`). `--check` rehearses it headless.
import {rehearse} from '../present/rehearse.js';
import {parseSize} from '../record/settings.js';
import {formatFailure} from './check.js';
import {bundledDir, loadScenario} from './load.js';
import {exitCodes, type Output, style} from './output.js';

export type PresentCommandOptions = {
	check: boolean;
	notes?: string;
	size?: string;
	seed?: number;
	ascii: boolean;
	color: boolean;
};

const fail = (o: Output, message: string) => {
	o.err(`podplay: ${message}${/[.?!]$/.test(message) ? '' : '.'}`);
	return exitCodes.usage;
};

export async function present(input: string, options: PresentCommandOptions, o: Output): Promise<number> {
	const size = parseSize(options.size ?? '100x30');
	if (!size.ok) return fail(o, size.message);
	const scenario = await loadScenario(input, o);
	if (!scenario) return exitCodes.usage;
	if (options.check) {
		const r = rehearse(scenario, {scenariosDir: bundledDir(), seed: options.seed, ...size.value});
		const ok = r.failures.length === 0 && r.cut.length === 0;
		const mark = ok ? style(o, 'green', o.ascii ? 'ok  ' : '✔') : style(o, 'red', o.ascii ? 'FAIL' : '✖');
		o.out(
			`${mark} ${scenario.file} — ${scenario.title}: ${r.chapters} chapters, ${r.stops} stops at ${size.value.columns}x${size.value.rows}`,
		);
		for (const f of r.failures) o.out(`  ${formatFailure(scenario.file, f)}`);
		for (const c of r.cut)
			o.out(
				`  ${scenario.file}:${c.position.line}:${c.position.column}: does not fit ${size.value.columns}x${size.value.rows} with the tree: "${c.text}"`,
			);
		return ok ? exitCodes.ok : exitCodes.failed;
	}
	if (!process.stdin.isTTY || !process.stdout.isTTY)
		return fail(o, 'present needs a terminal; rehearse without one: podplay present --check NAME');
	const {defaultNotesPath} = await import('../present/notes-channel.js');
	const {runPresenter} = await import('../present/run.js');
	const problem = await runPresenter(scenario, {
		scenariosDir: bundledDir(),
		seed: options.seed,
		ascii: options.ascii,
		color: options.color ? undefined : false,
		notesPath: options.notes ?? defaultNotesPath(),
		notesGiven: options.notes !== undefined,
	});
	if (problem) o.err(`podplay: speaker notes: ${problem}.`);
	return exitCodes.ok;
}
