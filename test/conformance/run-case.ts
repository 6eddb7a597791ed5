// Runs one case on both sides and says what differs: the verdict both the CLI and the test use.
import type {Case} from './case-schema.js';
import {checkExpectations, compareObservations} from './compare.js';
import {runCaseOnModel} from './model-runner.js';
import type {RunOutcome} from './observations.js';
import {runCaseOnKernel} from './real/real-runner.js';
import {caseHeading, formatDifferences} from './report.js';

export type Verdict =
	| {status: 'pass'; kase: Case; notes: string[]}
	| {status: 'skip'; kase: Case; reason: string}
	| {status: 'fail'; kase: Case; report: string};

export async function runCase(kase: Case): Promise<Verdict> {
	const kernel = await runCaseOnKernel(kase);
	if (kernel.kind === 'skipped') return {status: 'skip', kase, reason: kernel.reason};
	if (kernel.kind === 'failed')
		return {status: 'fail', kase, report: `${caseHeading(kase)}\n  kernel: ${kernel.reason}`};
	const reports: string[] = [];
	const notes: string[] = [];
	const claimed = checkExpectations(kase, kernel.observations);
	if (claimed.length > 0) {
		reports.push(`${formatDifferences(kase, claimed, ['case file says', 'kernel'])}`);
	}
	const model: RunOutcome = await runCaseOnModel(kase);
	if (model.kind === 'ran') {
		const differences = compareObservations(kase, kernel.observations, model.observations);
		if (differences.length > 0) reports.push(formatDifferences(kase, differences, ['kernel', 'simulation']));
	} else {
		notes.push(`simulation not compared: ${model.reason}`);
	}
	if (reports.length > 0) return {status: 'fail', kase, report: reports.join('\n')};
	return {status: 'pass', kase, notes};
}
