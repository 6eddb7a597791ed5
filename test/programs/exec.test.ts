// What a container runs (R-EXEC): argv assembly, the shells' exec of their last command, what
// becomes a process, signals to a shell PID 1, reaping while waiting, exit statuses.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {lookupImage, parseImage} from '../../source/programs/index.js';
import {parseShell} from '../../source/programs/shell/parse.js';
import {buildArgv, containerEnv, expandVars} from '../../source/runtime/argv.js';
import {container, Node, podSpec} from '../helpers/world.js';

/** One pod, one container of `image` running `command`, advanced `ms`. */
function run(image: string, command: string[], ms = 500, extra: Parameters<typeof podSpec>[1] = {}) {
	const node = new Node();
	node.create(podSpec('p', {containers: [container('c', {image, command})], ...extra}));
	node.advance(ms);
	return node;
}

const tree = (node: Node) =>
	node
		.inContainer('p', 'c')
		.filter((p) => p.state !== 'Z')
		.map((p) => `${p.pids.at(-1)}:${p.comm}`);

function logs(node: Node, restart = 0): string[] {
	return node.world.kernel.streams[`log:p/c/${restart}`] ?? [];
}

describe('R-EXEC-1: argv from ENTRYPOINT/CMD and command/args', () => {
	const image = {entrypoint: ['/ep-1'], cmd: ['foo', 'bar']};
	test('R-EXEC-1: the four documented cases', () => {
		assert.deepEqual(buildArgv({}, image, {}), ['/ep-1', 'foo', 'bar']);
		assert.deepEqual(buildArgv({command: ['/ep-2']}, image, {}), ['/ep-2']);
		assert.deepEqual(buildArgv({args: ['zoo', 'boo']}, image, {}), ['/ep-1', 'zoo', 'boo']);
		assert.deepEqual(buildArgv({command: ['/ep-2'], args: ['zoo', 'boo']}, image, {}), [
			'/ep-2',
			'zoo',
			'boo',
		]);
	});
	test('R-EXEC-1: an empty argv is CreateContainerError "no command specified"', () => {
		const node = run('registry.k8s.io/goproxy:0.1', [], 100, {
			containers: [container('c', {image: 'registry.k8s.io/etcd:3.5.1-0', args: []})],
		});
		assert.ok(node.container('p', 'c').state !== undefined);
		assert.deepEqual(buildArgv({}, {entrypoint: [], cmd: []}, {}), undefined);
	});
	test('R-EXEC-1: agnhost with args [liveness] runs /agnhost liveness', () => {
		assert.deepEqual(
			buildArgv({args: ['liveness']}, lookupImage('registry.k8s.io/e2e-test-images/agnhost:2.40'), {}),
			['/agnhost', 'liveness'],
		);
	});
});

describe('R-EXEC-2: $(VAR) expansion', () => {
	test('R-EXEC-2: known names expand, unknown stay, $$ escapes, $NAME is left for a shell', () => {
		const env = {A: 'x', B: 'y'};
		assert.equal(expandVars('$(A)-$(B)', env), 'x-y');
		assert.equal(expandVars('$(NOPE)', env), '$(NOPE)');
		assert.equal(expandVars('$$(A)', env), '$(A)');
		assert.equal(expandVars('$A ${B}', env), '$A ${B}');
	});
	test('R-EXEC-2: env entries may refer to earlier ones', () => {
		const env = containerEnv(
			{
				env: [
					{name: 'A', value: '1'},
					{name: 'B', value: '$(A)2'},
				],
			},
			'p',
		);
		assert.equal(env.B, '12');
	});
	test('R-EXEC-2: debian printenv HOSTNAME KUBERNETES_PORT logs two lines and completes', () => {
		const node = new Node();
		node.create(
			podSpec('p', {
				restartPolicy: 'OnFailure',
				containers: [
					container('c', {image: 'debian', command: ['printenv'], args: ['HOSTNAME', 'KUBERNETES_PORT']}),
				],
			}),
		);
		node.advance(500);
		assert.deepEqual(logs(node), ['p', 'tcp://10.96.0.1:443']);
		assert.equal(node.container('p', 'c').reason, 'Completed');
	});
});

describe('R-EXEC-3: an absent executable', () => {
	test("R-EXEC-3: bash in busybox is a StartError 128 with runc's message, then back-off", () => {
		const node = run('busybox:1.36', ['bash', '-c', 'echo hi'], 100);
		const c = node.container('p', 'c');
		assert.equal(c.lastState?.reason ?? c.reason, 'StartError');
		assert.equal(c.lastState?.exitCode ?? c.exitCode, 128);
		assert.ok(
			node.pod('p').events.some((e) => /exec: "bash": executable file not found in \$PATH/.test(e.message)),
		);
	});
});

describe('R-EXEC-4: which /bin/sh', () => {
	test('R-EXEC-4: busybox by tag, Debian family dash, FROM scratch none', () => {
		assert.equal(lookupImage('busybox')?.sh, 'ash');
		assert.equal(lookupImage('registry.k8s.io/busybox:1.27.2')?.sh, 'ash-1.27');
		assert.equal(lookupImage('nginx')?.sh, 'dash');
		assert.equal(lookupImage('nginx:1.27-alpine')?.sh, 'ash');
		assert.equal(lookupImage('registry.k8s.io/goproxy:0.1')?.sh, undefined);
		assert.deepEqual(parseImage('docker.io/library/busybox:1.36@sha256:ab'), {name: 'busybox', tag: '1.36'});
	});
});

describe('R-EXEC-5: does sh -c exec its last command', () => {
	const cases: [string, string, boolean][] = [
		// [image, script, sleep is PID 1]
		['busybox:1.36', 'sleep 2', true],
		['debian', 'sleep 2', false],
		['busybox:1.36', 'echo hi >/dev/null; sleep 2', true],
		['busybox:1.36', 'true && sleep 2', true],
		['busybox:1.36', 'sleep 2\n', false],
		['busybox:1.36', 'true\nsleep 2', true],
		['busybox:1.36', 'trap "exit 0" TERM; sleep 2', false],
		['busybox:1.36', 'sleep 2 > /dev/null', true],
		['busybox:1.36', 'sleep 2; true', false],
		['busybox:1.36', '(sleep 2)', true],
		['busybox:1.36', '{ sleep 2; }', true],
		['busybox:1.36', 'if true; then sleep 2; fi', true],
		['busybox:1.36', 'exec sleep 2', true],
		['debian', 'exec sleep 2', true],
		['registry.k8s.io/busybox:1.27.2', 'sleep 2', false],
	];
	for (const [image, script, execs] of cases) {
		test(`R-EXEC-5: ${image} sh -c ${JSON.stringify(script)} → ${execs ? 'sleep is PID 1' : 'sh stays PID 1'}`, () => {
			const node = run(image, ['sh', '-c', script]);
			const processes = tree(node);
			if (execs) assert.deepEqual(processes, ['1:sleep'], processes.join(' '));
			else {
				assert.equal(processes[0], '1:sh', processes.join(' '));
				assert.ok(
					processes.some((p) => p.endsWith(':sleep')),
					processes.join(' '),
				);
			}
		});
	}
	const bash: [string, boolean][] = [
		['sleep 2', true],
		['sleep 2\n', true],
		['sleep 2 > /dev/null', false],
		['(sleep 2)', false],
		['trap "exit 0" TERM; sleep 2', false],
	];
	for (const [script, execs] of bash) {
		test(`R-EXEC-5: debian bash -c ${JSON.stringify(script)} → ${execs ? 'exec' : 'bash stays PID 1'}`, () => {
			const processes = tree(run('debian', ['bash', '-c', script]));
			assert.equal(processes[0], execs ? '1:sleep' : '1:bash', processes.join(' '));
		});
	}
});

describe('R-EXEC-5: subshells and background children (found on the real shells, conformance S10/S14/S30)', () => {
	test('R-EXEC-5: a subshell execs its last command in dash and bash: `(echo a; sleep 2)` is one child, sleep', () => {
		assert.deepEqual(tree(run('debian', ['sh', '-c', '(echo a >/dev/null; sleep 2)'])), ['1:sh', '2:sleep']);
		assert.deepEqual(tree(run('debian', ['bash', '-c', '(sleep 2)'])), ['1:bash', '2:sleep']);
	});
	test('R-EXEC-5: busybox runs a subshell in tail position in place: `(echo a; sleep 2)` leaves sleep as PID 1', () => {
		assert.deepEqual(tree(run('busybox:1.36', ['sh', '-c', '(echo a >/dev/null; sleep 2)'])), ['1:sleep']);
	});
	test('R-EXEC-5: bash does not exec its last command while a background child is unreaped; after wait it does', () => {
		assert.deepEqual(tree(run('debian', ['bash', '-c', 'sleep 1 & sleep 3'])), [
			'1:bash',
			'2:sleep',
			'3:sleep',
		]);
		assert.deepEqual(tree(run('debian', ['bash', '-c', 'sleep 1 & wait; sleep 3'], 1500)), ['1:sleep']);
		assert.deepEqual(tree(run('busybox:1.36', ['sh', '-c', 'sleep 1 & sleep 3'])), ['1:sleep', '2:sleep']);
	});
});

describe('R-EXEC-6: what becomes a process', () => {
	test('R-EXEC-6: the counter loop makes a date and a sleep child each second; echo is a builtin', () => {
		const node = run(
			'busybox:1.28',
			['/bin/sh', '-c', 'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done'],
			3500,
		);
		assert.deepEqual(logs(node).slice(0, 3), [
			'0: Thu Jan  1 00:00:00 UTC 2026',
			'1: Thu Jan  1 00:00:01 UTC 2026',
			'2: Thu Jan  1 00:00:02 UTC 2026',
		]);
		const forked = node.events.filter((e) => e.kind === 'fork' && /\((date|sleep)\)/.test(e.text));
		assert.ok(forked.length >= 7, `${forked.length} forks`);
		assert.equal(tree(node)[0], '1:sh');
		assert.ok(!node.events.some((e) => /\(echo\)/.test(e.text)), 'echo never forks');
	});
});

describe('R-EXEC-7: signals to a shell PID 1', () => {
	const signal = (node: Node, signal: 'SIGTERM' | 'SIGINT') => {
		const main = node.main('p', 'c')!;
		node.do({type: 'signal', pid: main.hostPid, signal});
	};
	test('R-EXEC-7: TERM without a trap is dropped: sh sleep 3; echo after runs to the end', () => {
		const node = run('debian', ['sh', '-c', 'sleep 3; echo after'], 1000, {restartPolicy: 'Never'});
		signal(node, 'SIGTERM');
		node.advance(2500);
		assert.deepEqual(logs(node), ['after']);
		assert.equal(node.container('p', 'c').exitCode, 0);
	});
	test('R-EXEC-7: a trap waits for the foreground command (trap then exit at 3 s)', () => {
		const node = run('debian', ['sh', '-c', 'trap "echo trapped; exit 0" TERM; sleep 3; echo after'], 1000, {
			restartPolicy: 'Never',
		});
		signal(node, 'SIGTERM');
		node.advance(1000);
		assert.equal(node.container('p', 'c').state, 'running');
		node.advance(1500);
		assert.deepEqual(logs(node), ['trapped']);
		assert.equal(node.container('p', 'c').exitCode, 0);
	});
	test('R-EXEC-7: during `wait` a trapped TERM interrupts at once: wait returns 143, the trap runs', () => {
		const node = run('debian', ['sh', '-c', 'trap "echo trapped" TERM; sleep 3 & wait; echo rc=$?'], 1000, {
			restartPolicy: 'Never',
		});
		signal(node, 'SIGTERM');
		node.advance(100);
		assert.deepEqual(logs(node), ['trapped', 'rc=143']);
	});
	test('R-EXEC-7: INT ends dash after the foreground command with 130; bash carries on', () => {
		const dash = run('debian', ['sh', '-c', 'sleep 3; echo after'], 1000, {restartPolicy: 'Never'});
		signal(dash, 'SIGINT');
		dash.advance(2500);
		assert.deepEqual(logs(dash), []);
		assert.equal(dash.container('p', 'c').exitCode, 130);
		const bash = run('debian', ['bash', '-c', 'sleep 3; echo after'], 1000, {restartPolicy: 'Never'});
		signal(bash, 'SIGINT');
		bash.advance(2500);
		assert.deepEqual(logs(bash), ['after']);
	});
});

describe('R-EXEC-8: a shell reaps only while it waits', () => {
	test("R-EXEC-8: a shell waiting for its foreground command reaps an orphan adopted as PID 1's child", () => {
		const node = run('debian', ['sh', '-c', 'sleep 1 & sleep 10'], 2000, {restartPolicy: 'Never'});
		// The background sleep exited at 1 s: the shell, waiting for `sleep 10` with waitpid(-1), reaped it.
		assert.ok(
			node.inContainer('p', 'c').every((p) => p.state !== 'Z'),
			tree(node).join(' '),
		);
		assert.ok(node.events.some((e) => e.kind === 'reap' && /\(sleep\) reaped by \d+ \(sh\)/.test(e.text)));
	});
});

describe('R-EXEC-9: exit statuses', () => {
	const exit = (image: string, script: string, shell = 'sh') => {
		const node = run(image, [shell, '-c', script], 3000, {restartPolicy: 'Never'});
		return {code: node.container('p', 'c').exitCode, logs: logs(node)};
	};
	test('R-EXEC-9: exit N, exit 300 → 44, last command status, sleep 1 && exit 1', () => {
		assert.equal(exit('busybox', 'exit 3').code, 3);
		assert.equal(exit('busybox', 'exit 300').code, 44);
		assert.equal(exit('busybox', 'false').code, 1);
		assert.equal(exit('busybox', 'sleep 1 && exit 1').code, 1);
	});
	test("R-EXEC-9: not found is 127 with each shell's message", () => {
		assert.deepEqual(exit('busybox', 'foo; true && exit $?'), {code: 0, logs: ['sh: foo: not found']});
		assert.deepEqual(exit('debian', 'foo'), {code: 127, logs: ['sh: 1: foo: not found']});
		assert.deepEqual(exit('debian', 'foo', 'bash'), {code: 127, logs: ['bash: foo: command not found']});
	});
	test('R-EXEC-9: a child killed by TERM gives $? = 143', () => {
		assert.deepEqual(exit('debian', 'sleep 5 & kill -TERM $!; wait $!; echo $?').logs, ['143']);
	});
	test('R-EXEC-9: $((…)) follows C precedence: * before +, comparisons, && and ||, parentheses, unary minus', () => {
		assert.deepEqual(
			exit(
				'busybox',
				'i=4; echo $((1+2*3)) $(((1+2)*3)) $((i%3)) $((-i+1)) $((2<3 && 0 || 5>4)) $((7/2)) $((1/0))',
			).logs,
			['7 9 1 -3 1 3 0'],
		);
	});
	test('R-EXEC-9: set -e exits on the first failing command outside tests', () => {
		assert.deepEqual(exit('busybox', 'set -e; if false; then :; fi; false || true; false; echo no'), {
			code: 1,
			logs: [],
		});
	});
});

describe('R-EXEC-16/17: idle commands and shells without a tty', () => {
	test('R-EXEC-16: sleep infinity on busybox:1.28 prints invalid number and exits 1', () => {
		const node = run('busybox:1.28', ['sleep', 'infinity'], 200, {restartPolicy: 'Never'});
		assert.deepEqual(logs(node), ["sleep: invalid number 'infinity'"]);
		assert.equal(node.container('p', 'c').exitCode, 1);
	});
	test('R-EXEC-17: busybox with no command runs sh, which reads EOF and exits 0', () => {
		const node = run('busybox', [], 200, {restartPolicy: 'Never'});
		assert.equal(node.container('p', 'c').reason, 'Completed');
	});
});

describe('shell syntax not simulated', () => {
	test('R-EXEC-10: a function definition is refused with a sentence (a note), not run as something else', () => {
		assert.deepEqual(parseShell('f() { :; }; f'), {ok: false, error: 'shell functions are not simulated'});
		const node = run('busybox', ['sh', '-c', 'f() { :; }; f'], 200);
		assert.ok(node.events.some((e) => e.kind === 'note' && /not simulated \(shell functions/.test(e.text)));
	});
});
