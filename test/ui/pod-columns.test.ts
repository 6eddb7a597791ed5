import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {lineWidth, podColumns, shortRestarts} from '../../source/ui/pod-columns.js';
import type {PodRow} from '../../source/ui/session.js';

const pod = (name: string, status: string, restarts: string): PodRow => ({
	name,
	ready: '0/1',
	status,
	restarts,
	age: '12s',
	containers: [],
});
const pods = [pod('web', 'Running', '0'), pod('report', 'CrashLoopBackOff', '3 (5s ago)')];

describe('pods pane columns (R-STATUS-3: kubectl columns)', () => {
	test('every column when there is room', () => {
		const c = podColumns(pods, 60);
		assert.deepEqual(c, {name: 6, status: 16, restarts: 10, age: 3, shortRestarts: false, pids: 0});
	});

	test('narrower: AGE goes first, then the "(5s ago)" of RESTARTS', () => {
		assert.equal(podColumns(pods, 41).age, 0);
		assert.equal(podColumns(pods, 41).shortRestarts, false);
		const c = podColumns(pods, 38);
		assert.deepEqual(c, {name: 6, status: 16, restarts: 8, age: 0, shortRestarts: true, pids: 0});
		assert.equal(shortRestarts('3 (5s ago)'), '3');
	});

	test('a PIDS column (pids.current/pids.max) where a pod cgroup has a limit: fork-bomb (R-ZOMB-5)', () => {
		const limited = [
			{...pods[0]!, pids: '32/32'},
			{...pods[1]!, pids: '3/32'},
		];
		assert.equal(podColumns(limited, 60).pids, 5);
		assert.equal(
			podColumns(
				pods.map((p) => ({...p, pids: '3/max'})),
				60,
			).pids,
			0,
			'no limit, no column',
		);
		assert.equal(podColumns(limited, 38).pids, 5, 'kept when AGE and "(ago)" go');
	});

	test('the line never exceeds the width while names and STATUS can shrink', () => {
		for (let width = 30; width <= 80; width++) {
			const c = podColumns([...pods, pod('a-rather-long-pod-name', 'Running', '0')], width);
			assert.ok(lineWidth(c) <= width, `width ${width}: ${JSON.stringify(c)}`);
		}
	});
});
