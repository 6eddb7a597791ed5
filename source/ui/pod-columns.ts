// Column widths of the pods pane. Pure, so every width can be tested without rendering. The pane is
// narrow beside the why pane: AGE goes first, then the "(5s ago)" of RESTARTS, then names shrink,
// so NAME, READY and STATUS stay readable (R-STATUS-3 is what kubectl prints).
import type {PodRow} from './session.js';

export type PodColumns = {
	name: number;
	status: number;
	restarts: number;
	/** 0: no AGE column. */
	age: number;
	/** RESTARTS shows the count only, without "(5s ago)". */
	shortRestarts: boolean;
	/** 0: no PIDS column (pids.current/pids.max, shown when a pod's cgroup has a limit). */
	pids: number;
};

export const READY_WIDTH = 5;
const MIN_NAME = 6;

const widest = (values: string[], header: string, max: number) =>
	Math.min(max, Math.max(header.length, ...values.map((v) => v.length)));

export const shortRestarts = (restarts: string) => restarts.replace(/\s*\(.*\)$/, '');

/** Cells a pod line takes with these columns. */
export function lineWidth(c: PodColumns): number {
	return (
		c.name +
		1 +
		READY_WIDTH +
		1 +
		c.status +
		1 +
		c.restarts +
		(c.pids > 0 ? 1 + c.pids : 0) +
		(c.age > 0 ? 1 + c.age : 0)
	);
}

export function podColumns(pods: PodRow[], width: number): PodColumns {
	const name = widest(
		pods.map((p) => p.name),
		'NAME',
		24,
	);
	const status = widest(
		pods.map((p) => p.status),
		'STATUS',
		16,
	);
	const restarts = widest(
		pods.map((p) => p.restarts),
		'RESTARTS',
		14,
	);
	const short = widest(
		pods.map((p) => shortRestarts(p.restarts)),
		'RESTARTS',
		14,
	);
	const age = widest(
		pods.map((p) => p.age),
		'AGE',
		8,
	);
	// The PIDS column shows only where a limit is set (fork-bomb: the point of the scenario).
	const limited = pods.filter((p) => p.pids !== undefined && !p.pids.endsWith('/max'));
	const pids =
		limited.length > 0
			? widest(
					limited.map((p) => p.pids!),
					'PIDS',
					11,
				)
			: 0;
	const tries: PodColumns[] = [
		{name, status, restarts, age, shortRestarts: false, pids},
		{name, status, restarts, age: 0, shortRestarts: false, pids},
		{name, status, restarts: short, age: 0, shortRestarts: true, pids},
	];
	const fitting = tries.find((c) => lineWidth(c) <= width);
	if (fitting) return fitting;
	const last = tries[2]!;
	// Still too wide: long names give way first, then STATUS (it is cut with an ellipsis).
	const over = lineWidth(last) - width;
	const newName = Math.max(Math.min(name, MIN_NAME), name - over);
	const newStatus = Math.max(6, status - (over - (name - newName)));
	return {...last, name: newName, status: newStatus};
}
