// Issue 3: a node with 100 pods of 5 containers each. The cost of one step (advance 100 ms) and the
// wall time to play 10 simulated minutes headless (freeze off), through the same player `replay` uses.
// The first container of each pod listens on a port with liveness and readiness probes, so the
// kubelet has periodic work (R-RESTART-3).
import {
	headlessPace,
	type Pace,
	type Player,
	perform,
	playerWorld,
	playUntil,
	startPlayer,
} from '../source/engine/index.js';
import {formatProblem, parseScenario, type Scenario} from '../source/scenario/index.js';
import {fmt, printFigure} from './report.js';
import {median, timeMs} from './stats.js';

const podCount = 100;
const containersPerPod = 5;
const stepMs = 100;
const playMs = 10 * 60_000;
const runs = 3;

function podYaml(i: number): string {
	const containers = Array.from({length: containersPerPod}, (_, c) =>
		c === 0
			? `        - name: c0
          image: example/web:1.0
          ports: [{containerPort: 8080}]
          livenessProbe: {tcpSocket: {port: 8080}, periodSeconds: 10}
          readinessProbe: {tcpSocket: {port: 8080}, periodSeconds: 5}`
			: `        - name: c${c}
          image: example/worker-${c}:1.0`,
	).join('\n');
	return `  - apiVersion: v1
    kind: Pod
    metadata: {name: pod-${i}}
    spec:
      containers:
${containers}`;
}

function scenarioText(): string {
	const pods = Array.from({length: podCount}, (_, i) => podYaml(i)).join('\n');
	const programs = Array.from({length: podCount}, (_, i) => `  pod-${i}/c0: {program: app, port: 8080}`).join(
		'\n',
	);
	return `title: bench, ${podCount} pods of ${containersPerPod} containers
seed: 1
pods:
${pods}
programs:
${programs}
timeline:
  - at: 0
    say: bench
`;
}

function scenario(): Scenario {
	const loaded = parseScenario(scenarioText(), 'bench-pods.yaml');
	if (!loaded.ok) throw new Error(`bench scenario: ${loaded.problems.map(formatProblem).join('; ')}`);
	return loaded.scenario;
}

function running(p: Player): number {
	return Object.values(playerWorld(p).runtime.pods).filter((pod) =>
		pod.containers.every((c) => c.state === 'running'),
	).length;
}

/** Per-step cost in µs, median and mean over 200 steps, once all pods run. */
function stepCost(
	s: Scenario,
	freeze: boolean,
): {us: number; meanUs: number; processes: number; running: number} {
	let p = playUntil(startPlayer(s, {freeze}), 10_000, {tick: stepMs});
	const samples: number[] = [];
	for (let i = 0; i < 200; i++)
		samples.push(timeMs(() => (p = perform(p, {type: 'advance', ms: stepMs}))) * 1000);
	const meanUs = samples.reduce((a, b) => a + b, 0) / samples.length;
	return {us: median(samples), meanUs, processes: playerWorld(p).kernel.procCount, running: running(p)};
}

function playTime(s: Scenario, pace: Pace): number {
	return median(
		Array.from({length: runs}, () => {
			const p = startPlayer(s, {freeze: false});
			return timeMs(() => playUntil(p, playMs, pace));
		}),
	);
}

export function benchPods(): void {
	const s = scenario();
	const fast = stepCost(s, false);
	const frozen = stepCost(s, true);
	const label = `${podCount} pods × ${containersPerPod}`;
	printFigure({
		name: `${label}: one step (+${stepMs} ms), freeze off`,
		value: fmt.us(fast.us),
		note: `mean ${fmt.us(fast.meanUs)} (steps that fire probe timers cost more); ${fmt.count(fast.processes)} processes; ${fast.running}/${podCount} pods running`,
	});
	printFigure({name: `${label}: one step (+${stepMs} ms), freeze on`, value: fmt.us(frozen.us)});
	const wall = playTime(s, {tick: stepMs});
	printFigure({
		name: `${label}: 10 min headless, ${stepMs} ms steps`,
		value: fmt.ms(wall),
		target: '< 1 s',
		ok: wall < 1000,
		note: `${fmt.count(playMs / stepMs)} steps`,
	});
	const eventDriven = playTime(s, {});
	printFigure({
		name: `${label}: 10 min headless, event-driven`,
		value: fmt.ms(eventDriven),
		target: '< 1 s',
		ok: eventDriven < 1000,
	});
	const replayStyle = playTime(s, headlessPace);
	printFigure({
		name: `${label}: 10 min headless, as replay plays`,
		value: fmt.ms(replayStyle),
		target: '< 1 s',
		ok: replayStyle < 1000,
	});
}
