// Runs a shell case in podplay: one container whose image's shell runs the script as PID 1 of the
// container's PID namespace (the model's counterpart of `unshare --pid --fork SHELL -c SCRIPT`).
import {container, Node, podSpec} from '../../helpers/world.js';
import type {Flavour, ShellCase} from './cases.js';
import {normaliseArgs, normaliseOutput, type ProcRow, type ShellRun} from './observe.js';

/** An image whose shell is the flavour the machine's shell is (R-EXEC-4), and the argv that runs it. */
const images: Record<Flavour, {image: string; shell: string}> = {
	dash: {image: 'debian:bookworm', shell: 'sh'},
	ash: {image: 'busybox:1.35', shell: 'sh'},
	bash: {image: 'debian:bookworm', shell: 'bash'},
};

const limitMs = 8000;

function tree(node: Node): ProcRow[] {
	const procs = node.inContainer('p', 'c');
	const byHost = new Map(procs.map((p) => [p.hostPid, p]));
	return procs
		.map((p) => {
			const zombie = p.state === 'Z';
			const parent = byHost.get(p.parent);
			return {
				pid: p.pids.at(-1)!,
				ppid: parent ? parent.pids.at(-1)! : 0,
				zombie,
				args: normaliseArgs(zombie ? `[${p.comm}]` : p.argv.join(' ')),
			};
		})
		.sort((a, b) => a.pid - b.pid);
}

export function runInModel(kase: ShellCase, flavour: Flavour): ShellRun {
	const {image, shell} = images[flavour];
	const node = new Node({}, {freeze: false});
	node.create(
		podSpec('p', {
			containers: [container('c', {image, command: [shell, '-c', kase.script]})],
			restartPolicy: 'Never',
		}),
	);
	node.until(() => node.container('p', 'c').startedAt !== undefined, 60_000, 10);
	const started = node.container('p', 'c').startedAt!;
	const events = [
		{at: kase.observeAt, kind: 'observe' as const},
		...(kase.signal ? [{at: kase.signal.at, kind: 'signal' as const}] : []),
	].sort((a, b) => a.at - b.at);
	let observed: ProcRow[] = [];
	const running = () => node.container('p', 'c').finishedAt === undefined;
	for (const event of events) {
		if (started + event.at > node.now) node.advance(started + event.at - node.now);
		if (!running()) break;
		if (event.kind === 'observe') observed = tree(node);
		else {
			const main = node.main('p', 'c');
			if (main) node.do({type: 'signal', pid: main.hostPid, signal: kase.signal!.name});
		}
	}
	node.until(() => !running() || node.now - started >= limitMs, limitMs, 10);
	const status = node.container('p', 'c');
	return {
		tree: observed,
		...(status.finishedAt !== undefined ? {endedAt: status.finishedAt - started} : {}),
		...(status.exitCode !== undefined ? {code: status.exitCode} : {}),
		output: (node.world.kernel.streams['log:p/c/0'] ?? []).map(normaliseOutput),
	};
}
