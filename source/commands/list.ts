// `podplay list`: the bundled scenarios with their titles.
import {listBundledScenarios} from '../scenario/index.js';
import {printable} from '../text/printable.js';
import {bundledDir} from './load.js';
import {exitCodes, type Output, style} from './output.js';

export async function list(o: Output): Promise<number> {
	const scenarios = await listBundledScenarios(bundledDir());
	const width = Math.max(0, ...scenarios.map((s) => s.name.length));
	for (const s of scenarios)
		o.out(`${style(o, 'bold', printable(s.name).padEnd(width))}  ${printable(s.title)}`);
	return exitCodes.ok;
}
