// Probes, lifecycle hooks and logs as the kubelet runs them (R-PROBE, R-HOOK, R-LOG).
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {ContainerSpec, HandlerSpec, ProbeSpec} from '../../source/runtime/index.js';
import {statusColumn} from '../../source/runtime/index.js';
import {container, Node, podSpec} from '../helpers/world.js';

const probe = (check: ProbeSpec['check'], extra: Partial<ProbeSpec> = {}): ProbeSpec => ({
	check,
	initialDelaySeconds: 0,
	periodSeconds: 5,
	timeoutSeconds: 1,
	failureThreshold: 3,
	successThreshold: 1,
	...extra,
});

function start(c: Partial<ContainerSpec> & {image: string}, extra: Parameters<typeof podSpec>[1] = {}): Node {
	const node = new Node();
	node.create(podSpec('p', {containers: [container('c', c)], ...extra}));
	return node;
}

const events = (node: Node, reason: string) => node.pod('p').events.filter((e) => e.reason === reason);
const logs = (node: Node, restart = 0) => node.world.kernel.streams[`log:p/c/${restart}`] ?? [];

describe('R-PROBE', () => {
	const execLiveness = {
		image: 'registry.k8s.io/busybox:1.27.2',
		args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
		livenessProbe: probe({kind: 'exec', command: ['cat', '/tmp/healthy']}, {initialDelaySeconds: 5}),
	};

	test('R-PROBE-1/R-PROBE-2: an exec probe is a process under the shim in the container, PPID 0 inside, a new PID each run', () => {
		const node = start(execLiveness);
		node.advance(5000);
		const runs = node.events.filter((e) => e.kind === 'exec' && e.rule === 'R-PROBE-1');
		assert.equal(runs.length, 1);
		node.advance(5000);
		const pids = node.events.filter((e) => e.kind === 'exec' && e.rule === 'R-PROBE-1').map((e) => e.pid);
		assert.equal(pids.length, 2);
		assert.notEqual(pids[0], pids[1]);
		const shim = node.pod('p').sandbox!.shim;
		assert.ok(
			node.events.some(
				(e) => e.kind === 'fork' && e.pid === pids[1] && e.text.includes(`${shim} (containerd-shim)`),
			),
		);
	});

	test("R-PROBE-2/R-PROBE-11: once the file is gone the probe fails with cat's own text; the 3rd failure kills (R-PROBE-9)", () => {
		const node = start(execLiveness);
		node.advance(41_000);
		const unhealthy = events(node, 'Unhealthy');
		assert.equal(unhealthy.length, 1);
		assert.equal(unhealthy[0]!.count, 3);
		assert.equal(
			unhealthy[0]!.message,
			"Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
		);
		assert.deepEqual(
			events(node, 'Killing').map((e) => e.message),
			['Container c failed liveness probe, will be restarted'],
		);
		// TERM to sh PID 1 is dropped (R-EXEC-7): SIGKILL at the end of the grace period, then a restart.
		node.advance(31_000);
		assert.equal(node.container('p', 'c').restartCount, 1);
		assert.equal(node.container('p', 'c').lastState?.exitCode, 137);
	});

	test('R-PROBE-2: a probe that times out is killed and reads `command "…" timed out`', () => {
		const node = start({
			image: 'busybox',
			command: ['sleep', '3600'],
			livenessProbe: probe({kind: 'exec', command: ['sleep', '5']}, {failureThreshold: 1}),
		});
		node.advance(3000);
		assert.deepEqual(
			events(node, 'Unhealthy').map((e) => e.message),
			['Liveness probe failed: command "sleep 5" timed out'],
		);
	});

	test('R-PROBE-2: a stopped containerd-shim starts no exec: the probe times out and the killed container ends in its namespaces', () => {
		const node = start(
			{
				image: 'busybox',
				command: ['sleep', '3600'],
				livenessProbe: probe({kind: 'exec', command: ['true']}, {periodSeconds: 1, failureThreshold: 1}),
			},
			{terminationGracePeriodSeconds: 1},
		);
		const shim = node.pod('p').sandbox!.shim;
		node.do({type: 'signal', pid: shim, signal: 'SIGSTOP'});
		const before = node.events.filter((e) => e.rule === 'R-PROBE-1').length;
		node.advance(4000);
		// No exec process was forked by the stopped shim (it could never reap it: a zombie with a
		// parent outside the container's PID namespace would keep its PID 1 exiting forever).
		assert.equal(node.events.filter((e) => e.rule === 'R-PROBE-1').length, before);
		assert.match(
			events(node, 'Unhealthy')[0]?.message ?? '',
			/^Liveness probe failed: command "true" timed out/,
		);
		const c = node.container('p', 'c');
		const main = node.main('p', 'c');
		if (c.state === 'running') {
			assert.ok(
				main && main.state !== 'Z' && main.exiting === undefined,
				'a running container has a live main process',
			);
			assert.ok(node.world.kernel.namespaces[main.ns.ipc], "the running container's IPC namespace exists");
		}
	});

	test('R-PROBE-3: agnhost liveness answers 200 for 10 s, then 500: failures at 12, 15, 18 s, Killing, exit 2 (R-EXEC-13)', () => {
		const node = start({
			image: 'registry.k8s.io/e2e-test-images/agnhost:2.40',
			args: ['liveness'],
			livenessProbe: probe(
				{kind: 'httpGet', port: 8080, path: '/healthz'},
				{initialDelaySeconds: 3, periodSeconds: 3},
			),
		});
		node.advance(17_500);
		assert.equal(events(node, 'Unhealthy')[0]?.count, 2);
		node.advance(1000);
		assert.equal(
			events(node, 'Unhealthy')[0]?.message,
			'Liveness probe failed: HTTP probe failed with statuscode: 500',
		);
		assert.equal(events(node, 'Killing').length, 1);
		assert.equal(node.container('p', 'c').restartCount, 1);
		assert.equal(node.container('p', 'c').lastState?.exitCode, 2);
	});

	test('R-PROBE-4/R-PROBE-6: tcpSocket follows what listens, not containerPort; refused reads dial tcp … connection refused', () => {
		const goproxy = start({
			image: 'registry.k8s.io/goproxy:0.1',
			readinessProbe: probe({kind: 'tcpSocket', port: 8080}),
		});
		goproxy.advance(1500);
		assert.equal(goproxy.container('p', 'c').ready, true);
		const none = start({
			image: 'busybox',
			command: ['sleep', '3600'],
			readinessProbe: probe({kind: 'tcpSocket', port: 8080}),
		});
		none.advance(1500);
		assert.equal(none.container('p', 'c').ready, false);
		assert.match(
			events(none, 'Unhealthy')[0]!.message,
			/^Readiness probe failed: dial tcp 10\.\d+\.\d+\.\d+:8080: connect: connection refused$/,
		);
		// R-PROBE-10: readiness never kills.
		none.advance(60_000);
		assert.equal(events(none, 'Killing').length, 0);
	});

	test('R-PROBE-5: etcd answers grpc health SERVING; nothing listening is a connect timeout', () => {
		const etcd = start({
			image: 'registry.k8s.io/etcd:3.5.1-0',
			command: ['/usr/local/bin/etcd', '--listen-client-urls', 'http://0.0.0.0:2379'],
			livenessProbe: probe({kind: 'grpc', port: 2379}, {initialDelaySeconds: 10, periodSeconds: 10}),
		});
		etcd.advance(35_000);
		assert.equal(events(etcd, 'Unhealthy').length, 0);
		const none = start({
			image: 'busybox',
			command: ['sleep', '3600'],
			livenessProbe: probe({kind: 'grpc', port: 2379}),
		});
		none.advance(1500);
		assert.match(
			events(none, 'Unhealthy')[0]!.message,
			/timeout: failed to connect service "[\d.]+:2379" within 1s/,
		);
	});

	test('R-PROBE-7: the first probe lands at the first tick at or after initialDelaySeconds', () => {
		const node = start({
			...execLiveness,
			livenessProbe: probe({kind: 'exec', command: ['true']}, {initialDelaySeconds: 7, periodSeconds: 5}),
		});
		node.advance(9_999);
		assert.equal(node.events.filter((e) => e.kind === 'exec').length, 0);
		node.advance(1);
		assert.equal(node.events.filter((e) => e.kind === 'exec').length, 1);
	});

	test('R-PROBE-8: readiness starts Failure: READY 0/1 until the first success', () => {
		const node = start({
			image: 'registry.k8s.io/goproxy:0.1',
			readinessProbe: probe({kind: 'tcpSocket', port: 8080}, {initialDelaySeconds: 15, periodSeconds: 10}),
		});
		node.advance(14_000);
		assert.equal(node.container('p', 'c').ready, false);
		node.advance(6_000);
		assert.equal(node.container('p', 'c').ready, true);
	});

	test('R-PROBE-12: once the pod is deleted liveness stops probing', () => {
		const node = start({
			image: 'busybox',
			command: ['sleep', '3600'],
			livenessProbe: probe({kind: 'exec', command: ['false']}),
		});
		node.advance(500);
		node.do({type: 'deletePod', pod: 'p'});
		node.advance(20_000);
		assert.equal(node.events.filter((e) => e.kind === 'exec' && e.rule === 'R-PROBE-1').length, 0);
	});
});

describe('R-HOOK', () => {
	const nginx = (postStart?: HandlerSpec, preStop?: HandlerSpec) =>
		start({image: 'nginx', ...(postStart ? {postStart} : {}), ...(preStop ? {preStop} : {})});

	test('R-HOOK-1/R-HOOK-2: postStart exec writes its file before Running; it is a process under the shim', () => {
		const node = new Node();
		node.create(
			podSpec('p', {
				containers: [
					container('c', {
						image: 'nginx',
						postStart: {
							kind: 'exec',
							command: [
								'/bin/sh',
								'-c',
								'sleep 2; echo Hello from the postStart handler > /usr/share/message',
							],
						},
					}),
					container('d', {image: 'busybox', command: ['sleep', '3600']}),
				],
			}),
		);
		node.advance(500);
		assert.equal(statusColumn(node.pod('p')), 'ContainerCreating');
		assert.equal(node.container('p', 'd').state, 'waiting', 'the next container waits for the hook');
		node.advance(2000);
		assert.equal(node.container('p', 'd').state, 'running');
		const mnt = node.main('p', 'c')!.ns.mnt;
		assert.deepEqual(node.world.kernel.volumes[`rootfs:${mnt}`]?.files['/usr/share/message'], [
			'Hello from the postStart handler',
		]);
		assert.equal(node.world.kernel.streams['log:p/c/0']?.includes('Hello from the postStart handler'), false);
	});

	test('R-HOOK-4: a failing postStart: FailedPostStartHook "PostStartHook failed", Killing FailedPostStartHook, restart', () => {
		const node = nginx({kind: 'exec', command: ['badcommand']});
		node.advance(500);
		assert.deepEqual(
			events(node, 'FailedPostStartHook').map((e) => e.message),
			['PostStartHook failed'],
		);
		assert.deepEqual(
			events(node, 'Killing').map((e) => e.message),
			['FailedPostStartHook'],
		);
		node.advance(1000);
		assert.ok(node.container('p', 'c').restartCount >= 1);
		assert.equal(node.container('p', 'c').lastState?.exitCode, 0, 'nginx quits on SIGQUIT with 0');
	});

	test('R-HOOK-3: an httpGet hook fails only when nothing answers', () => {
		const ok = nginx({kind: 'httpGet', port: 80, path: '/'});
		ok.advance(500);
		assert.equal(events(ok, 'FailedPostStartHook').length, 0);
		const refused = nginx({kind: 'httpGet', port: 8080, path: '/'});
		refused.advance(500);
		assert.equal(events(refused, 'FailedPostStartHook').length, 1);
	});

	test('R-HOOK-5/R-HOOK-7: preStop runs on delete before the stop signal; a failing one is reported and stopping goes on', () => {
		const node = nginx(undefined, {kind: 'exec', command: ['/bin/sh', '-c', 'exit 3']});
		node.advance(500);
		node.do({type: 'deletePod', pod: 'p'});
		node.advance(1000);
		assert.ok(
			node.events.some((e) => e.rule === 'R-HOOK-7' && e.text === 'p: FailedPreStopHook: PreStopHook failed'),
		);
		assert.equal(node.world.runtime.pods.p, undefined, 'the pod is gone');
	});

	test('R-HOOK-5: preStop does not run when the container exits by itself', () => {
		const node = start({
			image: 'busybox',
			command: ['sh', '-c', 'sleep 1; exit 1'],
			preStop: {kind: 'exec', command: ['touch', '/x']},
		});
		node.advance(1500);
		assert.equal(node.events.filter((e) => e.kind === 'exec').length, 0);
	});

	test('R-HOOK-6: a preStop of sleep 60 under a grace of 30 s: the stop signal at ≈30 s, SIGKILL 2 s later', () => {
		const node = start({
			image: 'busybox',
			command: ['sleep', '3600'],
			preStop: {kind: 'exec', command: ['sleep', '60']},
		});
		node.advance(500);
		node.do({type: 'deletePod', pod: 'p'});
		node.advance(31_000);
		assert.ok(node.world.runtime.pods.p, 'still terminating');
		node.advance(2_000);
		assert.equal(node.world.runtime.pods.p, undefined);
	});

	test('R-HOOK-8: a sleep postStart creates no process and holds the container', () => {
		const node = nginx({kind: 'sleep', seconds: 2});
		node.advance(1000);
		assert.equal(statusColumn(node.pod('p')), 'ContainerCreating');
		assert.equal(node.events.filter((e) => e.kind === 'exec').length, 0);
		node.advance(1500);
		assert.equal(statusColumn(node.pod('p')), 'Running');
	});
});

describe('R-LOG', () => {
	const crashing = () => start({image: 'busybox', command: ['sh', '-c', 'echo started; sleep 1; exit 1']});

	test('R-LOG-1: the log is what PID 1 and its children write, per instance; probe output is not in it', () => {
		const node = start({
			image: 'busybox',
			command: ['sh', '-c', 'echo one; date; sleep 600'],
			livenessProbe: probe({kind: 'exec', command: ['echo', 'probe-output']}),
		});
		node.advance(2000);
		assert.deepEqual(logs(node), ['one', 'Thu Jan  1 00:00:00 UTC 2026']);
	});

	test('R-LOG-2/R-LOG-3: during back-off plain logs show the instance that just died; -p the one before', () => {
		const node = crashing();
		node.advance(1500);
		// restartCount 1, running again: the first instance is the previous one.
		assert.equal(node.container('p', 'c').restartCount, 1);
		assert.deepEqual(logs(node, 0), ['started']);
		node.advance(1000);
		assert.equal(node.container('p', 'c').reason, 'CrashLoopBackOff');
		assert.deepEqual(logs(node, node.container('p', 'c').restartCount), ['started']);
	});

	test('R-LOG-4: only the current and the previous instance keep their logs', () => {
		const node = crashing();
		node.advance(60_000);
		const c = node.container('p', 'c');
		assert.ok(c.restartCount >= 3);
		assert.equal(node.world.kernel.streams['log:p/c/0'], undefined);
		assert.ok(node.world.kernel.streams[`log:p/c/${c.restartCount - 1}`]);
	});
});
