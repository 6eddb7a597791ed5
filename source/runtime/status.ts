// Pod phase and the columns of `kubectl get pods`, derived from container states (R-STATUS-1, R-STATUS-3).
import type {ContainerStatus, PodState} from './types.js';

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

export function regular(pod: PodState): ContainerStatus[] {
	return pod.containers.filter((c) => c.kind === 'app');
}

export function inits(pod: PodState): ContainerStatus[] {
	return pod.containers.filter((c) => c.kind !== 'app');
}

/** R-STATUS-1: Pending, Running, Succeeded, Failed. */
export function podPhase(pod: PodState): PodPhase {
	const apps = regular(pod);
	// R-POD-8: no new sandbox under Never (or OnFailure with all succeeded): the pod stays terminal.
	if (!pod.sandbox && !pod.ending && pod.sandboxes > 0 && pod.spec.restartPolicy !== 'Always') {
		if (apps.every((c) => c.state === 'terminated' && c.exitCode === 0)) return 'Succeeded';
		const failed = pod.containers.some(
			(c) => c.kind !== 'sidecar' && c.state === 'terminated' && c.exitCode !== 0,
		);
		if (failed) return 'Failed';
	}
	const initFailed = inits(pod).some(
		(c) => c.kind === 'init' && c.state === 'terminated' && c.exitCode !== 0,
	);
	if (initFailed && pod.spec.restartPolicy === 'Never') return 'Failed';
	const allTerminated = apps.every((c) => c.state === 'terminated');
	if (allTerminated && apps.some((c) => c.finishedAt !== undefined)) {
		const failed = apps.some((c) => c.exitCode !== 0);
		if (pod.spec.restartPolicy === 'Never') return failed ? 'Failed' : 'Succeeded';
		if (pod.spec.restartPolicy === 'OnFailure' && !failed) return 'Succeeded';
	}
	if (pod.initIndex < pod.spec.initContainers.length) return 'Pending';
	// R-HOOK-1: a first start whose postStart has not returned still shows Pending.
	const started = apps.some(
		(c) =>
			(c.state !== 'waiting' && !(c.postStartPending && c.restartCount === 0)) ||
			c.restartCount > 0 ||
			c.reason === 'CrashLoopBackOff',
	);
	return started ? 'Running' : 'Pending';
}

/** Ready: every regular container and sidecar ready. */
export function podReady(pod: PodState): boolean {
	return counted(pod).every((c) => c.ready);
}

function counted(pod: PodState): ContainerStatus[] {
	return pod.containers.filter((c) => c.kind !== 'init');
}

export function readyColumn(pod: PodState): string {
	const list = counted(pod);
	return `${list.filter((c) => c.ready).length}/${list.length}`;
}

/** R-STATUS-3: printPod's STATUS column. */
export function statusColumn(pod: PodState, phase: PodPhase = podPhase(pod)): string {
	let reason: string = phase;
	let initializing = false;
	const initList = inits(pod);
	for (const [i, c] of initList.entries()) {
		if (c.state === 'terminated' && c.exitCode === 0) continue;
		if (c.kind === 'sidecar' && c.started) continue;
		if (c.state === 'terminated') {
			if (c.reason) reason = `Init:${c.reason}`;
			else reason = c.signal ? `Init:Signal:${signalNumberOf(c)}` : `Init:ExitCode:${c.exitCode}`;
		} else if (c.state === 'waiting' && c.reason && c.reason !== 'PodInitializing')
			reason = `Init:${c.reason}`;
		else reason = `Init:${i}/${initList.length}`;
		initializing = true;
		break;
	}
	if (!initializing) {
		let hasRunning = false;
		for (const c of [...regular(pod)].reverse()) {
			if (c.state === 'waiting' && c.reason) reason = c.reason;
			else if (c.state === 'terminated' && c.reason) reason = c.reason;
			else if (c.state === 'terminated')
				reason = c.signal ? `Signal:${signalNumberOf(c)}` : `ExitCode:${c.exitCode}`;
			else if (c.state === 'running' && c.postStartPending) reason = 'ContainerCreating';
			else if (c.state === 'running' && c.ready) hasRunning = true;
		}
		if (reason === 'Completed' && hasRunning) reason = podReady(pod) ? 'Running' : 'NotReady';
	}
	if (pod.deletionTimestamp !== undefined && phase !== 'Succeeded' && phase !== 'Failed')
		reason = 'Terminating';
	return reason;
}

function signalNumberOf(c: ContainerStatus): number {
	return (c.exitCode ?? 128) - 128;
}

/** RESTARTS: the sum, with "(Xs ago)" after the latest restart. */
export function restartsColumn(pod: PodState, now: number): string {
	const total = pod.containers.reduce((sum, c) => sum + c.restartCount, 0);
	const last = Math.max(...pod.containers.map((c) => c.lastState?.finishedAt ?? -1));
	return total > 0 && last >= 0 ? `${total} (${humanDuration(now - last)} ago)` : String(total);
}

export function ageColumn(pod: PodState, now: number): string {
	return humanDuration(now - pod.createdAt);
}

/** kubectl's duration.HumanDuration. */
export function humanDuration(ms: number): string {
	const seconds = Math.max(0, Math.floor(ms / 1000));
	if (seconds < 120) return `${seconds}s`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
	if (minutes < 180) return `${minutes}m`;
	const hours = Math.floor(minutes / 60);
	if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
	if (hours < 48) return `${hours}h`;
	return `${Math.floor(hours / 24)}d`;
}

/** Every STATUS string printPod can produce for the states podplay simulates. */
export function isKubectlStatus(text: string): boolean {
	return /^(Pending|Running|Succeeded|Failed|Unknown|Terminating|NotReady|Completed|Error|OOMKilled|CrashLoopBackOff|ContainerCreating|PodInitializing|StartError|Signal:\d+|ExitCode:\d+|Init:(\d+\/\d+|Signal:\d+|ExitCode:\d+|Error|OOMKilled|CrashLoopBackOff|StartError|ContainerCreating))$/.test(
		text,
	);
}
