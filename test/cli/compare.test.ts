// `podplay compare` (R-SCHED): the outcome table, and bad input as one sentence with exit 2.
import assert from 'node:assert/strict';
import {before, describe, test} from 'node:test';
import {ensureBuilt, podplay} from '../helpers/cli.js';

before(ensureBuilt);

describe('podplay compare', () => {
	test('the default schedulers: one row each, binpack strands b, Kubernetes binds the 3Gi Pod to node-1', async () => {
		const {code, stdout} = await podplay(['compare', 'coscheduling-main-a-b']);
		assert.equal(code, 0);
		const rows = stdout.split('\n').filter((l) => /^(kubernetes|swarm|mesos|omega)/.test(l));
		assert.deepEqual(
			rows.map((r) => r.split(/\s{2,}/)[0]),
			['kubernetes', 'swarm:binpack', 'swarm:spread', 'mesos', 'omega'],
		);
		assert.match(
			stdout,
			/swarm:binpack\s+main, a → node-2; b ✘ no resources available to schedule container \(stranded\)/,
		);
		assert.match(stdout, /kubernetes\s+main, a, b → node-1 ✔/);
	});

	test("replay --json of a cluster: nodes and each pod's node in the snapshot", async () => {
		const {code, stdout} = await podplay(['replay', 'coscheduling-kubernetes-pending', '--json']);
		assert.equal(code, 0);
		const snapshot = JSON.parse(stdout.trim().split('\n').at(-1)!);
		assert.deepEqual(
			snapshot.nodes.map((n: {name: string; allocated: number}) => [n.name, n.allocated / 2 ** 20]),
			[
				['node-1', 1536],
				['node-2', 768],
			],
		);
		assert.equal(snapshot.pods.find((p: {name: string}) => p.name === 'app').node, 'node-1');
		const events = stdout
			.trim()
			.split('\n')
			.slice(0, -1)
			.map((l) => JSON.parse(l));
		assert.ok(
			events.some(
				(e) => e.rule === 'R-SCHED-K5' && /No preemption victims found for incoming pod\.$/.test(e.text),
			),
		);
	});

	const bad: [string, string[], RegExp][] = [
		[
			'a misspelt strategy',
			['compare', 'coscheduling-main-a-b', '--schedulers', 'swarm:binpak'],
			/did you mean "binpack"\? See podplay --help\.$/m,
		],
		[
			'an unknown scheduler',
			['compare', 'coscheduling-main-a-b', '--schedulers', 'kubernets'],
			/unknown scheduler "kubernets" — did you mean "kubernetes"\?/,
		],
		[
			'a scenario without nodes',
			['compare', 'zombies'],
			/has no nodes: compare needs a scenario with "nodes:"/,
		],
		['no scenario', ['compare'], /compare needs one scenario/],
	];
	for (const [name, args, message] of bad)
		test(`${name}: one sentence, exit 2`, async () => {
			const {code, stderr} = await podplay(args);
			assert.equal(code, 2);
			assert.match(stderr, message);
			assert.equal(stderr.trim().split('\n').length, 1);
		});
});
