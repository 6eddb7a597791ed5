// `npm run bench [-- GROUP|FIGURE …]`: prints the figures issues 2, 3, 5 and 13 name, as medians of
// several runs with ratios taken within one run (the bench machine has two noisy cores).
// A benchmark, not a test: nothing here asserts; a figure that misses its target is marked ✗.
import './production.js';
import {benchCluster} from './cluster.js';
import {benchExec} from './exec.js';
import {benchForkBomb} from './fork-bomb.js';
import {benchHistoryHeap} from './history-heap.js';
import {benchKernelSteps} from './kernel-steps.js';
import {benchPods} from './pods.js';
import {benchReap} from './reap.js';
import {benchRecord} from './record.js';
import {printHeader} from './report.js';
import {benchJumps, benchPlay} from './time.js';
import {benchUi} from './ui.js';

type Bench = {name: string; group: string; run: () => void | Promise<void>};

const benches: Bench[] = [
	{name: 'steps', group: 'kernel', run: benchKernelSteps},
	{name: 'heap', group: 'kernel', run: benchHistoryHeap},
	{name: 'fork-bomb', group: 'kernel', run: benchForkBomb},
	{name: 'reap', group: 'kernel', run: benchReap},
	{name: 'pods', group: 'pods', run: benchPods},
	{name: 'jumps', group: 'time', run: benchJumps},
	{name: 'play', group: 'time', run: benchPlay},
	{name: 'ui', group: 'ui', run: benchUi},
	{name: 'schedulers', group: 'cluster', run: benchCluster},
	{name: 'counter', group: 'exec', run: benchExec},
	{name: 'record', group: 'record', run: benchRecord},
];

const titles: Record<string, string> = {
	kernel: 'Kernel (issue 2)',
	pods: 'Pods (issue 3)',
	ui: 'UI (issue 5)',
	cluster: 'Cluster (issue 11)',
	exec: 'Exec (issue 10)',
	time: 'Time at scale (issue 13)',
	record: 'Recording (issue 12)',
};

function selected(args: string[]): Bench[] | string {
	if (args.length === 0) return benches;
	const known = new Set(benches.flatMap((b) => [b.name, b.group]));
	const unknown = args.find((a) => !known.has(a));
	if (unknown) return `bench: unknown group or figure "${unknown}"; choose from ${[...known].join(', ')}.`;
	return benches.filter((b) => args.includes(b.name) || args.includes(b.group));
}

async function main(): Promise<number> {
	const chosen = selected(process.argv.slice(2));
	if (typeof chosen === 'string') {
		process.stderr.write(`${chosen}\n`);
		return 2;
	}
	process.stdout.write(`podplay bench — node ${process.version}, medians of several runs\n`);
	let group = '';
	for (const bench of chosen) {
		if (bench.group !== group) printHeader(titles[bench.group] ?? bench.group);
		group = bench.group;
		await bench.run();
	}
	// The pty library keeps handles open; the figures are printed, so end here.
	return 0;
}

main().then(
	(code) => {
		process.exit(code);
	},
	(error: unknown) => {
		process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exitCode = 1;
	},
);
