// Runs a case on podplay's kernel model (source/kernel). Placeholder until the model lands.
import type {Case} from './case-schema.js';
import type {RunOutcome} from './observations.js';

export async function runCaseOnModel(_kase: Case): Promise<RunOutcome> {
	return {kind: 'skipped', reason: 'the kernel model (source/kernel/index.ts) is not there yet'};
}
