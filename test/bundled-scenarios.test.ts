// Every bundled scenario loads, plays to its end, and every `expect:` in it holds; a timeline step
// that cannot act (a target with no live process) fails the test too.
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {playerEvents, playUntil, scenarioEnd, startPlayer} from '../source/engine/index.js';
import {type Failure, formatProblem, loadScenarioFile, type Scenario} from '../source/scenario/index.js';

const dir = fileURLToPath(new URL('../scenarios/', import.meta.url));
const names = readdirSync(dir)
	.filter((file) => file.endsWith('.yaml'))
	.sort();

/**
 * The scenarios the playground ships: the 14 lessons, the default node, the 5 co-scheduling lessons
 * and the 7 Kubernetes docs' examples of issue 10.
 */
const expected = [
	'command-demo',
	'coscheduling-app-logcollector',
	'coscheduling-kubernetes-pending',
	'coscheduling-main-a-b',
	'coscheduling-mesos-deadlock',
	'coscheduling-omega-conflict',
	'counter-logs',
	'crashloop-backoff',
	'default',
	'exec-liveness',
	'fork-bomb',
	'helloworld',
	'host-namespaces',
	'http-liveness',
	'init-container-war',
	'ipc-mc2',
	'kill-pid-1',
	'lifecycle-events',
	'memory-limit-oom',
	'pause-ownership',
	'share-process-namespace',
	'sidecar-log-collector',
	'sigterm-ignored',
	'systemd-supervisor',
	'tcp-grpc-probes',
	'tini',
	'zombies',
];

function show(value: unknown): string {
	return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `file:line:col: field: expected X, got Y`, the way `podplay check` prints a failure. */
function formatFailure(file: string, f: Failure): string {
	const {line, column} = f.expectation.position;
	return `${file}:${line}:${column}: ${f.field}: expected ${show(f.expected)}, got ${show(f.actual)}`;
}

async function load(file: string): Promise<Scenario> {
	const result = await loadScenarioFile(file);
	if (!result.ok) assert.fail(result.problems.map(formatProblem).join('\n'));
	return result.scenario;
}

describe('bundled scenarios', () => {
	test('the bundled set is the fourteen lessons, the default node and the co-scheduling lessons', () => {
		assert.deepEqual(
			names.map((file) => file.replace(/\.yaml$/, '')),
			expected,
		);
	});

	test('every file starts with the schema comment and has a title, a description, a seed, a chapter, a say and an expect', () => {
		for (const name of names) {
			const text = readFileSync(join(dir, name), 'utf8');
			assert.ok(
				text.startsWith('# yaml-language-server: $schema=./podplay.schema.json\n'),
				`${name}: the first line must be the schema comment`,
			);
			for (const key of ['title', 'description', 'seed', 'pods', 'timeline'])
				assert.match(text, new RegExp(`^${key}:`, 'm'), `${name}: needs a top-level ${key}`);
			for (const action of ['chapter', 'say', 'expect'])
				assert.match(text, new RegExp(`^\\s+${action}:`, 'm'), `${name}: needs at least one ${action} step`);
		}
	});

	test('every file names real Pods and cites rule ids in its narration', async () => {
		for (const name of names) {
			const scenario = await load(join(dir, name));
			assert.ok(scenario.pods.length > 0, `${name}: no pods`);
			for (const manifest of scenario.manifests) {
				assert.equal(manifest.apiVersion, 'v1', `${name}: apiVersion`);
				assert.equal(manifest.kind, 'Pod', `${name}: kind`);
			}
			const says = scenario.timeline.flatMap((s) => (s.action.type === 'say' ? [s.action.text] : []));
			assert.ok(
				says.some((text) => /\(R-[A-Z]+-[A-Z]?\d+/.test(text)),
				`${name}: no say step names a rule id`,
			);
		}
	});

	for (const name of names) {
		test(`${name} plays to the end with every expectation met`, async () => {
			const file = join('scenarios', name);
			const scenario = await load(join(dir, name));
			const end = scenarioEnd(scenario);
			const player = playUntil(startPlayer(scenario, {freeze: false}), end);
			// A step that could not act is reported as an event whose text starts with `file:line:col`.
			const stepErrors = playerEvents(player)
				.filter((e) => e.text.startsWith(`${scenario.file}:`) || e.kind === 'rejected')
				.map((e) => e.text);
			assert.deepEqual(stepErrors, [], `${name}: timeline steps that could not act`);
			const failures = player.failures.map((f) => formatFailure(file, f));
			assert.deepEqual(failures, [], `${name}: expectations that failed`);
			const expects = scenario.timeline.filter((s) => s.action.type === 'expect').length;
			assert.ok(expects > 0, `${name}: has no expect step`);
			// Short in virtual time, so the whole set checks in seconds (the back-off lesson needs ~2.5 min).
			assert.ok(end <= 180_000, `${name}: ends at ${end / 1000}s of virtual time; keep it under 3 minutes`);
		});
	}
});
