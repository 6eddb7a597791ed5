// Checking `expect:` assertions against the world at their moment.
import {
	allProcesses,
	type ExitStatus,
	type IpcNamespace,
	type Kernel,
	type KernelEvent,
	signalNumbers,
	streamLines,
} from '../kernel/index.js';
import {logStream, podPhase, type RuntimeState, readyColumn, statusColumn} from '../runtime/index.js';
import {resolveTarget} from './resolve.js';
import {formatTarget} from './target.js';
import type {Count, EventMatch, Expectation} from './types.js';

export type Failure = {
	expectation: Expectation;
	field: string;
	expected: unknown;
	actual: unknown;
	/** What the failure means when it is not the assertion's own (an `ask:` answer key). */
	message?: string;
};

/** A count holds as a number (equal) or as bounds (`{gte}`, `{lte}`). */
function holds(expected: Count, actual: number): boolean {
	if (typeof expected === 'number') return actual === expected;
	return (
		(expected.gte === undefined || actual >= expected.gte) &&
		(expected.lte === undefined || actual <= expected.lte)
	);
}

/** How a count reads in a failure line. */
function countText(expected: Count): number | string {
	if (typeof expected === 'number') return expected;
	if (expected.gte !== undefined && expected.lte !== undefined)
		return `between ${expected.gte} and ${expected.lte}`;
	return expected.gte !== undefined ? `at least ${expected.gte}` : `at most ${expected.lte}`;
}

/** The failures of expectation `e`, and `check`, which adds one when an expected field differs. */
export function failureList(e: Expectation): {
	failures: Failure[];
	check: (field: string, expected: unknown, actual: unknown) => void;
} {
	const failures: Failure[] = [];
	const check = (field: string, expected: unknown, actual: unknown) => {
		if (expected !== undefined && expected !== actual)
			failures.push({expectation: e, field, expected, actual});
	};
	return {failures, check};
}

/**
 * Every field of the assertion that does not hold, as expected/actual pairs. `events` are the
 * events so far, for `{event: …}` assertions.
 */
export function checkExpectation(
	kernel: Kernel,
	runtime: RuntimeState,
	e: Expectation,
	events: readonly KernelEvent[] = [],
): Failure[] {
	const {failures, check} = failureList(e);
	const checkCount = (field: string, expected: Count | undefined, actual: number) => {
		if (expected !== undefined && !holds(expected, actual))
			failures.push({expectation: e, field, expected: countText(expected), actual});
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
				checkCount('zombies', e.zombies, zombies);
			}
			if (e.processes !== undefined)
				checkCount(
					'processes',
					e.processes,
					allProcesses(kernel).filter((p) => p.labels.pod === pod.name).length,
				);
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
			checkCount('restartCount', e.restartCount, c.restartCount);
			check('ready', e.ready, c.ready);
			break;
		}
		case 'queue': {
			const nsId = e.ipc.kind === 'host' ? kernel.root.ipc : podIpcNs(runtime, e.ipc.pod, e.ipc.sandbox);
			const ns = nsId === undefined ? undefined : (kernel.namespaces[nsId] as IpcNamespace | undefined);
			const queue = ns ? Object.values(ns.queues).find((q) => q.key === e.key) : undefined;
			check('exists', e.exists, queue !== undefined);
			if (!queue) {
				// A missing queue fails `messages` or `bytes` once, as `exists`, unless `exists` already said so.
				if (e.exists === undefined && (e.messages !== undefined || e.bytes !== undefined))
					failures.push({expectation: e, field: 'exists', expected: true, actual: false});
				break;
			}
			checkCount('messages', e.messages, queue.messages.length);
			checkCount('bytes', e.bytes, queue.bytes);
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
			checkCount('lines', e.lines, lines.length);
			break;
		}
		case 'event':
			checkCount('count', e.count ?? {gte: 1}, events.filter((event) => matches(event, e.match)).length);
			break;
	}
	return failures;
}

/** The IPC namespace of a pod's current sandbox, or of its Nth sandbox (R-POD-8: each has its own). */
function podIpcNs(runtime: RuntimeState, pod: string, sandbox?: number): number | undefined {
	const state = runtime.pods[pod];
	if (!state) return undefined;
	return sandbox === undefined ? state.sandbox?.ipcNs : state.ipcNamespaces?.[sandbox - 1];
}

function exitCodeOf(status: ExitStatus): number {
	return 'code' in status ? status.code : 128 + signalNumbers[status.signal];
}

function matches(event: KernelEvent, m: EventMatch): boolean {
	const data = event.data ?? {};
	if (m.rule !== undefined && event.rule !== m.rule) return false;
	if (m.kind !== undefined && event.kind !== m.kind) return false;
	if (m.reason !== undefined && data.reason !== m.reason) return false;
	if (m.pod !== undefined && data.pod !== m.pod) return false;
	if (m.comm !== undefined && data.comm !== m.comm) return false;
	if (m.contains !== undefined && !event.text.includes(m.contains)) return false;
	if (m.exitCode !== undefined) {
		const status = data.status as ExitStatus | undefined;
		if (event.kind !== 'exit' || !status || exitCodeOf(status) !== m.exitCode) return false;
	}
	return true;
}
