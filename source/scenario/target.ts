/**
 * Who a timeline step acts on: `pod/container` (its main process), `pod/container#N` (PID N in that
 * container's PID namespace), `pid:N` (host PID), `comm:NAME` (lowest host PID with that name).
 */
export type Target =
	| {kind: 'container'; pod: string; container: string}
	| {kind: 'ns-pid'; pod: string; container: string; pid: number}
	| {kind: 'host-pid'; pid: number}
	| {kind: 'comm'; comm: string};

export type TargetResult = {ok: true; target: Target} | {ok: false; message: string};

const HINT = 'write pod/container, pod/container#N, pid:N or comm:NAME';

export function parseTarget(text: string): TargetResult {
	const value = text.trim();
	if (value.startsWith('pid:')) {
		const pid = positiveInteger(value.slice(4));
		return pid ? {ok: true, target: {kind: 'host-pid', pid}} : bad(text);
	}
	if (value.startsWith('comm:')) {
		const comm = value.slice(5);
		return comm ? {ok: true, target: {kind: 'comm', comm}} : bad(text);
	}
	const match = /^([^/#\s]+)\/([^/#\s]+)(?:#(.*))?$/.exec(value);
	if (!match) return bad(text);
	const [, pod, container, pidText] = match;
	if (pidText === undefined) return {ok: true, target: {kind: 'container', pod: pod!, container: container!}};
	const pid = positiveInteger(pidText);
	return pid ? {ok: true, target: {kind: 'ns-pid', pod: pod!, container: container!, pid}} : bad(text);
}

/** The text form parseTarget reads. */
export function formatTarget(target: Target): string {
	switch (target.kind) {
		case 'container':
			return `${target.pod}/${target.container}`;
		case 'ns-pid':
			return `${target.pod}/${target.container}#${target.pid}`;
		case 'host-pid':
			return `pid:${target.pid}`;
		case 'comm':
			return `comm:${target.comm}`;
	}
}

/** `pod/container` as used by `programs:` keys and container expectations. */
export function parseContainerRef(text: string): {pod: string; container: string} | undefined {
	const match = /^([^/#\s]+)\/([^/#\s]+)$/.exec(text.trim());
	return match ? {pod: match[1]!, container: match[2]!} : undefined;
}

function positiveInteger(text: string): number | undefined {
	return /^[1-9]\d*$/.test(text) ? Number(text) : undefined;
}

function bad(text: string): TargetResult {
	return {ok: false, message: `invalid target "${text}"; ${HINT}`};
}
