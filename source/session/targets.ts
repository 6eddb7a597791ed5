// Targets as scenarios write them (`pid:N`, `pod/container`, `pod/container#N`, `comm:NAME`), plus
// what the playground's keys and users type: a bare host PID, `pod/container:N`, and `pod/POD` for
// the sandbox's pause process.
import type {World} from '../engine/index.js';
import {getProcess, type Process, processInNs} from '../kernel/index.js';
import {didYouMean} from '../scenario/did-you-mean.js';
import {resolveTarget} from '../scenario/resolve.js';
import {parseTarget, type Target} from '../scenario/target.js';

export type Found = {ok: true; process: Process} | {ok: false; message: string};

const SANDBOX = 'POD';

export function parseUserTarget(text: string): {ok: true; target: Target} | {ok: false; message: string} {
	if (/^\d+$/.test(text)) return parseTarget(`pid:${text}`);
	const colon = /^([^/#\s]+)\/([^/#\s:]+):(\d+)$/.exec(text);
	if (colon) return parseTarget(`${colon[1]}/${colon[2]}#${colon[3]}`);
	return parseTarget(text);
}

export function findTarget(world: World, text: string): Found {
	const parsed = parseUserTarget(text);
	if (!parsed.ok) return parsed;
	const {target} = parsed;
	if (target.kind === 'container' || target.kind === 'ns-pid') {
		const problem = containerProblem(world, target.pod, target.container);
		if (problem) return {ok: false, message: problem};
	}
	const p =
		target.kind !== 'host-pid' && target.kind !== 'comm' && target.container === SANDBOX
			? sandboxTarget(world, target)
			: resolveTarget(world.kernel, world.runtime, target);
	return p ? {ok: true, process: p} : {ok: false, message: `no process matches ${text} at this moment`};
}

function containerProblem(world: World, podName: string, container: string): string | undefined {
	const pod = world.runtime.pods[podName];
	if (!pod) return `no pod "${podName}"${didYouMean(podName, world.runtime.order)}`;
	const names = [SANDBOX, ...pod.containers.map((c) => c.name)];
	if (names.includes(container)) return undefined;
	return `pod ${podName} has no container "${container}"${didYouMean(container, names)}`;
}

function sandboxTarget(world: World, target: Extract<Target, {pod: string}>): Process | undefined {
	const pauseId = world.runtime.pods[target.pod]?.sandbox?.pause;
	const pause = pauseId === undefined ? undefined : getProcess(world.kernel, pauseId);
	if (!pause || target.kind === 'container') return pause;
	return target.kind === 'ns-pid' ? processInNs(world.kernel, pause.ns.pid, target.pid) : undefined;
}
