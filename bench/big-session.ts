// A real session (source/session) over a world of about N processes: one pod whose app starts
// N/250 apps of 249 idle sleeps each (a wide, shallow tree like a busy node). Frames are driven by
// hand: the wrapper hands out the UI's listener so the bench can play one frame tick.
import {parseScenario} from '../source/scenario/index.js';
import {createSession, type EngineSession} from '../source/session/index.js';
import type {Session} from '../source/ui/session.js';

function scenarioText(processes: number): string {
	const apps = Math.max(1, Math.round(processes / 250));
	return `title: bench, ${processes} processes
seed: 1
node: {podPidsLimit: ${processes * 2}}
pods:
  - apiVersion: v1
    kind: Pod
    metadata: {name: big}
    spec:
      containers:
        - {name: app, image: example/app:1.0}
programs:
  big/app:
    program: app
    children:
      - program: app
        count: ${apps}
        children:
          - {program: sleep, count: 249}
timeline:
  - at: 0
    say: bench
`;
}

export type BigSession = {session: Session; engine: EngineSession; notify(): void};

const clock = {setInterval: () => 0, clearInterval: () => {}};

export function bigSession(processes: number): BigSession {
	const loaded = parseScenario(scenarioText(processes), 'bench-ui.yaml');
	if (!loaded.ok) throw new Error(`bench scenario: ${loaded.problems[0]?.message}`);
	const engine = createSession(loaded.scenario, {scenariosDir: '/nonexistent', clock, playing: false});
	engine.goto(3000);
	const listeners = new Set<() => void>();
	const session: Session = {
		...engine,
		subscribe(listener) {
			listeners.add(listener);
			const off = engine.subscribe(listener);
			return () => {
				listeners.delete(listener);
				off();
			};
		},
	};
	return {
		session,
		engine,
		notify: () => {
			for (const l of listeners) l();
		},
	};
}
