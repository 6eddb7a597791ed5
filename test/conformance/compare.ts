// Compares two runs of a case (kernel vs simulation), or a kernel run against the outcomes the
// case file states (what semantics.md claims). Differences are plain data; report.ts prints them.
import {isDeepStrictEqual} from 'node:util';
import type {Case, Step} from './case-schema.js';
import {
	type Observations,
	type Outcome,
	type ProcessField,
	type ProcessView,
	processFields,
	type Snapshot,
} from './observations.js';

export type Difference = {step: number; line: number; op: string; what: string; left: string; right: string};

export function showOutcome(outcome: Outcome | undefined): string {
	if (!outcome) return '(no result)';
	const {result, ...details} = outcome;
	const rest = Object.entries(details).map(
		([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`,
	);
	return [result, ...rest].join(' ');
}

export function showView(
	view: ProcessView | undefined,
	fields: readonly ProcessField[] = processFields,
): string {
	if (!view) return '(not observed)';
	const parts: string[] = [view.state];
	for (const field of fields) {
		if (field === 'state' || view[field] === undefined) continue;
		const value = view[field];
		parts.push(`${field}=${Array.isArray(value) ? value.join(',') : value}`);
	}
	return parts.join(' ');
}

function pick(
	view: ProcessView | undefined,
	fields: readonly ProcessField[],
): Partial<ProcessView> | undefined {
	if (!view) return undefined;
	return Object.fromEntries(fields.filter((f) => view[f] !== undefined).map((f) => [f, view[f]]));
}

const stepAt = (kase: Case, index: number): Step | undefined => kase.steps[index];

function diff(kase: Case, index: number, what: string, left: string, right: string): Difference {
	const step = stepAt(kase, index);
	return {step: index, line: step?.line ?? 0, op: step?.op ?? '?', what, left, right};
}

function errorDifferences(kase: Case, left: Observations, right: Observations): Difference[] {
	if (!left.error && !right.error) return [];
	const index = Number(/step (\d+)/.exec(left.error ?? right.error ?? '')?.[1] ?? 0);
	return [diff(kase, index, 'run', left.error ?? 'ran to the end', right.error ?? 'ran to the end')];
}

function snapshotDifferences(kase: Case, left: Snapshot, right: Snapshot | undefined): Difference[] {
	const step = stepAt(kase, left.step);
	const fields = step?.op === 'observe' && step.fields ? step.fields : processFields;
	const out: Difference[] = [];
	const labels = new Set([...Object.keys(left.processes), ...Object.keys(right?.processes ?? {})]);
	for (const label of labels) {
		const l = pick(left.processes[label], fields);
		const r = pick(right?.processes[label], fields);
		if (!isDeepStrictEqual(l, r)) {
			out.push(
				diff(
					kase,
					left.step,
					label,
					showView(left.processes[label], fields),
					showView(right?.processes[label], fields),
				),
			);
		}
	}
	for (const name of new Set([...Object.keys(left.queues), ...Object.keys(right?.queues ?? {})])) {
		const l = left.queues[name];
		const r = right?.queues[name];
		if (!isDeepStrictEqual(l, r))
			out.push(diff(kase, left.step, `queues of ${name}`, showQueues(l), showQueues(r)));
	}
	for (const name of new Set([...Object.keys(left.pids), ...Object.keys(right?.pids ?? {})])) {
		if (left.pids[name] !== right?.pids[name]) {
			out.push(
				diff(kase, left.step, `pids.current of ${name}`, String(left.pids[name]), String(right?.pids[name])),
			);
		}
	}
	return out;
}

export function showQueues(queues: {key: number; messages: number; bytes: number}[] | undefined): string {
	if (!queues) return '(not observed)';
	if (queues.length === 0) return 'no queues';
	return queues.map((q) => `key 0x${q.key.toString(16)}: ${q.messages} msg ${q.bytes} B`).join('; ');
}

/** Every result and every observed field that differs between two runs. */
export function compareObservations(kase: Case, left: Observations, right: Observations): Difference[] {
	const out = errorDifferences(kase, left, right);
	const rightResults = new Map(right.results.map((r) => [r.step, r.outcome]));
	for (const {step, outcome} of left.results) {
		const other = rightResults.get(step);
		if (!isDeepStrictEqual(outcome, other))
			out.push(diff(kase, step, 'result', showOutcome(outcome), showOutcome(other)));
	}
	const rightSnaps = new Map(right.snapshots.map((s) => [s.step, s]));
	for (const snap of left.snapshots) out.push(...snapshotDifferences(kase, snap, rightSnaps.get(snap.step)));
	return out;
}

function partialMatch(
	expected: Record<string, unknown>,
	actual: Record<string, unknown> | undefined,
): boolean {
	return Object.entries(expected).every(([k, v]) => isDeepStrictEqual(v, actual?.[k]));
}

/** Checks the outcomes a case file states (left: expected, right: observed). */
export function checkExpectations(kase: Case, observed: Observations): Difference[] {
	const out: Difference[] = [];
	if (observed.error) out.push(diff(kase, 0, 'run', 'ran to the end', observed.error));
	const results = new Map(observed.results.map((r) => [r.step, r.outcome]));
	const snaps = new Map(observed.snapshots.map((s) => [s.step, s]));
	kase.steps.forEach((step, index) => {
		if (step.op === 'observe') {
			const snap = snaps.get(index);
			for (const [label, want] of Object.entries(step.expect?.processes ?? {})) {
				const got = snap?.processes[label];
				if (!partialMatch(want, got))
					out.push(diff(kase, index, label, showView(want as ProcessView), showView(got)));
			}
			for (const [name, want] of Object.entries(step.expect?.queues ?? {})) {
				const got = snap?.queues[name];
				if (!isDeepStrictEqual(want, got))
					out.push(diff(kase, index, `queues of ${name}`, showQueues(want), showQueues(got)));
			}
			for (const [name, want] of Object.entries(step.expect?.pids ?? {})) {
				const got = snap?.pids[name];
				if (want !== got) out.push(diff(kase, index, `pids.current of ${name}`, String(want), String(got)));
			}
			return;
		}
		if (!('expect' in step) || step.expect === undefined) return;
		const want: Record<string, unknown> =
			typeof step.expect === 'string' ? {result: step.expect} : step.expect;
		const got = results.get(index);
		if (!partialMatch(want, got))
			out.push(diff(kase, index, 'result', showOutcome(want as Outcome), showOutcome(got)));
	});
	return out;
}
