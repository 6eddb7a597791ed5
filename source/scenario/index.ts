export {type BundledScenario, listBundledScenarios, type Resolved, resolveScenario} from './bundled.js';
export {
	type CompareRow,
	compareOutcomes,
	compareTable,
	DEFAULT_SCHEDULERS,
	defaultSchedulers,
	parseScheduler,
	playScheduler,
} from './cluster-compare.js';
export {checkClusterExpectation} from './cluster-expect.js';
export {clusterSetup} from './cluster-setup.js';
export {
	nodeOptions,
	podPrograms,
	type Resolved as ResolvedStep,
	type StepAction,
	setupActions,
	stepActions,
} from './compile.js';
export {defaultProgram, imageName} from './default-program.js';
export {closest, didYouMean, editDistance} from './did-you-mean.js';
export {formatDuration, MAX_DURATION_MS, parseDuration} from './duration.js';
export {checkExpectation, type Failure} from './expect.js';
export {exportManifests} from './export-manifests.js';
export {scenarioJsonSchema, scenarioJsonSchemaText} from './json-schema.js';
export {loadScenarioFile} from './load-scenario-file.js';
export {parseScenario} from './parse-scenario.js';
export {formatProblem, type LoadResult, type Position, type Problem} from './problem.js';
export {parseQuantity} from './quantity.js';
export {resolveTarget} from './resolve.js';
export {normaliseSignal, SIGNAL_NUMBERS, signalNumber} from './signals.js';
export {formatTarget, parseContainerRef, parseTarget, type Target} from './target.js';
export {
	type ChildProgramSpec,
	type ContainerSpec,
	type Expectation,
	type HandlerSpec,
	type NamespaceField,
	type NodeConfig,
	type PodManifest,
	type PodPhase,
	PROGRAM_NAMES,
	type ProbeSpec,
	type ProcessState,
	type ProgramName,
	type ProgramSpec,
	type Scenario,
	type Supervisor,
	type TimelineAction,
	type TimelineStep,
} from './types.js';
