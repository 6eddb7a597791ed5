// `npm run conformance [-- k05 k19]`: runs the cases (all, or those whose file name contains an
// argument) on the real kernel and in the simulation, and prints what differs.
import {CaseFileError, loadAllCases} from './load-case.js';
import {runCase} from './run-case.js';
import {flavours, shellCases} from './shell/cases.js';
import {judge, pairKey, runAllOnMachine, shellHeading} from './shell/verdict.js';

async function main(filters: string[]): Promise<number> {
	const cases = loadAllCases().filter((k) => filters.length === 0 || filters.some((f) => k.file.includes(f)));
	let failed = 0;
	for (const kase of cases) {
		const verdict = await runCase(kase);
		if (verdict.status === 'pass') {
			const note = verdict.notes.length > 0 ? ` (${verdict.notes.join('; ')})` : '';
			console.log(`pass ${kase.id} ${kase.title}${note}`);
		} else if (verdict.status === 'skip') {
			console.log(`skip ${kase.id} ${kase.title}: ${verdict.reason}`);
		} else {
			failed++;
			console.log(`FAIL ${verdict.report}`);
		}
	}
	// The shell cases: an argument selects them by id (S01) or all of them by `shell`.
	const shells = shellCases.filter(
		(k) =>
			filters.length === 0 || filters.some((f) => f === 'shell' || k.id.toLowerCase() === f.toLowerCase()),
	);
	const pairs = shells.flatMap((kase) => flavours.map((flavour) => [kase, flavour] as const));
	const real = await runAllOnMachine(pairs);
	for (const [kase, flavour] of pairs) {
		const verdict = judge(kase, flavour, real.get(pairKey(kase, flavour))!);
		const heading = shellHeading(kase, flavour);
		if (verdict.status === 'pass') {
			const note = verdict.notes.length > 0 ? ` (${verdict.notes.join('; ')})` : '';
			console.log(`pass ${heading}${note}`);
		} else if (verdict.status === 'skip') console.log(`skip ${heading}: ${verdict.reason}`);
		else {
			failed++;
			console.log(`FAIL ${verdict.report}`);
		}
	}
	console.log(`${cases.length} kernel cases, ${pairs.length} shell runs, ${failed} failed`);
	return failed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		console.error(error instanceof CaseFileError ? error.message : `conformance: ${String(error)}`);
		process.exitCode = 2;
	},
);
