// One README recording's bytes, made exactly as `podplay record` makes them.
import {bundledDir, loadScenario} from '../source/commands/load.js';
import type {Output} from '../source/commands/output.js';
import type {Format} from '../source/record/output-file.js';
import {recording} from '../source/record/recording.js';
import {recordSettings} from '../source/record/settings.js';
import {parseDuration} from '../source/scenario/index.js';
import type {MediaEntry} from './media-list.js';

const quiet: Output = {
	color: false,
	ascii: false,
	out: () => {},
	err: (line) => process.stderr.write(`${line}\n`),
};

export async function mediaRecording(entry: MediaEntry, format: Format): Promise<string> {
	const scenario = await loadScenario(entry.scenario, quiet);
	const settings = recordSettings(entry.flags);
	const until = entry.until === undefined ? undefined : parseDuration(entry.until);
	if (!scenario || !settings.ok || (until && !until.ok))
		throw new Error(`media entry ${entry.file} is broken`);
	return recording({
		scenario,
		input: entry.scenario,
		settings: settings.value,
		format,
		until: until?.ok ? until.ms : undefined,
		ascii: false,
		color: true,
		scenariosDir: bundledDir(),
	});
}
