import {basename} from 'node:path';
import {clusterProblems, scenarioCluster} from './cluster-build.js';
import {type Configs, configData, provideConfigFiles} from './config-volumes.js';
import {unwrapKind} from './controllers.js';
import {issueProblems, type PathProblem} from './issue-messages.js';
import {toPodManifest} from './pod-manifest.js';
import {podProblems} from './pod-rules.js';
import {podSchema} from './pod-schema.js';
import {type LoadResult, type Position, type Problem, sortProblems} from './problem.js';
import {type PodNames, podNames, referenceProblems} from './references.js';
import {type ScenarioParsed, scenarioSchema} from './scenario-schema.js';
import {step} from './timeline-schema.js';
import type {Expectation, Scenario, TimelineStep} from './types.js';
import {checkText, documentData, parseYaml, positionIn} from './yaml-source.js';

type Path = readonly PropertyKey[];
/** Maps a path in the assembled input to a document of the file and a path inside it. */
type Locate = (path: Path) => {index: number; path: Path};
type Assembled = {
	input: Record<string, unknown>;
	locate: Locate;
	problems: PathProblem[];
	notes: string[];
	/** R-EXEC-20: the ConfigMaps and Secrets of the file, by `Kind/name`: key → value. */
	configs: Configs;
};

/**
 * Reads a scenario (one YAML document with a title, pods, programs and a timeline) or plain Pod
 * manifests (one or more documents of `kind: Pod` or `kind: List`, as `kubectl get pod -o yaml`
 * prints them). Reports every problem of the file, sorted by position.
 */
export function parseScenario(text: string, fileName: string): LoadResult<Scenario> {
	const textProblems = checkText(text, fileName);
	if (textProblems.length > 0) return {ok: false, problems: textProblems};
	const {source, problems: syntax} = parseYaml(text, fileName);
	if (syntax.length > 0) return {ok: false, problems: sortProblems(syntax)};
	const data: {index: number; value: unknown}[] = [];
	const aliasProblems: Problem[] = [];
	source.documents.forEach((document, index) => {
		if (document.contents === null) return;
		const {data: value, problem} = documentData(source, index);
		if (problem) aliasProblems.push(problem);
		// An empty document (a trailing `---`, a file of comments) holds nothing to load.
		else if (value !== null && value !== undefined) data.push({index, value});
	});
	if (aliasProblems.length > 0) return {ok: false, problems: aliasProblems};
	if (data.length === 0) {
		return {
			ok: false,
			problems: [
				{file: fileName, line: 1, column: 1, message: 'file is empty; a scenario needs at least a title'},
			],
		};
	}
	const assembled = assemble(data, fileName);
	const at = (problem: PathProblem): Problem => {
		const {index, path} = assembled.locate(problem.path);
		return {file: fileName, ...positionIn(source, index, path, problem.key), message: problem.message};
	};
	if (assembled.problems.length > 0) return {ok: false, problems: sortProblems(assembled.problems.map(at))};
	const parsed = scenarioSchema.safeParse(assembled.input, {reportInput: true});
	if (!parsed.success) {
		const all = [...issueProblems(parsed.error.issues), ...partialChecks(assembled.input)];
		return {ok: false, problems: sortProblems(all.map(at))};
	}
	const position = (path: Path) => {
		const {index, path: inner} = assembled.locate(path);
		return positionIn(source, index, inner);
	};
	const scenario = buildScenario(parsed.data, assembled.input, fileName, position);
	const volumeNotes = provideConfigFiles(scenario.pods, assembled.configs);
	scenario.notes = [
		...assembled.notes.map((text) => ({rule: 'R-EXEC-19', text})),
		...volumeNotes.map((text) => ({rule: 'R-EXEC-20', text})),
		...scenario.notes,
	];
	const checks = [
		...clusterProblems(parsed.data),
		...scenario.pods.flatMap((pod, index) => podProblems(pod, ['pods', index])),
		...referenceProblems(scenario.pods.map(podNames), Object.keys(scenario.programs), scenario.timeline),
	];
	if (checks.length > 0) return {ok: false, problems: sortProblems(checks.map(at))};
	return {ok: true, scenario};
}

/**
 * When the schema refuses part of a file, the parts that do validate are still cross-checked, so one
 * run reports every problem: a typo in one pod does not hide an unknown target in the timeline.
 */
function partialChecks(input: Record<string, unknown>): PathProblem[] {
	if (!isMap(input) || (input.pods !== undefined && !Array.isArray(input.pods))) return [];
	const problems: PathProblem[] = [];
	const pods = ((input.pods ?? []) as unknown[]).flatMap((raw, index): PodNames[] => {
		const parsed = podSchema.safeParse(raw);
		if (parsed.success) {
			const pod = toPodManifest(parsed.data);
			problems.push(...podProblems(pod, ['pods', index]));
			return [podNames(pod)];
		}
		const name = isMap(raw) && isMap(raw.metadata) ? raw.metadata.name : undefined;
		return typeof name === 'string' ? [{name}] : [];
	});
	const programKeys = isMap(input.programs) ? Object.keys(input.programs) : [];
	const timeline = Array.isArray(input.timeline)
		? input.timeline.map((raw) => {
				const parsed = step.safeParse(raw);
				return parsed.success ? parsed.data : undefined;
			})
		: [];
	problems.push(...referenceProblems(pods, programKeys, timeline));
	return problems;
}

function buildScenario(
	parsed: ScenarioParsed,
	input: Record<string, unknown>,
	file: string,
	position: (path: Path) => Position,
): Scenario {
	const scenario: Scenario = {
		file,
		title: parsed.title,
		seed: parsed.seed,
		node: Object.fromEntries(Object.entries(parsed.node).filter(([, value]) => value !== undefined)),
		pods: parsed.pods.map(toPodManifest),
		manifests: input.pods as Record<string, unknown>[],
		programs: parsed.programs,
		notes: [],
		timeline: withReveals(
			parsed.timeline.map((step, index) => withPositions(step, ['timeline', index], position)),
		),
	};
	if (parsed.description !== undefined) scenario.description = parsed.description;
	const cluster = scenarioCluster(parsed);
	if (cluster) scenario.cluster = cluster;
	if (!Array.isArray(scenario.manifests)) scenario.manifests = [];
	return scenario;
}

/** A failing expectation is reported at its own line, a step's events at the step's (see types.ts). */
function withPositions(
	step: TimelineStep,
	path: PropertyKey[],
	position: (path: Path) => Position,
): TimelineStep {
	const {action} = step;
	const located = (assertions: Expectation[], at: PropertyKey[]) =>
		assertions.map((assertion, index) => ({...assertion, position: position([...at, index])}));
	if (action.type === 'ask')
		return {
			...step,
			position: position(path),
			action: {
				...action,
				answerPosition: position([...path, 'ask', 'answer']),
				choices: action.choices.map((choice, index) => ({
					...choice,
					expect: located(choice.expect, [...path, 'ask', 'choices', index, 'expect']),
				})),
			},
		};
	return {
		...step,
		position: position(path),
		action:
			action.type === 'expect'
				? {
						...action,
						assertions: action.assertions.map((assertion, index) => ({
							...assertion,
							position: position([...path, 'expect', index]),
						})),
					}
				: action,
	};
}

/**
 * Each ask gets a reveal step `reveal` ms later, placed after every step due by then (so the
 * choices are judged on what those steps did), positioned at the ask.
 */
function withReveals(timeline: TimelineStep[]): TimelineStep[] {
	const reveals = timeline.flatMap((step, index) =>
		step.action.type === 'ask'
			? [{at: step.at + step.action.reveal, position: step.position, ask: index}]
			: [],
	);
	if (reveals.length === 0) return timeline;
	const steps: TimelineStep[] = [];
	const indexOf = new Map<number, number>();
	const pending = [...reveals].sort((a, b) => a.at - b.at);
	const flush = (upTo: number) => {
		while (pending.length > 0 && pending[0]!.at < upTo) {
			const r = pending.shift()!;
			steps.push({at: r.at, position: r.position, action: {type: 'reveal', ask: indexOf.get(r.ask)!}});
		}
	};
	timeline.forEach((step, index) => {
		flush(step.at);
		indexOf.set(index, steps.length);
		steps.push(step);
	});
	flush(Number.POSITIVE_INFINITY);
	return steps;
}

function isMap(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One scenario document, or Pod manifests wrapped into a scenario with defaults. */
function assemble(documents: {index: number; value: unknown}[], file: string): Assembled {
	const [first] = documents;
	if (documents.length === 1 && (!isMap(first!.value) || first!.value.kind === undefined)) {
		return {
			input: first!.value as Record<string, unknown>,
			locate: (path) => ({index: first!.index, path}),
			problems: [],
			notes: [],
			configs: {},
		};
	}
	const configs: Configs = {};
	const entries: {index: number; prefix: PropertyKey[]}[] = [];
	const pods: unknown[] = [];
	const problems: PathProblem[] = [];
	const notes: string[] = [];
	for (const {index, value} of documents) {
		const kind = isMap(value) ? value.kind : undefined;
		if (kind === 'List' && Array.isArray((value as Record<string, unknown>).items)) {
			((value as Record<string, unknown>).items as unknown[]).forEach((item, itemIndex) => {
				pods.push(item);
				entries.push({index, prefix: ['items', itemIndex]});
			});
		} else if (kind === 'Pod') {
			pods.push(value);
			entries.push({index, prefix: []});
		} else if (typeof kind === 'string' && kind !== 'List') {
			// R-EXEC-19: a controller's pod template becomes its pod; other kinds are skipped, with a note.
			const config = configData(value as Record<string, unknown>);
			if (config) {
				configs[config.key] = config.data;
				notes.push(config.note);
				continue;
			}
			const unwrapped = unwrapKind(value as Record<string, unknown>);
			notes.push(unwrapped.note ?? '');
			if (unwrapped.kind === 'pod') {
				pods.push(unwrapped.pod);
				entries.push({index, prefix: [...unwrapped.prefix]});
			}
		} else {
			problems.push({
				path: ['pods', pods.length],
				message: 'a file with several YAML documents must hold Pod manifests (kind: Pod or kind: List)',
			});
			pods.push(value);
			entries.push({index, prefix: []});
		}
	}
	const locate: Locate = (path) => {
		const entry = path[0] === 'pods' && typeof path[1] === 'number' ? entries[path[1]] : undefined;
		return entry
			? {index: entry.index, path: [...entry.prefix, ...path.slice(2)]}
			: {index: first!.index, path: []};
	};
	return {input: {title: basename(file), pods}, locate, problems, notes: notes.filter(Boolean), configs};
}
