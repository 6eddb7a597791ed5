// What `kubectl describe pod` and `kubectl logs` would show, for the text replay.
import type {World} from '../engine/index.js';
import {streamLines} from '../kernel/index.js';
import {humanDuration, logStream} from '../runtime/index.js';
import {printable} from '../text/printable.js';

/** Per pod, its events as `kubectl describe pod` lists them (Type, Reason, Age, From, Message). */
export function podEvents(world: World): string[] {
	const lines: string[] = [];
	const now = world.kernel.now;
	for (const name of world.runtime.order) {
		const pod = world.runtime.pods[name];
		if (!pod) continue;
		lines.push(`Events of pod ${printable(name)}:`);
		const rows = pod.events.map((e) =>
			[
				e.type,
				e.reason,
				e.count > 1
					? `${humanDuration(now - (e.last ?? e.t))} (x${e.count} over ${humanDuration(now - e.t)})`
					: humanDuration(now - e.t),
				eventSource(e.reason),
				e.message,
			].map(printable),
		);
		const widths = [4, 6, 3, 4].map((w, i) => Math.max(w, ...rows.map((r) => r[i].length)));
		lines.push(
			`  ${'Type'.padEnd(widths[0])}  ${'Reason'.padEnd(widths[1])}  ${'Age'.padEnd(widths[2])}  ${'From'.padEnd(widths[3])}  Message`,
		);
		for (const r of rows)
			lines.push(
				`  ${r[0].padEnd(widths[0])}  ${r[1].padEnd(widths[1])}  ${r[2].padEnd(widths[2])}  ${r[3].padEnd(widths[3])}  ${r[4]}`,
			);
	}
	return lines;
}

/**
 * describe's From column: the component that recorded the event. The scheduler records where it
 * placed the pod (or why it could not); every other pod event here comes from the kubelet
 * (R-POD-1, R-PROBE-11, R-HOOK-4).
 */
export function eventSource(reason: string): string {
	return reason === 'Scheduled' || reason === 'FailedScheduling' || reason === 'Preempted'
		? 'default-scheduler'
		: 'kubelet';
}

/** The last lines each container printed (`kubectl logs`), and its previous run's (`--previous`). */
export function containerLogs(world: World, last = 5): string[] {
	const lines: string[] = [];
	for (const name of world.runtime.order) {
		const pod = world.runtime.pods[name];
		if (!pod) continue;
		for (const c of pod.containers) {
			for (const [label, restart] of [
				['', c.restartCount],
				[' --previous', c.restartCount - 1],
			] as const) {
				if (restart < 0) continue;
				const output = streamLines(world.kernel, logStream(name, c.name, restart));
				if (output.length === 0) continue;
				lines.push(
					`kubectl logs ${printable(name)} -c ${printable(c.name)}${label}${output.length > last ? ` (last ${last} of ${output.length})` : ''}`,
				);
				for (const line of output.slice(-last)) lines.push(`  ${printable(line)}`);
			}
		}
	}
	return lines;
}
