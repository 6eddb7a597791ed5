// Property test (R-EXEC-5..9): random small scripts from a grammar never crash the shell model, and
// the process tree stays consistent: every process has a live parent that lists it, no process of the
// container outlives its PID namespace's init, and the container ends with a status in 0..255.
// Rerun one case with FC_SEED=<seed> FC_PATH=<path>.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import fc from 'fast-check';
import {allProcesses, tableGet} from '../../source/kernel/index.js';
import {parseShell} from '../../source/programs/shell/parse.js';
import {container, Node, podSpec} from '../helpers/world.js';

const numRuns = Number(process.env.FC_RUNS ?? 60);
const seed = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 2 ** 31));
const path = process.env.FC_PATH;

const word = fc.constantFrom('a', 'b', '"$x"', '$?', '$!', '$((x+1))', '"$(date)"', "'q s'", '/tmp/f');
const simple = fc.oneof(
	fc.constantFrom(
		'true',
		'false',
		':',
		'sleep 1',
		'sleep 0',
		'date',
		'touch /tmp/f',
		'rm -f /tmp/f',
		'cat /tmp/f',
	),
	fc.constantFrom(
		'exit 3',
		'wait',
		'kill $!',
		'kill -TERM 1',
		'trap "echo t" TERM',
		'set -e',
		'foo',
		'x=1',
		'x=$((x+1))',
	),
	fc
		.tuple(fc.constantFrom('echo', 'printf', 'test', '['), fc.array(word, {maxLength: 3}))
		.map(([c, ws]) => (c === '[' ? `[ ${ws.join(' ')} ]` : `${c} ${ws.join(' ')}`)),
	fc.constantFrom('echo hi > /tmp/f', 'echo hi >> /tmp/f', 'sleep 1 > /dev/null', 'date | cat'),
);

const script: fc.Arbitrary<string> = fc.letrec((tie) => ({
	list: fc
		.array(
			fc.tuple(tie('item') as fc.Arbitrary<string>, fc.constantFrom('; ', ' && ', ' || ', '\n', ' & ')),
			{
				minLength: 1,
				maxLength: 3,
			},
		)
		.map((parts) => parts.map(([item, sep], i) => (i === parts.length - 1 ? item : item + sep)).join('')),
	item: fc.oneof(
		{maxDepth: 2, withCrossShrink: true},
		simple,
		fc
			.tuple(tie('list') as fc.Arbitrary<string>, tie('list') as fc.Arbitrary<string>)
			.map(([a, b]) => `if ${a}; then ${b}; fi`),
		(tie('list') as fc.Arbitrary<string>).map((a) => `for i in 1 2; do ${a}; done`),
		(tie('list') as fc.Arbitrary<string>).map((a) => `n=0; while [ $n -lt 2 ]; do n=$((n+1)); ${a}; done`),
		(tie('list') as fc.Arbitrary<string>).map((a) => `( ${a} )`),
		(tie('list') as fc.Arbitrary<string>).map((a) => `{ ${a}; }`),
		(tie('list') as fc.Arbitrary<string>).map((a) => `case $x in 1) ${a};; *) true;; esac`),
	),
})).list;

function consistent(node: Node): void {
	const k = node.world.kernel;
	for (const p of allProcesses(k)) {
		if (p.hostPid === 1) continue;
		const parent = tableGet(k.procs, p.parent);
		assert.ok(parent, `${p.hostPid} (${p.comm}) has no parent`);
		assert.ok(parent.children.includes(p.hostPid), `${p.parent} does not list ${p.hostPid}`);
	}
}

describe('shell model properties', () => {
	test('R-EXEC-6: random scripts never crash the model; the tree stays consistent; exit codes stay in 0..255', () => {
		fc.assert(
			fc.property(
				script,
				fc.constantFrom('busybox:1.36', 'debian', 'registry.k8s.io/busybox:1.27.2'),
				fc.boolean(),
				(text, image, bash) => {
					if (process.env.FC_DEBUG) console.error(JSON.stringify([text, image, bash]));
					assert.ok(parseShell(text).ok, `the grammar makes parseable scripts: ${text}`);
					const node = new Node();
					node.create(
						podSpec('p', {
							restartPolicy: 'Never',
							terminationGracePeriodSeconds: 2,
							containers: [
								container('c', {image, command: [bash && image === 'debian' ? 'bash' : 'sh', '-c', text]}),
							],
						}),
					);
					for (let t = 0; t < 6; t++) {
						node.advance(500);
						consistent(node);
					}
					node.do({type: 'deletePod', pod: 'p'});
					node.advance(5000);
					consistent(node);
					assert.equal(node.world.runtime.pods.p, undefined, 'the pod is gone after delete');
					assert.ok(
						allProcesses(node.world.kernel).every((p) => p.labels.pod !== 'p'),
						'no process of the pod is left',
					);
				},
			),
			{numRuns, seed, ...(path === undefined ? {} : {path})},
		);
	});
});
