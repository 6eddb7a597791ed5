// `podplay compare FILE --schedulers kubernetes,swarm:binpack,…`: the same submission under each
// scheduler, one outcome table — the one knob flipped (R-SCHED).
import type {SchedulerConfig} from '../cluster/index.js';
import {compareTable, DEFAULT_SCHEDULERS, parseScheduler, type Scenario} from '../scenario/index.js';
import {exitCodes, type Output, style} from './output.js';

export {compareTable, parseScheduler} from '../scenario/index.js';

export function compare(s: Scenario, specs: string | undefined, seed: number | undefined, o: Output): number {
	if (!s.cluster) {
		o.err(`podplay: ${s.file} has no nodes: compare needs a scenario with "nodes:" (see podplay --help).`);
		return exitCodes.usage;
	}
	const labels = (specs ?? DEFAULT_SCHEDULERS).split(',').filter((x) => x.trim() !== '');
	const configs: {label: string; config: SchedulerConfig}[] = [];
	for (const label of labels) {
		const config = parseScheduler(label, s);
		if (typeof config === 'string') {
			o.err(`podplay: --schedulers: ${config}${/[.?!]$/.test(config) ? '' : '.'} See podplay --help.`);
			return exitCodes.usage;
		}
		configs.push({label: label.trim(), config});
	}
	o.out(style(o, 'bold', s.title));
	o.out('');
	for (const line of compareTable(s, configs, seed)) o.out(line);
	return exitCodes.ok;
}
