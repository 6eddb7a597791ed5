import {z} from 'zod';
import {cpu, dnsName, exactlyOne, k8sObject, quantity, signal} from './schema-helpers.js';

/**
 * Pod manifests: every real Kubernetes field is accepted; the fields podplay simulates are typed, and
 * Kubernetes defaults are applied in the parsed result (R-RESTART-3 probe defaults, R-TERM-1 grace).
 */
// The API server refuses a handler or probe with no action or with several.
const seconds = z.int().nonnegative();
const port = z.union([z.int().min(1).max(65535), z.string()]);

const execAction = k8sObject('ExecAction', {command: z.array(z.string()).min(1)});

const handler = k8sObject('LifecycleHandler', {
	exec: execAction.optional(),
	sleep: k8sObject('SleepAction', {seconds: z.int().nonnegative()}).optional(),
	httpGet: k8sObject('HTTPGetAction', {port, path: z.string().optional()}).optional(),
	tcpSocket: k8sObject('TCPSocketAction', {port}).optional(),
}).refine(
	exactlyOne(['exec', 'sleep', 'httpGet', 'tcpSocket']),
	'a lifecycle handler needs exactly one of exec, sleep, httpGet or tcpSocket',
);

const probe = k8sObject('Probe', {
	exec: execAction.optional(),
	tcpSocket: k8sObject('TCPSocketAction', {port}).optional(),
	httpGet: k8sObject('HTTPGetAction', {port, path: z.string().default('/')}).optional(),
	// R-PROBE-5: a numeric port only (no named ports), an optional health service name.
	grpc: k8sObject('GRPCAction', {port: z.int().min(1).max(65535), service: z.string().optional()}).optional(),
	initialDelaySeconds: seconds.default(0),
	periodSeconds: z.int().min(1).default(10),
	timeoutSeconds: z.int().min(1).default(1),
	failureThreshold: z.int().min(1).default(3),
	successThreshold: z.int().min(1).default(1),
}).refine(
	exactlyOne(['exec', 'httpGet', 'tcpSocket', 'grpc']),
	'a probe needs exactly one of exec, httpGet, tcpSocket or grpc',
);

/** requests/limits: memory in bytes, cpu in millicores (what the schedulers count, R-SCHED-K2). */
const resourceList = z.looseObject({memory: quantity.optional(), cpu: cpu.optional()});

const container = k8sObject('Container', {
	name: dnsName('a container name'),
	image: z.string().min(1),
	command: z.array(z.string()).optional(),
	args: z.array(z.string()).optional(),
	env: z.array(k8sObject('EnvVar', {name: z.string().min(1), value: z.string().optional()})).default([]),
	// Only `Always` exists, and only on init containers, where it makes a native sidecar (R-RESTART-5).
	restartPolicy: z.literal('Always').optional(),
	ports: z.array(k8sObject('ContainerPort', {containerPort: z.int().min(1).max(65535)})).default([]),
	resources: k8sObject('ResourceRequirements', {
		requests: resourceList.optional(),
		limits: resourceList.optional(),
	}).default({}),
	volumeMounts: z.array(k8sObject('VolumeMount', {name: z.string(), mountPath: z.string()})).default([]),
	lifecycle: k8sObject('Lifecycle', {
		postStart: handler.optional(),
		preStop: handler.optional(),
		stopSignal: signal.optional(),
	}).default({}),
	startupProbe: probe.optional(),
	livenessProbe: probe.optional(),
	readinessProbe: probe.optional(),
});

const keyToPath = k8sObject('KeyToPath', {key: z.string(), path: z.string()});

const volume = k8sObject('Volume', {
	name: dnsName('a volume name'),
	emptyDir: k8sObject('EmptyDirVolumeSource', {sizeLimit: quantity.optional()}).optional(),
	// R-EXEC-20: a ConfigMap or Secret of the same file provides the volume's files.
	configMap: k8sObject('ConfigMapVolumeSource', {
		name: z.string(),
		items: z.array(keyToPath).optional(),
		optional: z.boolean().optional(),
	}).optional(),
	secret: k8sObject('SecretVolumeSource', {
		secretName: z.string(),
		items: z.array(keyToPath).optional(),
		optional: z.boolean().optional(),
	}).optional(),
});

const podSpec = k8sObject('PodSpec', {
	containers: z.array(container).min(1, 'spec.containers: at least one container is required'),
	initContainers: z.array(container).default([]),
	volumes: z.array(volume).default([]),
	restartPolicy: z.enum(['Always', 'OnFailure', 'Never']).default('Always'),
	terminationGracePeriodSeconds: seconds.default(30),
	shareProcessNamespace: z.boolean().default(false),
	hostPID: z.boolean().default(false),
	hostIPC: z.boolean().default(false),
	hostNetwork: z.boolean().default(false),
	// Read by the cluster's scheduler (R-SCHED): bound already, which scheduler, and the Pod's extras.
	nodeName: z.string().optional(),
	schedulerName: z.string().optional(),
	overhead: resourceList.optional(),
	resources: k8sObject('ResourceRequirements', {requests: resourceList.optional()}).optional(),
});

export const podSchema = k8sObject('Pod', {
	apiVersion: z.literal('v1'),
	kind: z.literal('Pod'),
	metadata: k8sObject('ObjectMeta', {
		name: dnsName('a pod name'),
		namespace: z.string().default('default'),
	}),
	spec: podSpec,
});

export type PodManifestParsed = z.output<typeof podSchema>;
