// One shell case with one shell: the real shell against the rule's claim, then podplay against the
// real shell. The verdict is what both `npm run conformance` and the test print.
import {isDeepStrictEqual} from 'node:util';
import type {Claim, Flavour, ShellCase} from './cases.js';
import {runInModel} from './model-shell.js';
import {type ShellOutcome, type ShellRun, showTree} from './observe.js';
import {runOnMachine, shellCommand} from './real-shell.js';

/** Real timings drift with the machine's load; a difference under this is the same moment. */
const toleranceMs = 600;

export type ShellVerdict =
	| {status: 'pass'; notes: string[]}
	| {status: 'skip'; reason: string}
	| {status: 'fail'; report: string};

/** What a claim says about a run, as lines "what: expected | got" for each field that differs. */
export function claimDifferences(claim: Claim, run: ShellRun): string[] {
	const out: string[] = [];
	const pid1 = run.tree.find((p) => p.pid === 1);
	if (claim.pid1) {
		const got = pid1 === undefined ? 'gone' : pid1.args.startsWith('sh ') ? 'stays' : 'exec';
		if (got !== claim.pid1) out.push(`PID 1: ${claim.pid1} | ${got} (${showTree(run.tree)})`);
	}
	if (claim.zombies !== undefined) {
		const got = run.tree.filter((p) => p.zombie).length;
		if (got !== claim.zombies) out.push(`zombies: ${claim.zombies} | ${got} (${showTree(run.tree)})`);
	}
	if (claim.code !== undefined && claim.code !== run.code) out.push(`exit code: ${claim.code} | ${run.code}`);
	if (claim.output && !isDeepStrictEqual(claim.output, run.output))
		out.push(`output: ${JSON.stringify(claim.output)} | ${JSON.stringify(run.output)}`);
	if (claim.endsAt !== undefined && !near(claim.endsAt, run.endedAt))
		out.push(`ends at: ${claim.endsAt} ms | ${show(run.endedAt)}`);
	return out;
}

/** Every observed field where two runs differ (tree, output, exit code, end time within tolerance). */
export function runDifferences(real: ShellRun, model: ShellRun): string[] {
	const out: string[] = [];
	if (!isDeepStrictEqual(real.tree, model.tree))
		out.push(`tree: ${showTree(real.tree)} | ${showTree(model.tree)}`);
	if (!isDeepStrictEqual(real.output, model.output))
		out.push(`output: ${JSON.stringify(real.output)} | ${JSON.stringify(model.output)}`);
	if (real.code !== model.code) out.push(`exit code: ${real.code} | ${model.code}`);
	if (real.endedAt === undefined ? model.endedAt !== undefined : !near(real.endedAt, model.endedAt))
		out.push(`ends at: ${show(real.endedAt)} | ${show(model.endedAt)}`);
	return out;
}

function near(a: number, b: number | undefined): boolean {
	return b !== undefined && Math.abs(a - b) <= toleranceMs;
}

function show(ms: number | undefined): string {
	return ms === undefined ? 'still running' : `${Math.round(ms)} ms`;
}

export function shellHeading(kase: ShellCase, flavour: Flavour): string {
	return `${kase.id} ${shellCommand[flavour].join(' ')} -c ${JSON.stringify(kase.script)}: ${kase.title} (${kase.rules.join(', ')})`;
}

/** Runs every (case, shell) pair on the machine, several at once (they mostly sleep), before any model run. */
export async function runAllOnMachine(
	pairs: readonly (readonly [ShellCase, Flavour])[],
	concurrency = 16,
): Promise<Map<string, ShellOutcome>> {
	const results = new Map<string, ShellOutcome>();
	let next = 0;
	const worker = async () => {
		while (next < pairs.length) {
			const [kase, flavour] = pairs[next++]!;
			results.set(pairKey(kase, flavour), await runOnMachine(kase, flavour));
		}
	};
	await Promise.all(Array.from({length: concurrency}, worker));
	return results;
}

export const pairKey = (kase: ShellCase, flavour: Flavour) => `${kase.id}/${flavour}`;

/** The real shell against the rule's claim, then podplay (run now, synchronously) against the real shell. */
export function judge(kase: ShellCase, flavour: Flavour, real: ShellOutcome): ShellVerdict {
	if (real.kind === 'skipped') return {status: 'skip', reason: real.reason};
	const reports: string[] = [];
	const claim = kase.says[flavour];
	const claimed = claim ? claimDifferences(claim, real.run) : [];
	if (claimed.length > 0) reports.push(`  the rule says | the real shell:\n${indent(claimed)}`);
	const model = runInModel(kase, flavour);
	const notes: string[] = [];
	let modelled = runDifferences(real.run, model);
	if (kase.modelGap) {
		notes.push(
			...modelled.filter((d) => d.startsWith('tree:')).map((d) => `not modelled (${kase.modelGap}): ${d}`),
		);
		modelled = modelled.filter((d) => !d.startsWith('tree:'));
	}
	if (modelled.length > 0) reports.push(`  the real shell | podplay:\n${indent(modelled)}`);
	if (reports.length === 0) return {status: 'pass', notes};
	return {status: 'fail', report: [shellHeading(kase, flavour), ...reports].join('\n')};
}

function indent(lines: string[]): string {
	return lines.map((line) => `    ${line}`).join('\n');
}
