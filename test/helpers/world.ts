// Test helpers over the engine: a booted node, pods built from a few fields, queries by name.
import {
	type Action,
	act,
	currentEntry,
	currentMoment,
	emptyWorld,
	type History,
	type NodeOptions,
	startHistory,
	type World,
} from '../../source/engine/index.js';
import {allProcesses, type KernelEvent, type Process} from '../../source/kernel/index.js';
import type {ProgramSpec} from '../../source/programs/index.js';
import type {ContainerSpec, ContainerStatus, PodSpec, PodState} from '../../source/runtime/index.js';

export function container(name: string, extra: Partial<ContainerSpec> = {}): ContainerSpec {
	return {name, image: `example/${name}`, ports: [], volumeMounts: [], ...extra};
}

export function podSpec(name: string, extra: Partial<PodSpec> = {}): PodSpec {
	return {
		name,
		namespace: 'default',
		containers: [container('app')],
		initContainers: [],
		volumes: [],
		restartPolicy: 'Always',
		terminationGracePeriodSeconds: 30,
		shareProcessNamespace: false,
		hostPID: false,
		hostIPC: false,
		hostNetwork: false,
		...extra,
	};
}

export class Node {
	history: History;
	events: KernelEvent[] = [];

	/** `freeze: false` steps as replay, check and the playground do (immer auto-freeze off). */
	constructor(
		options: NodeOptions = {},
		readonly step: {freeze?: boolean} = {},
	) {
		this.history = startHistory(emptyWorld(options));
		this.do({type: 'boot'});
	}

	get world(): World {
		return currentMoment(this.history).world;
	}

	get now(): number {
		return this.world.kernel.now;
	}

	do(action: Action): KernelEvent[] {
		this.history = act(this.history, action, this.step);
		const events = [...currentEntry(this.history).events];
		// One by one: a runaway moment can hold more events than a spread may pass as arguments.
		for (const event of events) this.events.push(event);
		return events;
	}

	create(spec: PodSpec, programs: Record<string, ProgramSpec> = {}): PodState {
		this.do({type: 'createPod', pod: spec, programs});
		return this.pod(spec.name);
	}

	advance(ms: number): KernelEvent[] {
		return this.do({type: 'advance', ms});
	}

	/** Advance in steps of `stepMs` until `predicate` holds (bounded). */
	until(predicate: () => boolean, limitMs = 600_000, stepMs = 100): void {
		const deadline = this.now + limitMs;
		while (!predicate()) {
			if (this.now >= deadline) throw new Error(`condition not met within ${limitMs} ms of virtual time`);
			this.advance(stepMs);
		}
	}

	pod(name: string): PodState {
		const pod = this.world.runtime.pods[name];
		if (!pod) throw new Error(`no pod ${name}`);
		return pod;
	}

	container(pod: string, name: string): ContainerStatus {
		return this.pod(pod).containers.find((c) => c.name === name)!;
	}

	main(pod: string, name: string): Process | undefined {
		const pid = this.container(pod, name).pid;
		return pid === undefined ? undefined : allProcesses(this.world.kernel).find((p) => p.hostPid === pid);
	}

	processes(filter: (p: Process) => boolean = () => true): Process[] {
		return allProcesses(this.world.kernel).filter(filter);
	}

	inContainer(pod: string, name: string): Process[] {
		return this.processes((p) => p.labels.pod === pod && p.labels.container === name);
	}
}
