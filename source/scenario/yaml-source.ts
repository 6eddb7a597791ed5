import {type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseAllDocuments, visit} from 'yaml';
import type {Position, Problem} from './problem.js';

/** Scenario files are small; anything bigger is a mistake or an attack. */
export const MAX_BYTES = 1024 * 1024;

/** YAML documents of one file, with what is needed to turn a data path into a line and column. */
export type YamlSource = {file: string; lineCounter: LineCounter; documents: Document.Parsed[]};

type Path = readonly PropertyKey[];

/** One clear sentence for input that is too big or not text; YAML never sees it. */
export function checkText(text: string, file: string): Problem[] {
	const bytes = Buffer.byteLength(text, 'utf8');
	if (bytes > MAX_BYTES) {
		const size = (bytes / MAX_BYTES).toFixed(1);
		return [{file, line: 1, column: 1, message: `file is ${size} MiB; a scenario file may be at most 1 MiB`}];
	}
	const nul = text.indexOf('\0');
	if (nul >= 0) {
		const {line, column} = offsetPosition(text, nul);
		return [{file, line, column, message: 'file contains a NUL byte: it looks binary, not a YAML scenario'}];
	}
	return [];
}

function offsetPosition(text: string, offset: number): Position {
	const before = text.slice(0, offset).split('\n');
	return {line: before.length, column: before.at(-1)!.length + 1};
}

/** Parses every document; syntax errors become problems (all of them, with their positions). */
export function parseYaml(text: string, file: string): {source: YamlSource; problems: Problem[]} {
	const lineCounter = new LineCounter();
	const documents = parseAllDocuments(text, {prettyErrors: true, lineCounter, uniqueKeys: true});
	const list = Array.isArray(documents) ? documents : [];
	const problems = list.flatMap((document) =>
		document.errors.map((error) => {
			const {line, col} = lineCounter.linePos(error.pos[0]);
			return {file, line, column: col, message: yamlMessage(error.message)};
		}),
	);
	return {source: {file, lineCounter, documents: list}, problems: capSyntaxProblems(problems)};
}

/** A file that is not YAML at all (a README, a script) gives one problem per line: show the first few. */
const MAX_SYNTAX_PROBLEMS = 5;

function capSyntaxProblems(problems: Problem[]): Problem[] {
	if (problems.length <= MAX_SYNTAX_PROBLEMS) return problems;
	const more = problems[MAX_SYNTAX_PROBLEMS]!;
	const rest = problems.length - MAX_SYNTAX_PROBLEMS;
	return [
		...problems.slice(0, MAX_SYNTAX_PROBLEMS),
		{...more, message: `and ${rest} more syntax error${rest === 1 ? '' : 's'}: is this a YAML scenario?`},
	];
}

/** prettyErrors appends " at line L, column C:" and a code excerpt: keep the first sentence only. */
function yamlMessage(message: string): string {
	const first = message
		.split('\n')[0]!
		.replace(/ at line \d+, column \d+:?$/, '')
		// The parser quotes the text it stopped at, up to hundreds of bytes of the file: a few will do.
		.replace(/"((?:[^"\\]|\\.){24})(?:[^"\\]|\\.)+"/g, '"$1…"');
	return first.charAt(0).toLowerCase() + first.slice(1);
}

/** Converts a document to plain data, refusing alias bombs (R: never toJS a document with errors). */
export function documentData(source: YamlSource, index: number): {data?: unknown; problem?: Problem} {
	const document = source.documents[index]!;
	try {
		return {data: document.toJS({maxAliasCount: 100})};
	} catch {
		let alias: Node | undefined;
		visit(document, {
			Alias(_key, node) {
				alias = node;
				return visit.BREAK;
			},
		});
		const {line, col} = source.lineCounter.linePos(alias?.range?.[0] ?? 0);
		const message = 'too many YAML aliases (more than 100 expansions); refusing a possible alias bomb';
		return {problem: {file: source.file, line, column: col, message}};
	}
}

/**
 * Where `path` is written in a document: the value's node, or with `key` the key of the last map
 * entry (for unknown fields). A path that does not exist ends at its deepest existing node (the map
 * missing a required field).
 */
export function positionIn(source: YamlSource, index: number, path: Path, key = false): Position {
	const document = source.documents[index];
	let node: unknown = document?.contents;
	let offset = (node as Node | null)?.range?.[0] ?? 0;
	for (const [depth, segment] of path.entries()) {
		if (isMap(node)) {
			const pair = node.items.find(
				(item) => String(isScalar(item.key) ? item.key.value : item.key) === String(segment),
			);
			if (!pair) break;
			const keyNode = pair.key as Node | null;
			if ((key && depth === path.length - 1) || pair.value === null) {
				offset = keyNode?.range?.[0] ?? offset;
				break;
			}
			node = pair.value;
		} else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
			node = node.items[segment];
		} else {
			break;
		}
		offset = (node as Node).range?.[0] ?? offset;
	}
	const {line, col} = source.lineCounter.linePos(offset);
	return {line, column: col};
}
