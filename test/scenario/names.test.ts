import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {
	closest,
	defaultProgram,
	editDistance,
	formatTarget,
	imageName,
	normaliseSignal,
	parseTarget,
	signalNumber,
} from '../../source/scenario/index.js';

describe('did-you-mean', () => {
	test('edit distance counts a swap of neighbours as one edit', () => {
		assert.equal(editDistance('shareProcessNamspace', 'shareProcessNamespace'), 1);
		assert.equal(editDistance('tini', 'tnii'), 1);
		assert.equal(editDistance('abc', 'xyz'), 3);
	});

	test('suggests within 2 edits or a third of the length, never for unrelated words', () => {
		assert.equal(closest('containres', ['containers', 'initContainers']), 'containers');
		assert.equal(
			closest('terminationGracePeriodSecond', ['terminationGracePeriodSeconds']),
			'terminationGracePeriodSeconds',
		);
		assert.equal(closest('hostpid', ['hostPID', 'hostIPC']), 'hostPID');
		assert.equal(closest('banana', ['containers', 'volumes']), undefined);
	});
});

describe('signals', () => {
	test('accept SIGTERM, TERM, any case and numbers; normalise to SIGTERM (R-SIG-8 numbering)', () => {
		for (const input of ['SIGTERM', 'TERM', 'term', 'sigTerm', 15, '15']) {
			assert.deepEqual(normaliseSignal(input), {ok: true, signal: 'SIGTERM'}, String(input));
		}
		assert.deepEqual(normaliseSignal('rtmin+3'), {ok: true, signal: 'SIGRTMIN+3'});
		assert.deepEqual(normaliseSignal('SIGCLD'), {ok: true, signal: 'SIGCHLD'});
		assert.equal(signalNumber('SIGKILL'), 9);
		assert.equal(signalNumber('SIGRTMIN+3'), 37);
	});

	test('unknown names get a did-you-mean', () => {
		assert.deepEqual(normaliseSignal('SIGKIL'), {
			ok: false,
			message: 'unknown signal "SIGKIL" — did you mean "SIGKILL"?',
		});
		assert.equal(normaliseSignal(99).ok, false);
	});
});

describe('targets', () => {
	test('parse the four forms into a tagged union and print them back', () => {
		const cases = {
			'web/app': {kind: 'container', pod: 'web', container: 'app'},
			'web/app#7': {kind: 'ns-pid', pod: 'web', container: 'app', pid: 7},
			'pid:1234': {kind: 'host-pid', pid: 1234},
			'comm:sleep': {kind: 'comm', comm: 'sleep'},
		} as const;
		for (const [text, target] of Object.entries(cases)) {
			assert.deepEqual(parseTarget(text), {ok: true, target});
			assert.equal(formatTarget(target), text);
		}
	});

	test('refuse malformed targets', () => {
		for (const text of ['web', 'web/app#0', 'pid:-1', 'comm:', 'a/b/c', 'web/app#x']) {
			assert.equal(parseTarget(text).ok, false, text);
		}
	});
});

describe('defaultProgram', () => {
	test('maps well-known images to programs', () => {
		const cases: [Parameters<typeof defaultProgram>[0], object][] = [
			[
				{image: 'allingeek/ch6_ipc', args: ['-producer']},
				{program: 'producer', key: 1},
			],
			[
				{image: 'allingeek/ch6_ipc:latest', command: ['/app', '-consumer']},
				{program: 'consumer', key: 1},
			],
			[
				{image: 'busybox', command: ['sleep', '30']},
				{program: 'sleep', comm: 'sleep', exitAfter: 30_000},
			],
			[
				{image: 'docker.io/library/alpine:3.20', args: ['sleep', 'infinity']},
				{program: 'sleep', comm: 'sleep'},
			],
			[
				{image: 'busybox:1.28', args: ['sleep', 'infinity']},
				{
					program: 'app',
					comm: 'sleep',
					print: ["sleep: invalid number 'infinity'"],
					exitAfter: 0,
					exitCode: 1,
				},
			],
			[{image: 'registry.k8s.io/pause:3.10'}, {program: 'pause'}],
		];
		for (const [container, program] of cases)
			assert.deepEqual(defaultProgram(container), program, container.image);
	});

	test('image names lose tag, digest and the Docker Hub prefix, keep other registries', () => {
		assert.equal(imageName('docker.io/library/busybox:1.36@sha256:abc'), 'busybox');
		assert.equal(imageName('localhost:5000/app'), 'localhost:5000/app');
		assert.equal(imageName('registry.k8s.io/pause:3.10'), 'registry.k8s.io/pause');
	});
});
