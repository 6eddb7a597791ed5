// Issue 12: time to record each bundled scenario to a .cast (`podplay record`, defaults: 100×30,
// speed 1), median of 3. Target: a 2-minute scenario in under 3 s.
import {bundledDir} from '../source/commands/load.js';
import {scenarioEnd} from '../source/engine/index.js';
import {recording} from '../source/record/recording.js';
import {recordSettings} from '../source/record/settings.js';
import {listBundledScenarios, loadScenarioFile} from '../source/scenario/index.js';
import {printFigure} from './report.js';
import {median} from './stats.js';

export async function benchRecord(): Promise<void> {
	const settings = recordSettings({});
	if (!settings.ok) throw new Error(settings.message);
	for (const {file, name} of await listBundledScenarios(bundledDir())) {
		const loaded = await loadScenarioFile(file);
		if (!loaded.ok) continue;
		const scenario = loaded.scenario;
		const times: number[] = [];
		for (let i = 0; i < 3; i++) {
			const started = performance.now();
			await recording({
				scenario,
				input: name,
				settings: settings.value,
				format: 'cast',
				ascii: false,
				color: true,
				scenariosDir: bundledDir(),
			});
			times.push(performance.now() - started);
		}
		const length = scenarioEnd(scenario) / 1000;
		const ms = median(times);
		// The target scales with the scenario: 3 s for 2 virtual minutes.
		const budget = Math.max(1, length / 120) * 3000;
		printFigure({
			name: `record ${name} (${length.toFixed(0)} s)`,
			value: `${(ms / 1000).toFixed(2)} s`,
			target: length >= 100 ? '< 3 s / 2 min' : undefined,
			ok: length >= 100 ? ms < budget : undefined,
		});
	}
}
