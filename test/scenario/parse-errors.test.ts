import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {parseScenario} from '../../source/scenario/index.js';
import {problems} from './helpers.js';

/** A small valid scenario; line 5 is `spec:`, line 6 holds the replaceable spec field. */
function scenario(specLine = '', rest = ''): string {
	return [
		'title: t',
		'pods:',
		'  - apiVersion: v1',
		'    kind: Pod',
		'    metadata: {name: web}',
		'    spec:',
		`      ${specLine}`,
		'      containers:',
		'        - {name: app, image: nginx}',
		'        - {name: log, image: busybox, command: [sleep, "3600"]}',
		rest,
	].join('\n');
}

const check = (text: string) => problems(parseScenario(text, 's.yaml'));

describe('refused scenarios', () => {
	test('a misspelt Kubernetes field gets a did-you-mean at its exact line:column', () => {
		assert.deepEqual(check(scenario('shareProcessNamspace: true')), [
			's.yaml:7:7: unknown field "shareProcessNamspace" — did you mean "shareProcessNamespace"?',
		]);
	});

	test('a misspelt top-level field gets a did-you-mean', () => {
		assert.deepEqual(check('title: t\ntimline: []\n'), [
			's.yaml:2:1: unknown field "timline" — did you mean "timeline"?',
		]);
	});

	test('real Kubernetes fields podplay does not simulate are accepted', () => {
		const text = scenario(
			'tolerations: [{operator: Exists}]\n      securityContext: {runAsUser: 1000}\n      dnsPolicy: ClusterFirst',
		);
		assert.equal(parseScenario(text, 's.yaml').ok, true);
	});

	test('each program takes only its own parameters: anything else is refused at its key, with what it takes', () => {
		const programs = [
			'programs:',
			'  web/app: {program: producer, handle: [TERM], key: 0x42}',
			'  web/log: {program: tini, service: {program: app, memory: 1Mi}, exitAfter: 1s, group: true}',
		].join('\n');
		assert.deepEqual(check(scenario('', programs)), [
			's.yaml:12:32: producer does not take "handle"; it takes key, messages, interval, comm',
			's.yaml:13:66: tini does not take "exitAfter"; it takes service, subreaper, group, comm',
		]);
	});

	test('a parameter of another program gets the closest one this program takes', () => {
		assert.deepEqual(check(scenario('', 'programs:\n  web/app: {program: fork-bomb, interval: 1s}')), [
			's.yaml:12:33: fork-bomb does not take "interval"; it takes delay, comm',
		]);
		assert.deepEqual(check(scenario('', 'programs:\n  web/app: {program: sleep, delay: 1s}')), [
			's.yaml:12:29: sleep does not take "delay"; it takes children, reaps, handle, ignore, block, exitAfter, threads, subreaper, print, memory, port, seconds, exitCode, comm',
		]);
	});

	test('zero intervals and delays are refused at load: one moment would never end', () => {
		const programs = [
			'programs:',
			'  web/app: {program: log-writer, interval: 0}',
			'  web/log: {program: tini, service: {program: fork-bomb, delay: 0ms}}',
			'timeline:',
			'  - at: 1s',
			'    spawn: {parent: web/app, program: producer, interval: 0s}',
		].join('\n');
		const refused = check(scenario('', programs));
		assert.deepEqual(
			refused.map((line) => line.split(': ').slice(0, 2).join(': ')),
			['s.yaml:12:44: interval', 's.yaml:13:65: delay', 's.yaml:16:59: interval'],
		);
		assert.match(refused[0]!, /must be at least 1ms/);
	});

	test('an unknown program gets a did-you-mean', () => {
		assert.deepEqual(check(scenario('', 'programs:\n  web/app: {program: tiny}')), [
			's.yaml:12:22: unknown program "tiny" — did you mean "tini"?',
		]);
	});

	test('an unknown signal gets a did-you-mean', () => {
		const rest = 'programs:\n  web/app: {program: app, handle: [TERM, SIGUSR]}';
		assert.deepEqual(check(scenario('', rest)), [
			's.yaml:12:42: unknown signal "SIGUSR" — did you mean "SIGUSR1"?',
		]);
	});

	test('an unknown pod or container in a target gets a did-you-mean', () => {
		const rest = [
			'timeline:',
			'  - {at: 0, kill: {target: wbe/app}}',
			'  - {at: 1s, kill: {target: "web/ap#2"}}',
		].join('\n');
		assert.deepEqual(check(scenario('', rest)), [
			's.yaml:12:28: unknown pod "wbe" — did you mean "web"?',
			's.yaml:13:29: pod "web" has no container "ap" — did you mean "app"?',
		]);
	});

	test('a programs key must name a declared pod and container', () => {
		assert.deepEqual(check(scenario('', 'programs:\n  web/lgo: {program: sleep}')), [
			's.yaml:12:3: pod "web" has no container "lgo" — did you mean "log"?',
		]);
	});

	test('an invalid target syntax is explained', () => {
		assert.deepEqual(check(scenario('', 'timeline:\n  - {at: 0, kill: {target: "pid:x"}}')), [
			's.yaml:12:28: invalid target "pid:x"; write pod/container, pod/container#N, pid:N or comm:NAME',
		]);
	});

	test('hostPID with shareProcessNamespace is refused with the API server message (R-POD-2)', () => {
		assert.deepEqual(check(scenario('hostPID: true\n      shareProcessNamespace: true')), [
			's.yaml:8:7: ShareProcessNamespace and HostPID cannot both be enabled',
		]);
	});

	test('duplicate container names, undeclared volumes and missing containers are refused', () => {
		const text = [
			'title: t',
			'pods:',
			'  - apiVersion: v1',
			'    kind: Pod',
			'    metadata: {name: a}',
			'    spec:',
			'      volumes: [{name: data, emptyDir: {}}]',
			'      containers:',
			'        - {name: app, image: nginx, volumeMounts: [{name: dta, mountPath: /d}]}',
			'        - {name: app, image: nginx}',
			'  - {apiVersion: v1, kind: Pod, metadata: {name: b}, spec: {}}',
		].join('\n');
		assert.deepEqual(check(text), [
			's.yaml:9:59: Not found: volume "dta" is not declared in spec.volumes — did you mean "data"?',
			's.yaml:10:18: Duplicate value: "app": container names must be unique in a pod',
			's.yaml:11:60: missing required field "containers"',
		]);
	});

	test('steps out of time order are refused at the later step', () => {
		const rest = ['timeline:', '  - {at: 2s, say: a}', '  - {at: 1500ms, say: b}'].join('\n');
		assert.deepEqual(check(scenario('', rest)), [
			's.yaml:13:10: step at 1.5s comes after a step at 2s; steps must be in time order',
		]);
	});

	test('a step needs exactly one action', () => {
		const rest = ['timeline:', '  - {at: 1s}', '  - {at: 2s, say: a, delete: {pod: web}}'].join('\n');
		assert.deepEqual(check(scenario('', rest)), [
			's.yaml:12:5: a step needs one action: say, pause, chapter, kill, spawn, exit, set, supervise, delete, expect, scheduler, ask',
			's.yaml:13:5: a step has 2 actions (say, delete); give each its own step with the same "at"',
		]);
	});

	test('an expectation needs one subject, and its fields are checked against that subject', () => {
		const rest = [
			'timeline:',
			'  - at: 1s',
			'    expect:',
			'      - {pod: web, zombie: 1}',
			'      - {state: Z}',
		].join('\n');
		assert.deepEqual(check(scenario('', rest)), [
			's.yaml:14:20: unknown field "zombie" — did you mean "zombies"?',
			's.yaml:15:9: an expectation needs exactly one of target, pod, container, queue, logs, event, node, deadlock, conflicts (found none)',
		]);
	});

	test('a YAML syntax error becomes file:line:col: message', () => {
		assert.deepEqual(check('title: t\npods: [\n  - a: b\n'), [
			's.yaml:3:3: block collections are not allowed within flow collections',
			's.yaml:4:1: flow sequence in block collection must be sufficiently indented and end with a ]',
		]);
		assert.deepEqual(check('title: t\ntitle: u\n'), ['s.yaml:2:1: map keys must be unique']);
	});

	test('an alias bomb is refused', () => {
		const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
		for (let level = 0; level < 8; level++) {
			const name = String.fromCharCode(98 + level);
			const previous = String.fromCharCode(97 + level);
			lines.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
		}
		const result = check(`title: t\n${lines.join('\n')}\n`);
		assert.equal(result.length, 1);
		assert.match(result[0]!, /^s\.yaml:3:\d+: too many YAML aliases/);
	});

	test('a huge text is refused with one sentence', () => {
		const text = `title: t\ndescription: "${'x'.repeat(1024 * 1024)}"\n`;
		assert.deepEqual(check(text), ['s.yaml:1:1: file is 1.0 MiB; a scenario file may be at most 1 MiB']);
	});

	test('binary text (a NUL byte) is refused with its position', () => {
		assert.deepEqual(check('title: t\nab\0cd'), [
			's.yaml:2:3: file contains a NUL byte: it looks binary, not a YAML scenario',
		]);
	});

	test('type errors name the field and what was given', () => {
		assert.deepEqual(check('title: t\nseed: many\n'), ['s.yaml:2:7: seed: expected a number, got "many"']);
		assert.deepEqual(check(scenario('restartPolicy: Allways')), [
			's.yaml:7:22: restartPolicy: expected Always or OnFailure or Never, got "Allways" — did you mean "Always"?',
		]);
		assert.deepEqual(check('title: t\ntimeline: [{at: 5, say: x}]\n'), [
			's.yaml:2:17: duration 5 needs a unit: write 5s, 5ms or 5m',
		]);
	});

	test('several problems in one file are all reported, sorted by position', () => {
		const rest = [
			'programs:',
			'  web/app: {program: slep}',
			'timeline:',
			'  - {at: 1s, kill: {target: web/app, signal: TREM}}',
			'  - {at: 2s, sai: hello}',
			'  - {at: 3s, delete: {pod: wbe}}',
		].join('\n');
		assert.deepEqual(check(scenario('hostPDI: true', rest)), [
			's.yaml:7:7: unknown field "hostPDI" — did you mean "hostPID"?',
			's.yaml:12:22: unknown program "slep" — did you mean "sleep"?',
			's.yaml:14:46: unknown signal "TREM" — did you mean "SIGTERM"?',
			's.yaml:15:14: unknown field "sai" — did you mean "say"?',
			's.yaml:16:28: unknown pod "wbe" — did you mean "web"?',
		]);
	});
});
