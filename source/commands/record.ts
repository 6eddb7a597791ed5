// `podplay record NAME|FILE -o OUT.cast|OUT.svg|OUT.html`: a scenario recorded through the
// playground's own screen on a virtual clock. Bad input is one sentence and exit 2.
import {FilmError} from '../record/film.js';
import {formatOf, writeRecording} from '../record/output-file.js';
import {recording} from '../record/recording.js';
import {type RecordFlags, recordSettings} from '../record/settings.js';
import {bundledDir, loadScenario} from './load.js';
import {exitCodes, type Output} from './output.js';

export type RecordCommandOptions = RecordFlags & {
	output?: string;
	title?: string;
	until?: number;
	force: boolean;
	ascii: boolean;
	color: boolean;
	seed?: number;
};

const fail = (o: Output, message: string) => {
	o.err(`podplay: ${message}${/[.?!]$/.test(message) ? '' : '.'}`);
	return exitCodes.usage;
};

export async function record(input: string, options: RecordCommandOptions, o: Output): Promise<number> {
	if (!options.output) return fail(o, 'record needs an output file: podplay record NAME -o OUT.cast');
	const format = formatOf(options.output);
	if (!format) return fail(o, `-o ${options.output}: the file must end in .cast, .svg or .html`);
	const settings = recordSettings(options);
	if (!settings.ok) return fail(o, settings.message);
	const scenario = await loadScenario(input, o);
	if (!scenario) return exitCodes.usage;
	let bytes: string;
	try {
		bytes = await recording({
			scenario,
			input,
			settings: settings.value,
			format,
			title: options.title,
			until: options.until,
			ascii: options.ascii,
			color: options.color,
			seed: options.seed,
			scenariosDir: bundledDir(),
		});
	} catch (error) {
		if (error instanceof FilmError) return fail(o, error.message);
		throw error;
	}
	const written = writeRecording(options.output, bytes, options.force);
	if (!written.ok) return fail(o, written.message);
	o.err(`podplay: wrote ${options.output}`);
	return exitCodes.ok;
}
