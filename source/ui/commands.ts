// The command text each key builds. Keys and the `:` line share one path: the session's `run`.
import type {PodRow, ProcessRow} from './session.js';

export const signalNames = ['TERM', 'INT', 'HUP', 'KILL', 'STOP', 'CONT'] as const;
export type SignalName = (typeof signalNames)[number];

export const signalCommand = (row: ProcessRow, signal: SignalName): string =>
	`kill pid:${row.hostPid} ${signal}`;

export const killPid1Command = (row: ProcessRow, signal: SignalName = 'KILL'): string =>
	`kill ${row.pod}/${row.container}:1 ${signal}`;

export const shareCommand = (pod: PodRow): string =>
	`share ${pod.name} ${pod.shareProcessNamespace ? 'off' : 'on'}`;

export const hostIpcCommand = (pod: PodRow): string => `hostipc ${pod.name} ${pod.hostIPC ? 'off' : 'on'}`;

export const superviseCommand = (
	row: ProcessRow,
	supervisor: 'systemd' | 'tini' | 'dumb-init' | 'none',
): string => `supervise ${row.pod}/${row.container} ${supervisor}`;

export const spawnCommand = (row: ProcessRow): string => `spawn pid:${row.hostPid}`;

export const orphanCommand = (row: ProcessRow): string => `orphan pid:${row.hostPid}`;

export const deleteCommand = (pod: PodRow): string => `delete ${pod.name}`;
