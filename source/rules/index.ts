// The rule catalogue: every kernel and Kubernetes rule podplay reproduces, by family.
// A new family is one file exporting a `readonly Rule[]` and one line in `families` below.
import {execRules} from './exec.js';
import {hookRules} from './hook.js';
import {ipcRules} from './ipc.js';
import {logRules} from './log.js';
import {pidnsRules} from './pidns.js';
import {podRules} from './pod.js';
import {probeRules} from './probe.js';
import {reapRules} from './reap.js';
import {restartRules} from './restart.js';
import {schedRules} from './sched.js';
import {sigRules} from './sig.js';
import {statusRules} from './status.js';
import {supRules} from './sup.js';
import {termRules} from './term.js';
import type {Rule} from './types.js';
import {zombRules} from './zomb.js';

export type {Rule} from './types.js';

/** Families in the order the catalogue prints them: a heading and the family's rules. */
export const families: readonly {readonly name: string; readonly rules: readonly Rule[]}[] = [
	{name: 'PID namespaces', rules: pidnsRules},
	{name: 'Orphans and reparenting', rules: reapRules},
	{name: 'Zombies and reaping', rules: zombRules},
	{name: "Signals to a namespace's init", rules: sigRules},
	{name: 'System V message queues and IPC namespaces', rules: ipcRules},
	{name: 'Pod sandbox and namespaces', rules: podRules},
	{name: 'Restarts', rules: restartRules},
	{name: 'Termination', rules: termRules},
	{name: 'Status as kubectl shows it', rules: statusRules},
	{name: 'Supervisors as PID 1', rules: supRules},
	{name: 'What a container runs', rules: execRules},
	{name: 'Lifecycle hooks', rules: hookRules},
	{name: 'Probes', rules: probeRules},
	{name: 'Container logs', rules: logRules},
	{name: 'Co-scheduling on a cluster', rules: schedRules},
];

export const rules: readonly Rule[] = families.flatMap((f) => f.rules);

const byId = new Map(rules.map((rule) => [rule.id, rule]));

export function ruleById(id: string): Rule | undefined {
	return byId.get(id);
}

/** `R-POD-10` → `R-POD`: the family prefix of an id. */
export function ruleFamily(id: string): string {
	return id.replace(/-[A-Z]?\d+$/, '');
}
