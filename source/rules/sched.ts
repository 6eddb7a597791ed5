// R-SCHED: co-scheduling on a small cluster — Kubernetes, Docker Swarm, Mesos, Omega (and Borg, the
// ancestor). Statements in our own words; sources as plain text.
import type {Rule} from './types.js';

const K8S = 'kubernetes/kubernetes (v1.35)';
const SWARM = 'docker-archive/classicswarm v1.2.x';

export const schedRules: readonly Rule[] = [
	{
		id: 'R-SCHED-C1',
		title: 'Memory is the modelled resource',
		statement:
			'Memory is counted in whole bytes and printed in binary units; the source notes\' "G" is GiB. A node\'s free memory is its allocatable memory minus what is placed on it; a pod bound by spec.nodeName takes its share without any scheduler.',
		source: 'podplay model; source notes 000, 001, 004',
	},
	{
		id: 'R-SCHED-C2',
		title: 'Affinity group',
		statement:
			"Containers that must run beside another form a group that must share one node: in Kubernetes one Pod; in Swarm every member after the first carries affinity:container==<first>; in Mesos one framework job launched from one agent's offers; in Omega one job with a same-machine constraint.",
		source: `podplay model; ${SWARM} scheduler/filter/affinity.go; Omega paper §3.4`,
	},
	{
		id: 'R-SCHED-C3',
		title: 'Arrival order',
		statement:
			'Swarm and Mesos see the containers one at a time, in listed order, one per second; Kubernetes sees each whole Pod at once; Omega sees each group as one job.',
		source: 'podplay model following source note 001',
	},
	{
		id: 'R-SCHED-C4',
		title: 'Seeded choices',
		statement:
			"Every random choice (score ties, Swarm random, Omega random placement) draws from the world's seeded generator, so the same scenario and seed give the same placements.",
		source: 'podplay design (deterministic simulation)',
	},
	{
		id: 'R-SCHED-C5',
		title: 'Every decision is an event',
		statement:
			'Each placement, refusal, offer, hold, commit, conflict, rollback and deadlock is an event naming its rule and, where the real system prints a message, that message.',
		source: 'podplay design (explainable)',
	},
	{
		id: 'R-SCHED-K1',
		title: 'The Pod is the scheduling unit',
		statement:
			'kube-scheduler takes one Pod per scheduling cycle, computes one request for the whole Pod, picks one node and binds the Pod there; containers are never placed separately.',
		source: `${K8S} pkg/scheduler/schedule_one.go (ScheduleOne, schedulingCycle); kubernetes.io Pods`,
	},
	{
		id: 'R-SCHED-K2',
		title: 'Effective request',
		statement:
			"The Pod's request is the larger of (sum of containers and native sidecars) and (the largest init-time use: an init container's own request plus the sidecars declared before it), then pod-level requests replace it and spec.overhead is added. This is the code's formula; the docs' simpler rule differs when an init container follows a sidecar.",
		source: `${K8S} staging/src/k8s.io/component-helpers/resource/helpers.go (PodRequests, AggregateContainerRequests); KEP-753`,
	},
	{
		id: 'R-SCHED-K3',
		title: 'Requests, not limits',
		statement:
			'Only requests are checked. A container with a limit and no request gets a request equal to the limit. For scoring only, a missing request counts as 100m cpu and 200 MB memory.',
		source: `${K8S} pkg/scheduler/util/pod_resources.go; kubernetes.io Managing Resources for Containers`,
	},
	{
		id: 'R-SCHED-K4',
		title: 'Filter NodeResourcesFit',
		statement:
			'A node fails with "Insufficient memory" when the request is larger than its free memory; an exactly equal request fits. A request larger than the node\'s whole allocatable is UnschedulableAndUnresolvable (since v1.34).',
		source: `${K8S} pkg/scheduler/framework/plugins/noderesources/fit.go (Filter, fitsRequest); PR #131345`,
	},
	{
		id: 'R-SCHED-K5',
		title: 'FailedScheduling message',
		statement:
			'"0/N nodes are available: " then the per-node reasons counted as "<count> <reason>", sorted as strings and joined with ", ", a period, then the preemption message: "preemption: 0/N nodes are available: …".',
		source: `${K8S} pkg/scheduler/framework/types.go (FitError.Error); default_preemption.go`,
	},
	{
		id: 'R-SCHED-K6',
		title: 'Preemption outcome',
		statement:
			'Nodes too small for the Pod even when empty get "Preemption is not helpful for scheduling"; other nodes with no lower-priority pods get "No preemption victims found for incoming pod". podplay never evicts.',
		source: `${K8S} pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go; preemption.go`,
	},
	{
		id: 'R-SCHED-K7',
		title: 'Scoring',
		statement:
			'A single feasible node is taken without scoring. Otherwise LeastAllocated scores each node (allocatable − requested after placement)·100 / allocatable, averaged over memory and cpu where declared; the highest score wins.',
		source: `${K8S} schedule_one.go (schedulePod); noderesources/least_allocated.go`,
	},
	{
		id: 'R-SCHED-K8',
		title: 'Ties',
		statement: 'Among nodes with equal top scores one is chosen at random (podplay: a seeded uniform draw).',
		source: `${K8S} schedule_one.go (selectHost, nodeScoreHeap); kubernetes.io kube-scheduler`,
	},
	{
		id: 'R-SCHED-K9',
		title: 'Assume and bind atomically',
		statement:
			'The chosen node is assumed in the scheduler\'s cache (the next cycle counts the Pod), then one binding write sets spec.nodeName and PodScheduled=True; event "Normal Scheduled Successfully assigned <ns>/<pod> to <node>". All containers then start on that node.',
		source: `${K8S} schedule_one.go (assume, bind); pkg/registry/core/pod/storage/storage.go (BindingREST)`,
	},
	{
		id: 'R-SCHED-K10',
		title: 'Unschedulable Pod',
		statement:
			'A Pod that fits nowhere stays Pending with PodScheduled=False, reason Unschedulable and the FailedScheduling message; no container starts. It is retried when an event could help (an assigned pod deleted, a node added) and at the latest after 5 minutes in the unschedulable pool.',
		source: `${K8S} schedule_one.go (handleSchedulingFailure); scheduling_queue.go`,
	},
	{
		id: 'R-SCHED-K11',
		title: 'Kubelet admission is the last check',
		statement:
			"If two schedulers bind onto one node, the kubelet re-checks fit and rejects the Pod as Failed with reason OutOfmemory. podplay's single scheduler never reaches it.",
		source: `${K8S} pkg/kubelet/lifecycle/predicate.go`,
	},
	{
		id: 'R-SCHED-K12',
		title: 'A Pod is not a gang of Pods',
		statement:
			'The Pod co-schedules the containers inside it. Placing several Pods all-or-nothing needs out-of-tree coscheduling or the alpha Workload API (v1.35), which holds reservations for up to 300 s.',
		source: 'KEP-4671; kubernetes PRs #134564, #134722',
	},
	{
		id: 'R-SCHED-S1',
		title: 'Swarm: no queue, one container at a time',
		statement:
			'Each docker run is placed on its own: filters, then the strategy ranks nodes and the first is taken. Nothing revisits a container once placed.',
		source: `${SWARM} cluster/swarm/cluster.go (createContainer)`,
	},
	{
		id: 'R-SCHED-S2',
		title: 'Swarm: expressing the affinity',
		statement:
			'affinity:container==<name> (or a label) ties a container to the node running another; a value starting with ~ is soft.',
		source: `${SWARM} cluster/config.go, scheduler/filter/expr.go; docs/scheduler/filter.md`,
	},
	{
		id: 'R-SCHED-S3',
		title: 'Swarm: filters first',
		statement:
			'The affinity filter keeps only nodes running the named container. If none does, the error is "Unable to find a node that satisfies the following conditions" with the failing conditions. No filter looks at memory.',
		source: `${SWARM} scheduler/filter/filter.go, affinity.go`,
	},
	{
		id: 'R-SCHED-S4',
		title: 'Swarm: the strategy checks memory',
		statement:
			'For each node: total = memory + 5 % overcommit, memScore = (used + request)·100 / total, integer; a node with memScore above 100 is out; weight = cpuScore + memScore + healthFactor·100. If no node is left: "no resources available to schedule container".',
		source: `${SWARM} scheduler/strategy/weighted_node.go (weighNodes), strategy.go`,
	},
	{
		id: 'R-SCHED-S5',
		title: 'Swarm: strategies',
		statement:
			'spread (the default) takes the lowest weight (ties: fewer containers); binpack the highest (ties: more containers); random picks any filtered node and checks no resources at all.',
		source: `${SWARM} scheduler/strategy/spread.go, binpack.go, random.go; docs/scheduler/strategy.md`,
	},
	{
		id: 'R-SCHED-S6',
		title: 'Swarm: soft, then hard',
		statement:
			'On any error Swarm retries ignoring soft affinities, so a soft affinity silently loses the co-location.',
		source: `${SWARM} scheduler/scheduler.go`,
	},
	{
		id: 'R-SCHED-S7',
		title: "Swarm: the source notes' numbers",
		statement:
			'binpack puts App on Node_A and main on node-2 and then refuses the follower, as the source notes tell it; the default spread puts both groups on the larger node and nothing fails.',
		source: `${SWARM} weighNodes, computed on the source notes' numbers`,
	},
	{
		id: 'R-SCHED-S8',
		title: 'Swarm: no rollback, no retry',
		statement:
			'The refused container is simply not created; the ones already placed keep running. Swarm does not know they belong together.',
		source: `${SWARM} cluster/swarm/cluster.go (createRetry 0)`,
	},
	{
		id: 'R-SCHED-M1',
		title: 'Mesos: resource offers',
		statement:
			"The master offers one agent's free resources to a framework, which launches tasks from it or declines; unused or declined resources are filtered from that framework for refuse_seconds (5 s).",
		source: 'apache/mesos include/mesos/scheduler.hpp, mesos.proto (Filters); Mesos paper (NSDI 2011)',
	},
	{
		id: 'R-SCHED-M2',
		title: 'Mesos: the allocator',
		statement:
			"Free resources go to the framework furthest below its share (held plus used, over the cluster), ties by registration order, every allocation interval (1 s). Offered resources count towards the framework's allocation.",
		source:
			'apache/mesos docs/configuration/master.md (HierarchicalDRF, --allocation_interval); Omega paper §3.3',
	},
	{
		id: 'R-SCHED-M3',
		title: 'Mesos: rigid frameworks',
		statement:
			'A rigid framework can start only once it has a fixed quantity of resources; the Mesos paper assumes mandatory demand stays within the guaranteed share.',
		source: 'Mesos paper (NSDI 2011), through third-party notes',
	},
	{
		id: 'R-SCHED-M4',
		title: 'Mesos: hoarding for gang scheduling',
		statement:
			"podplay's framework waits until a group is complete, holds every offer meanwhile (unusable by anyone else), launches the group from one agent's held offers when they suffice, and declines the rest. Offers never time out unless --offer_timeout is set.",
		source: 'Omega paper §3 and §3.3; apache/mesos --offer_timeout (commit 707bf3b1); source notes 000, 001',
	},
	{
		id: 'R-SCHED-M5',
		title: 'Mesos: deadlock',
		statement:
			'When every framework with a waiting group holds resources, nothing free is left unoffered, no task is due to end, no held set satisfies a group and each would fit if the others let go, the frameworks wait for each other forever.',
		source: 'Omega paper §3.3 ("can potentially deadlock")',
	},
	{
		id: 'R-SCHED-M6',
		title: 'Mesos as Omega measured it',
		statement:
			'With long decision times nearly all resources are locked down; many jobs are abandoned at the 1,000-attempt limit.',
		source: 'Omega paper §4, Fig. 7',
	},
	{
		id: 'R-SCHED-M7',
		title: 'Mesos in the Omega simulator',
		statement:
			'The released simulator offers all free resources at once and always schedules partial jobs, so it cannot model hoarding.',
		source: 'google/cluster-scheduler-simulator MesosSimulation.scala',
	},
	{
		id: 'R-SCHED-O1',
		title: 'Omega: shared state, optimistic commits',
		statement:
			'Each scheduler works on a private copy of the cell state and commits its placements atomically; whether the commit succeeds or not, it resyncs afterwards and tries again if needed.',
		source: 'Omega paper (EuroSys 2013) §3.4',
	},
	{
		id: 'R-SCHED-O2',
		title: 'Omega: conflict detection',
		statement:
			'Fine-grained (default): a claim conflicts only if it would over-commit the machine now. Coarse-grained: it conflicts if the machine changed at all since the sync, spurious conflicts included.',
		source: 'Omega paper §5.2; cluster-scheduler-simulator CellState.causesConflict',
	},
	{
		id: 'R-SCHED-O3',
		title: 'Omega: transaction modes',
		statement:
			'Incremental (default) keeps every claim but the conflicting ones; all-or-nothing rolls back the claims already applied at the first conflict and the whole job is retried.',
		source: 'Omega paper §3.4, §5.2; cluster-scheduler-simulator CellState.commit',
	},
	{
		id: 'R-SCHED-O4',
		title: 'Omega: the scheduler loop',
		statement:
			'Per job: sync, think t_job + t_task per task (0.1 s + 5 ms), place in the copy, commit; retry what remains, abandoning after 1,000 attempts, or 100 if nothing was ever placed. If nothing fits the copy no transaction is sent.',
		source: 'Omega paper §4; cluster-scheduler-simulator OmegaScheduler.handleJob',
	},
	{
		id: 'R-SCHED-O5',
		title: 'Omega: measures',
		statement:
			'Conflict fraction is conflicts per successful transaction; scheduler busyness is the fraction of time spent making decisions.',
		source: 'Omega paper §4 (Metrics)',
	},
	{
		id: 'R-SCHED-O6',
		title: 'Omega: reported numbers',
		statement:
			'Incremental transactions should be the default: all-or-nothing roughly doubles the conflict fraction, coarse-grained detection costs two to three times the conflicts and busyness.',
		source: 'Omega paper §5.2, Fig. 14',
	},
	{
		id: 'R-SCHED-O7',
		title: 'Omega: common rules',
		statement:
			'Schedulers must agree on what allocations are permitted and on precedence; cluster-wide goals are enforced after the fact.',
		source: 'Omega paper §3.4',
	},
	{
		id: 'R-SCHED-B1',
		title: 'Borg alloc',
		statement:
			'An alloc reserves resources on one machine in which one or more tasks run, e.g. a web server and its logsaver; the tasks move together.',
		source: 'Borg paper (EuroSys 2015) §2.4',
	},
	{
		id: 'R-SCHED-B2',
		title: 'Borg alloc set',
		statement: 'An alloc set reserves allocs on several machines; jobs are then submitted to run in it.',
		source: 'Borg paper §2.4',
	},
	{
		id: 'R-SCHED-B3',
		title: 'The Pod is the alloc',
		statement:
			"Kubernetes' equivalent of an alloc is the Pod: helper containers in one Pod instead of tasks in one alloc, always scheduled onto the same machine.",
		source: 'Borg paper §8.2',
	},
	{
		id: 'R-SCHED-B4',
		title: 'Borg is already optimistic',
		statement:
			"Borg's scheduler works on a cached copy of the cell state and the master rejects out-of-date assignments, in the spirit of Omega; it scores only enough feasible machines, as Kubernetes' percentageOfNodesToScore does.",
		source: 'Borg paper §3.4',
	},
];
