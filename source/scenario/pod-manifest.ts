import type {z} from 'zod';
import type {PodManifestParsed, podSchema} from './pod-schema.js';
import type {ContainerSpec, HandlerSpec, PodManifest, ProbeSpec, VolumeSpec} from './types.js';

type ParsedSpec = z.output<typeof podSchema>['spec'];
type ParsedContainer = ParsedSpec['containers'][number];
type ParsedProbe = NonNullable<ParsedContainer['livenessProbe']>;
type ParsedHandler = NonNullable<ParsedContainer['lifecycle']['preStop']>;

/** Keeps only the simulated fields of a validated Pod, with Kubernetes defaults already applied. */
export function toPodManifest(pod: PodManifestParsed): PodManifest {
	const {spec} = pod;
	return {
		name: pod.metadata.name,
		namespace: pod.metadata.namespace,
		containers: spec.containers.map(toContainer),
		initContainers: spec.initContainers.map(toContainer),
		volumes: spec.volumes.map(toVolume),
		restartPolicy: spec.restartPolicy,
		terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds,
		shareProcessNamespace: spec.shareProcessNamespace,
		hostPID: spec.hostPID,
		hostIPC: spec.hostIPC,
		hostNetwork: spec.hostNetwork,
	};
}

function toVolume(volume: ParsedSpec['volumes'][number]): VolumeSpec {
	const result: VolumeSpec = {name: volume.name, emptyDir: volume.emptyDir !== undefined};
	const ref = volume.configMap
		? {...volume.configMap, kind: 'ConfigMap' as const}
		: volume.secret
			? {...volume.secret, kind: 'Secret' as const, name: volume.secret.secretName}
			: undefined;
	if (ref) {
		result.source = {kind: ref.kind, name: ref.name};
		if (ref.items) result.source.items = ref.items.map(({key, path}) => ({key, path}));
		if (ref.optional !== undefined) result.source.optional = ref.optional;
	}
	return result;
}

function toContainer(container: ParsedContainer): ContainerSpec {
	const result: ContainerSpec = {
		name: container.name,
		image: container.image,
		ports: container.ports.map((port) => ({containerPort: port.containerPort})),
		volumeMounts: container.volumeMounts.map((mount) => ({name: mount.name, mountPath: mount.mountPath})),
	};
	if (container.command) result.command = container.command;
	if (container.args) result.args = container.args;
	if (container.env.length > 0)
		result.env = container.env.map((entry) => ({name: entry.name, value: entry.value ?? ''}));
	if (container.restartPolicy) result.restartPolicy = container.restartPolicy;
	const memory = container.resources.limits?.memory;
	if (memory !== undefined) result.memoryLimit = memory;
	const {postStart, preStop, stopSignal} = container.lifecycle;
	if (postStart) result.postStart = toHandler(postStart);
	if (preStop) result.preStop = toHandler(preStop);
	if (stopSignal) result.stopSignal = stopSignal;
	if (container.startupProbe) result.startupProbe = toProbe(container.startupProbe);
	if (container.livenessProbe) result.livenessProbe = toProbe(container.livenessProbe);
	if (container.readinessProbe) result.readinessProbe = toProbe(container.readinessProbe);
	return result;
}

function toHandler(handler: ParsedHandler): HandlerSpec {
	if (handler.exec) return {kind: 'exec', command: handler.exec.command};
	if (handler.sleep) return {kind: 'sleep', seconds: handler.sleep.seconds};
	if (handler.httpGet) {
		const result: HandlerSpec = {kind: 'httpGet', port: handler.httpGet.port};
		if (handler.httpGet.path !== undefined) result.path = handler.httpGet.path;
		return result;
	}
	return {kind: 'tcpSocket', port: handler.tcpSocket!.port};
}

function toProbe(probe: ParsedProbe): ProbeSpec {
	const check: ProbeSpec['check'] = probe.exec
		? {kind: 'exec', command: probe.exec.command}
		: probe.httpGet
			? {kind: 'httpGet', port: probe.httpGet.port, path: probe.httpGet.path}
			: probe.grpc
				? {
						kind: 'grpc',
						port: probe.grpc.port,
						...(probe.grpc.service === undefined ? {} : {service: probe.grpc.service}),
					}
				: {kind: 'tcpSocket', port: probe.tcpSocket!.port};
	return {
		check,
		initialDelaySeconds: probe.initialDelaySeconds,
		periodSeconds: probe.periodSeconds,
		timeoutSeconds: probe.timeoutSeconds,
		failureThreshold: probe.failureThreshold,
		successThreshold: probe.successThreshold,
	};
}
