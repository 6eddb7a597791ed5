// scheduling.md §8: the outcome tables, reproduced by `podplay compare` over the bundled scenarios.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, test} from 'node:test';
import {compareTable, parseScheduler} from '../../source/commands/compare.js';
import {parseScenario, type Scenario} from '../../source/scenario/index.js';

function load(name: string): Scenario {
	const file = `scenarios/${name}.yaml`;
	const result = parseScenario(readFileSync(file, 'utf8'), file);
	assert.ok(result.ok);
	return result.scenario;
}

/** The outcome column's first lines of one scheduler's row. */
function row(s: Scenario, spec: string, seed?: number): string[] {
	const config = parseScheduler(spec, s);
	assert.ok(typeof config !== 'string', String(config));
	const lines = compareTable(s, [{label: spec, config}], seed).slice(1);
	return lines.map((line) =>
		line
			.slice(spec.length)
			.trim()
			.replace(/\s{2,}\d+\s{2,}[\d.]+s$/, ''),
	);
}

describe("§8.1 the source notes' setups under every scheduler", () => {
	const setup1 = load('coscheduling-app-logcollector');
	const setup2 = load('coscheduling-main-a-b');
	const table: [string, string, string][] = [
		['swarm:spread', 'app, log-collector → node-b ✔', 'main, a, b → node-1 ✔'],
		[
			'swarm:binpack',
			'app → node-a; log-collector ✘ no resources available to schedule container (stranded)',
			'main, a → node-2; b ✘ no resources available to schedule container (stranded)',
		],
		['mesos', 'app, log-collector → node-b ✔', 'main, a, b → node-1 ✔'],
		['omega:all-or-nothing', 'app, log-collector → node-b ✔', 'main, a, b → node-1 ✔'],
		['kubernetes', 'app, log-collector → node-b ✔', 'main, a, b → node-1 ✔'],
	];
	for (const [spec, one, two] of table)
		test(`R-SCHED-S7 M4 O3 K7: ${spec}`, () => {
			assert.equal(row(setup1, spec)[0], one);
			assert.equal(row(setup2, spec)[0], two);
		});
	test('R-SCHED-M4 Mesos holds 3328Mi (Setup 1) and 5632Mi (Setup 2) while it waits', () => {
		assert.equal(row(setup1, 'mesos')[1], 'held up to 3328Mi');
		assert.equal(row(setup2, 'mesos')[1], 'held up to 5632Mi');
	});
	test('R-SCHED-O1 one Omega scheduler: no conflict', () => {
		assert.equal(row(setup1, 'omega:all-or-nothing')[1], '0 conflicts');
	});
	test('R-SCHED-S5 random: over the seeds, both nodes, and Node_A over-committed 1536Mi/1280Mi', () => {
		const outcomes = new Set(Array.from({length: 12}, (_, seed) => row(setup1, 'swarm:random', seed)[0]));
		assert.deepEqual([...outcomes].sort(), [
			'app, log-collector → node-a ✔ (over-committed 1536Mi/1280Mi)',
			'app, log-collector → node-b ✔',
		]);
	});
	test('R-SCHED-O4 per-container jobs, incremental: over the seeds, placed together or log-collector stranded', () => {
		const outcomes = new Set(
			Array.from({length: 12}, (_, seed) => row(setup1, 'omega:per-container', seed)[0]),
		);
		assert.deepEqual([...outcomes].sort(), [
			'app → node-a; log-collector ✘ abandoned after 100 attempts (stranded)',
			'app, log-collector → node-b ✔',
		]);
	});
});

describe('§8.2 the extra setups of §9', () => {
	test('X1 R-SCHED-M5: Mesos deadlocks at t4; Kubernetes binds both Pods as the tasks end; Omega has one conflict', () => {
		const s = load('coscheduling-mesos-deadlock');
		assert.deepEqual(row(s, 'mesos'), [
			'g1-a, g1-b held',
			'g2-a, g2-b held',
			'held up to 4Gi; deadlock at 4s',
		]);
		assert.deepEqual(row(s, 'kubernetes'), ['g1-a, g1-b → node-1 ✔', 'g2-a, g2-b → node-2 ✔']);
		assert.deepEqual(row(s, 'omega'), ['g1-a, g1-b → node-1 ✔', 'g2-a, g2-b → node-2 ✔', '1 conflict']);
	});
	test('X2 R-SCHED-O3: Omega conflicts, rolls back and retries; conflict fraction 1', () => {
		const s = load('coscheduling-omega-conflict');
		assert.deepEqual(row(s, 'omega'), [
			'main, a, b → node-2 ✔',
			'x → node-1 ✔',
			'1 conflict; 2 tasks rolled back',
		]);
	});
	test('X3 R-SCHED-K10: Kubernetes keeps the Pod whole (Pending, then bound when cache-1 goes); Swarm runs app alone', () => {
		const s = load('coscheduling-kubernetes-pending');
		assert.deepEqual(row(s, 'kubernetes'), ['app, log-collector → node-1 ✔']);
		assert.deepEqual(row(s, 'swarm:binpack'), [
			'app → node-2; log-collector ✘ no resources available to schedule container (stranded)',
		]);
	});
});
