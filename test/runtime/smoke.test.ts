import assert from 'node:assert/strict';
import {test} from 'node:test';
import {readyColumn, statusColumn} from '../../source/runtime/index.js';
import {Node, podSpec} from '../helpers/world.js';

test('a pod comes up: shim, pause as PID 1 of its namespace, the app as PID 1 of its own', () => {
	const node = new Node();
	node.create(podSpec('web'));
	const pod = node.pod('web');
	assert.equal(statusColumn(pod), 'Running');
	assert.equal(readyColumn(pod), '1/1');
	const pause = node.processes((p) => p.comm === 'pause')[0];
	assert.deepEqual(pause.pids.slice(1), [1]);
	const app = node.main('web', 'app')!;
	assert.equal(app.pids.at(-1), 1);
	assert.equal(app.ns.ipc, pause.ns.ipc);
	assert.notEqual(app.ns.pid, pause.ns.pid);
	const shim = node.processes((p) => p.comm === 'containerd-shim')[0];
	assert.equal(app.parent, shim.hostPid);
	assert.equal(pause.parent, shim.hostPid);
	assert.equal(shim.subreaper, true);
});
