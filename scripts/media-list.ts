// The README's recordings: one per headline behaviour, each made by `podplay record` from a bundled
// scenario. `npm run media` writes them; test/record/media.test.ts fails when one is stale.

export type MediaEntry = {
	/** media/<file>.svg (what the README shows) and media/<file>.cast (for asciinema play). */
	file: string;
	scenario: string;
	/** `podplay record` options, as typed. */
	flags: {speed?: string; keys?: string; size?: string; idleLimit?: string};
	until?: string;
	alt: string;
};

export const media: readonly MediaEntry[] = [
	{
		file: 'kill-pid-1',
		scenario: 'kill-pid-1',
		flags: {},
		alt: 'SIGTERM to PID 1 is dropped; SIGKILL kills the namespace and the kubelet restarts the container',
	},
	{
		file: 'zombies',
		scenario: 'zombies',
		flags: {},
		alt: 'Orphans reparent to a PID 1 that never reaps and stay zombies until the namespace dies',
	},
	{
		file: 'share-process-namespace',
		scenario: 'share-process-namespace',
		flags: {},
		alt: 'With shareProcessNamespace, pause is PID 1 and reaps the orphans',
	},
	{
		file: 'pause-ownership',
		scenario: 'pause-ownership',
		flags: {},
		alt: 'pause holds the IPC namespace: the queue outlives the producer and dies with pause',
	},
	{
		file: 'crashloop-vs-supervisor',
		scenario: 'systemd-supervisor',
		flags: {speed: '2'},
		alt: 'The same crashing app: CrashLoopBackOff as PID 1, hidden restarts under a supervisor',
	},
];
