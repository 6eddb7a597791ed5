// Checking `expect:` assertions against the world at their moment.
import {allProcesses, type IpcNamespace, type Kernel, streamLines} from '../kernel/index.js';
import {logStream, podPhase, type RuntimeState, readyColumn, statusColumn} from '../runtime/index.js';
import {resolveTarget} from './resolve.js';
import {formatTarget} from './target.js';
import type {Expectation} from './types.js';

export type Failure = {expectation: Expectation; field: string; expected: unknown; actual: unknown};

/** Every field of the assertion that does not hold, as expected/actual pairs. */
export function checkExpectation(kernel: Kernel, runtime: RuntimeState, e: Expectation): Failure[] {
	const failures: Failure[] = [];
	const check = (field: string, expected: unknown, actual: unknown) => {
		if (expected !== undefined && expected !== actual)
			failures.push({expectation: e, field, expected, actual});
	};
	switch (e.subject) {
		case 'process': {
			const p = resolveTarget(kernel, runtime, e.target);
			check('exists', e.exists, p !== undefined);
			if (!p && e.exists !== false && (e.state || e.parent || e.comm))
				failures.push({expectation: e, field: 'exists', expected: true, actual: false});
			if (!p) break;
			check('state', e.state, p.state);
			check('comm', e.comm, p.comm);
			if (e.parent) {
				const parent = resolveTarget(kernel, runtime, e.parent);
				check(
					'parent',
					formatTarget(e.parent),
					parent && parent.hostPid === p.parent ? formatTarget(e.parent) : `pid:${p.parent}`,
				);
			}
			break;
		}
		case 'pod': {
			const pod = runtime.pods[e.pod];
			if (!pod) {
				failures.push({expectation: e, field: 'exists', expected: true, actual: false});
				break;
			}
			check('phase', e.phase, podPhase(pod));
			check('status', e.status, statusColumn(pod));
			check('ready', e.ready, readyColumn(pod));
			if (e.zombies !== undefined) {
				const names = new Set(pod.containers.map((c) => c.name));
				const zombies = allProcesses(kernel).filter(
					(p) => p.state === 'Z' && p.labels.pod === pod.name && names.has(p.labels.container ?? ''),
				).length;
				check('zombies', e.zombies, zombies);
			}
			break;
		}
		case 'container': {
			const c = runtime.pods[e.pod]?.containers.find((x) => x.name === e.container);
			if (!c) {
				failures.push({expectation: e, field: 'exists', expected: true, actual: false});
				break;
			}
			check('state', e.state, c.state);
			check('reason', e.reason, c.reason ?? '');
			check('exitCode', e.exitCode, c.exitCode);
			check('restartCount', e.restartCount, c.restartCount);
			check('ready', e.ready, c.ready);
			break;
		}
		case 'queue': {
			const nsId = e.ipc.kind === 'host' ? kernel.root.ipc : runtime.pods[e.ipc.pod]?.sandbox?.ipcNs;
			const ns = nsId === undefined ? undefined : (kernel.namespaces[nsId] as IpcNamespace | undefined);
			const queue = ns ? Object.values(ns.queues).find((q) => q.key === e.key) : undefined;
			check('exists', e.exists, queue !== undefined);
			if (!queue) {
				// A missing queue fails `messages` or `bytes` once, as `exists`, unless `exists` already said so.
				if (e.exists === undefined && (e.messages !== undefined || e.bytes !== undefined))
					failures.push({expectation: e, field: 'exists', expected: true, actual: false});
				break;
			}
			check('messages', e.messages, queue.messages.length);
			check('bytes', e.bytes, queue.bytes);
			break;
		}
		case 'logs': {
			const c = runtime.pods[e.pod]?.containers.find((x) => x.name === e.container);
			const restart = (c?.restartCount ?? 0) - (e.previous ? 1 : 0);
			const lines = streamLines(kernel, logStream(e.pod, e.container, restart));
			if (e.contains !== undefined && !lines.some((line) => line.includes(e.contains!))) {
				failures.push({
					expectation: e,
					field: 'contains',
					expected: e.contains,
					actual: lines.at(-1) ?? '(no output)',
				});
			}
			check('lines', e.lines, lines.length);
			break;
		}
	}
	return failures;
}
