// A small scenario with a few pods, and a session driven by hand (no timers).
import {parseScenario, type Scenario} from '../../source/scenario/index.js';
import {createSession, type EngineSession, type SessionOptions} from '../../source/session/index.js';

export const scenarioText = `
title: Session test
seed: 3
pods:
  - apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
      containers:
        - {name: app, image: example/app:1.0}
  - apiVersion: v1
    kind: Pod
    metadata: {name: queue}
    spec:
      terminationGracePeriodSeconds: 1
      containers:
        - {name: producer, image: example/producer:1.0}
        - {name: consumer, image: example/consumer:1.0}
programs:
  web/app:
    program: app
    children:
      - {program: sleep, count: 2, exitAfter: 1s}
  queue/producer: {program: producer, key: 0x42, interval: 100ms, messages: 100}
  queue/consumer: {program: consumer, key: 0x42}
timeline:
  - at: 0
    chapter: {title: Start, notes: Two pods.}
  - at: 2s
    chapter: {title: Zombies}
  - at: 2s
    say: The sleeps exited; app never reaps them.
  - at: 4s
    chapter: {title: Kill PID 1}
  - at: 4s
    kill: {target: web/app, signal: KILL}
  - at: 4500ms
    delete: {pod: queue}
  - at: 6s
    say: The queue is gone with its IPC namespace.
`;

export function testScenario(text = scenarioText): Scenario {
	const result = parseScenario(text, 'test.yaml');
	if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
	return result.scenario;
}

export type ManualClock = {
	setInterval(fn: () => void, ms: number): unknown;
	clearInterval(handle: unknown): void;
	/** Timers running now. */
	running: number;
	/** Timers ever started. */
	started: number;
};

export function manualClock(): ManualClock {
	const clock: ManualClock = {
		running: 0,
		started: 0,
		setInterval() {
			clock.running += 1;
			clock.started += 1;
			return clock.started;
		},
		clearInterval() {
			clock.running -= 1;
		},
	};
	return clock;
}

export function makeSession(options: Partial<SessionOptions> = {}): {
	session: EngineSession;
	clock: ManualClock;
} {
	const clock = manualClock();
	// Whole moments unless a test asks for slow motion: frames then map to virtual time exactly.
	const session = createSession(testScenario(), {
		scenariosDir: '/nonexistent',
		clock,
		slowMotion: false,
		...options,
	});
	return {session, clock};
}

/** Play `ms` of virtual time frame by frame (50 ms frames at ×1). */
export function playFor(session: EngineSession, ms: number): void {
	session.play();
	const frames = Math.ceil(ms / (50 * session.status().speed));
	for (let i = 0; i < frames && session.status().playing; i++) session.tick();
}

export function rowOf(session: EngineSession, comm: string) {
	return session.processRows(0, session.processCount()).find((r) => r.comm === comm);
}
