import assert from 'node:assert/strict';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import {parse, parseAllDocuments} from 'yaml';
import {
	defaultProgram,
	exportManifests,
	loadScenarioFile,
	parseScenario,
} from '../../source/scenario/index.js';
import {fixtures, loaded, problems} from './helpers.js';

describe('plain Pod manifests', () => {
	test('`kubectl get pod -o yaml` output with status and managedFields loads with defaults', async () => {
		const file = join(fixtures, 'kubectl-get-pod.yaml');
		const scenario = loaded(await loadScenarioFile(file));
		assert.equal(scenario.title, 'kubectl-get-pod.yaml');
		assert.equal(scenario.seed, 1);
		assert.deepEqual(scenario.timeline, []);
		assert.deepEqual(scenario.programs, {});
		const [pod] = scenario.pods;
		assert.equal(pod!.name, 'mc2');
		assert.deepEqual(
			pod!.containers.map((container) => [container.name, defaultProgram(container)]),
			[
				['producer', {program: 'producer', key: 1}],
				['consumer', {program: 'consumer', key: 1}],
			],
		);
		// The projected service-account volume is a real Kubernetes volume, just not an emptyDir.
		assert.deepEqual(pod!.volumes, [{name: 'kube-api-access-x7k2p', emptyDir: false}]);
	});

	test('several documents separated by --- load as several pods', async () => {
		const scenario = loaded(await loadScenarioFile(join(fixtures, 'two-pods.yaml')));
		assert.deepEqual(
			scenario.pods.map((pod) => [pod.name, pod.shareProcessNamespace]),
			[
				['sleeper', false],
				['shared', true],
			],
		);
		// `sh -c` runs on the shell model (R-EXEC-5 decides there that busybox execs `sleep`).
		assert.deepEqual(
			(({program, comm, flavour}) => ({program, comm, flavour}))(
				defaultProgram(scenario.pods[0]!.containers[0]!) as {program: string; comm: string; flavour: string},
			),
			{program: 'shell', comm: 'sh', flavour: 'ash'},
		);
	});

	test('a kind: List is read item by item, with positions inside the list (no echo of the missing field)', async () => {
		const result = await loadScenarioFile(join(fixtures, 'pod-list.yaml'));
		const file = join(fixtures, 'pod-list.yaml');
		assert.deepEqual(problems(result), [
			`${file}:16:5: unknown field "containres" — did you mean "containers"?`,
		]);
	});

	test('a List of valid pods loads', () => {
		const text =
			'kind: List\napiVersion: v1\nitems:\n- {apiVersion: v1, kind: Pod, metadata: {name: a}, spec: {containers: [{name: c, image: x}]}}\n';
		assert.deepEqual(
			loaded(parseScenario(text, 'l.yaml')).pods.map((pod) => pod.name),
			['a'],
		);
	});

	test('R-EXEC-19: a second document that is not a Pod and has no pod template is skipped with a note', () => {
		const text =
			'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c, image: x}]}\n---\napiVersion: apps/v1\nkind: Deployment\n';
		const scenario = loaded(parseScenario(text, 'd.yaml'));
		assert.deepEqual(
			scenario.pods.map((pod) => pod.name),
			['a'],
		);
		assert.match(scenario.notes[0]!.text, /^Deployment deployment is not simulated/);
	});
});

describe('exportManifests', () => {
	test('drops podplay parts, status and server metadata; keeps the user fields; adds no defaults', async () => {
		const scenario = loaded(await loadScenarioFile(join(fixtures, 'valid.yaml')));
		const text = exportManifests(scenario);
		assert.doesNotMatch(text, /title|programs|timeline|chapter/);
		const [pod] = parseAllDocuments(text).map((document) => document.toJS());
		assert.deepEqual(pod.metadata, {name: 'web', labels: {app: 'web'}});
		assert.equal(pod.spec.terminationGracePeriodSeconds, undefined, 'no Kubernetes defaults added');
		assert.deepEqual(pod.spec.containers[0].env, [{name: 'MODE', value: 'demo'}]);
		assert.equal(pod.spec.containers[0].lifecycle.stopSignal, 'quit', 'written as the user wrote it');
	});

	test('a kubectl dump exports without status, uid, resourceVersion or managedFields', async () => {
		const scenario = loaded(await loadScenarioFile(join(fixtures, 'kubectl-get-pod.yaml')));
		const pod = parse(exportManifests(scenario));
		assert.equal(pod.status, undefined);
		assert.deepEqual(Object.keys(pod.metadata).sort(), [
			'annotations',
			'generateName',
			'labels',
			'name',
			'namespace',
			'ownerReferences',
		]);
		assert.equal(pod.spec.tolerations.length, 1);
	});

	test('several pods become several documents', async () => {
		const scenario = loaded(await loadScenarioFile(join(fixtures, 'two-pods.yaml')));
		const documents = parseAllDocuments(exportManifests(scenario));
		assert.deepEqual(
			documents.map((document) => document.toJS().metadata.name),
			['sleeper', 'shared'],
		);
	});
});
