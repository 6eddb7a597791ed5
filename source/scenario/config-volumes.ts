// R-EXEC-20: a ConfigMap or Secret in the same file as a pod provides the files of the volumes that
// mount it; the object itself is not simulated (a note says so).
import type {PodManifest} from './types.js';

/** `ConfigMap/name` or `Secret/name` → key → value. */
export type Configs = Record<string, Record<string, string>>;

function isMap(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown, decode: (text: string) => string = (text) => text): Record<string, string> {
	if (!isMap(value)) return {};
	return Object.fromEntries(
		Object.entries(value).flatMap(([key, v]) => (typeof v === 'string' ? [[key, decode(v)]] : [])),
	);
}

/** A ConfigMap's or Secret's data, or undefined for any other kind. */
export function configData(
	document: Record<string, unknown>,
): {key: string; data: Record<string, string>; note: string} | undefined {
	const kind = document.kind;
	if (kind !== 'ConfigMap' && kind !== 'Secret') return undefined;
	const name =
		isMap(document.metadata) && typeof document.metadata.name === 'string' ? document.metadata.name : '';
	const data =
		kind === 'ConfigMap'
			? {
					...strings(document.data),
					...strings(document.binaryData, () => '<binary data>'),
				}
			: {
					...strings(document.data, (text) => Buffer.from(text, 'base64').toString('utf8')),
					...strings(document.stringData),
				};
	return {
		key: `${kind}/${name}`,
		data,
		note: `${kind} ${name} is not simulated as an object: its keys are the files of the volumes that mount it`,
	};
}

/** A value as a file's lines (the trailing newline of a YAML `|` block ends the last line). */
function lines(value: string): string[] {
	const all = value.split('\n');
	if (all.at(-1) === '') all.pop();
	return all;
}

/** Fills each ConfigMap/Secret volume's files from the file's objects; returns notes for missing ones. */
export function provideConfigFiles(pods: PodManifest[], configs: Configs): string[] {
	const notes: string[] = [];
	for (const pod of pods) {
		for (const volume of pod.volumes) {
			const source = volume.source;
			if (!source) continue;
			const data = configs[`${source.kind}/${source.name}`];
			if (!data) {
				if (!source.optional)
					notes.push(
						`volume ${volume.name} of pod ${pod.name}: ${source.kind} ${source.name} is not in this file, so podplay mounts it empty (the kubelet would wait with FailedMount: ${source.kind.toLowerCase()} "${source.name}" not found)`,
					);
				volume.files = {};
				continue;
			}
			const items = source.items ?? Object.keys(data).map((key) => ({key, path: key}));
			volume.files = Object.fromEntries(
				items
					.filter((item) => data[item.key] !== undefined)
					.map((item) => [`/${item.path}`, lines(data[item.key]!)]),
			);
		}
	}
	return notes;
}
