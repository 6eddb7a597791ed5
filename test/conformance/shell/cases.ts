// The shell cases of the conformance run (issue 10): R-EXEC-5 (does `sh -c` exec its last
// command), R-EXEC-7 (signals to a shell that is PID 1) and R-EXEC-8 (a shell reaps only while it
// waits), each run with the machine's dash, busybox sh and bash as PID 1 of a new PID namespace and
// in podplay's shell model. `says` is what the rule (exec-hooks-images.md §1, experiments X1/X2)
// claims for each shell; the runner checks the real shells against it, then the model against the
// real shells.

/** The three shells of R-EXEC-4/5: Debian dash, busybox ash ≥ 1.28, bash ≥ 5.1. */
export type Flavour = 'dash' | 'ash' | 'bash';
export const flavours: readonly Flavour[] = ['dash', 'ash', 'bash'];

export type Claim = {
	/** R-EXEC-5: `exec` when the command becomes PID 1, `stays` when the shell stays PID 1 with it as a child. */
	pid1?: 'exec' | 'stays';
	/** When PID 1 ended, in ms after it started (compared within the case's tolerance). */
	endsAt?: number;
	/** The exit status of the namespace's PID 1 (R-EXEC-9). */
	code?: number;
	/** stdout and stderr, line by line. */
	output?: string[];
	/** R-EXEC-8: processes left as zombies at the observation. */
	zombies?: number;
};

export type ShellCase = {
	id: string;
	title: string;
	rules: string[];
	script: string;
	/** When the process tree is read, in ms after PID 1 started. */
	observeAt: number;
	/** A signal sent from the host (outside the namespace) to PID 1. */
	signal?: {name: 'SIGTERM' | 'SIGINT'; at: number};
	says: Partial<Record<Flavour, Claim>>;
	/** What podplay knowingly does not model here: tree differences are reported as a note, not a failure. */
	modelGap?: string;
};

const all = (claim: Claim): Partial<Record<Flavour, Claim>> => ({dash: claim, ash: claim, bash: claim});
const stays: Claim = {pid1: 'stays'};
const execs: Claim = {pid1: 'exec'};

/** R-EXEC-5's table, row by row ([X1]: S = stays, E = exec). */
const exec5: [string, string, Claim, Claim, Claim][] = [
	['S01', 'sleep 2', stays, execs, execs],
	['S02', 'echo hi >/dev/null; sleep 2', stays, execs, execs],
	['S03', 'true && sleep 2', stays, execs, execs],
	['S04', 'sleep 2\n', stays, stays, execs],
	['S05', 'true\nsleep 2', stays, execs, execs],
	['S06', 'trap "exit 0" TERM; sleep 2', stays, stays, stays],
	['S07', 'sleep 2 > /dev/null', stays, execs, stays],
	['S08', 'sleep 2 | cat', stays, stays, stays],
	['S09', 'sleep 2; true', stays, stays, stays],
	['S10', '(sleep 2)', stays, execs, stays],
	['S11', '{ sleep 2; }', stays, execs, stays],
	['S12', 'if true; then sleep 2; fi', stays, execs, stays],
	['S13', 'exec sleep 2', execs, execs, execs],
	// Found on the machine's shells (not in X1): a forked subshell execs its last command in all
	// three, and bash does not exec while a background child is unreaped.
	['S14', '(echo a >/dev/null; sleep 2)', stays, execs, stays],
	['S15', 'x=$(sleep 2)', stays, stays, stays],
	['S16', 'sleep 1 & wait; sleep 2', stays, execs, execs],
];

export const shellCases: ShellCase[] = [
	...exec5.map(
		([id, script, dash, ash, bash]): ShellCase => ({
			id,
			title: `sh -c ${JSON.stringify(script)}: who is PID 1`,
			rules: ['R-EXEC-5', 'R-EXEC-6'],
			script,
			// After `wait` has returned in S16.
			observeAt: id === 'S16' ? 1500 : 500,
			says: {dash, ash, bash},
			...(id === 'S08'
				? {
						modelGap:
							'pipes carry no data in podplay, so `cat` reads no end of file from `sleep`: it ends at once (a note says so)',
					}
				: {}),
		}),
	),
	// R-EXEC-7, experiment X2: a signal from the host at 1 s.
	{
		id: 'S20',
		title: 'TERM without a trap is dropped by a shell PID 1',
		rules: ['R-EXEC-7'],
		script: 'sleep 3; echo after',
		observeAt: 500,
		signal: {name: 'SIGTERM', at: 1000},
		says: all({endsAt: 3000, code: 0, output: ['after']}),
	},
	{
		id: 'S21',
		title: 'a trapped TERM waits for the foreground command',
		rules: ['R-EXEC-7'],
		script: 'trap "echo trapped; exit 0" TERM; sleep 3; echo after',
		observeAt: 500,
		signal: {name: 'SIGTERM', at: 1000},
		says: all({endsAt: 3000, code: 0, output: ['trapped']}),
	},
	{
		id: 'S22',
		title: 'a trapped TERM interrupts `wait` at once: 143, then the trap',
		rules: ['R-EXEC-7', 'R-EXEC-9'],
		script: 'trap "echo trapped" TERM; sleep 3 & wait; echo rc=$?',
		observeAt: 500,
		signal: {name: 'SIGTERM', at: 1000},
		says: all({endsAt: 1000, code: 0, output: ['trapped', 'rc=143']}),
	},
	{
		id: 'S23',
		title: 'a trapped TERM in a loop of sleeps ends the loop after the current sleep',
		rules: ['R-EXEC-7'],
		script: 'trap "exit 0" TERM; while :; do sleep 1; done',
		observeAt: 500,
		// Mid-sleep: at 1 s exactly the first `sleep 1` ends as the signal comes.
		signal: {name: 'SIGTERM', at: 1500},
		says: all({endsAt: 2000, code: 0, output: []}),
	},
	{
		id: 'S24',
		title: 'INT ends dash and ash after the foreground command with 130; bash carries on',
		rules: ['R-EXEC-7', 'R-EXEC-9'],
		script: 'sleep 3; echo after',
		observeAt: 500,
		signal: {name: 'SIGINT', at: 1000},
		says: {
			dash: {endsAt: 3000, code: 130, output: []},
			ash: {endsAt: 3000, code: 130, output: []},
			bash: {endsAt: 3000, code: 0, output: ['after']},
		},
	},
	{
		id: 'S25',
		title: 'INT interrupts `wait` in dash and ash (130); bash waits on',
		rules: ['R-EXEC-7', 'R-EXEC-9'],
		script: 'sleep 3 & wait; echo w',
		observeAt: 500,
		signal: {name: 'SIGINT', at: 1000},
		says: {
			dash: {endsAt: 1000, code: 130, output: []},
			ash: {endsAt: 1000, code: 130, output: []},
			bash: {endsAt: 3000, code: 0, output: ['w']},
		},
	},
	// R-EXEC-8: waitpid(-1) while waiting reaps any child; an exec'd command reaps nothing.
	{
		id: 'S30',
		title: 'a background child that ends while the shell waits is reaped, unless the last command was exec’d',
		rules: ['R-EXEC-8', 'R-EXEC-5'],
		script: 'sleep 1 & sleep 3',
		observeAt: 2000,
		says: {
			dash: {pid1: 'stays', zombies: 0},
			ash: {pid1: 'exec', zombies: 1},
			// bash keeps PID 1 while `sleep 1` is unreaped, then reaps it in its foreground wait.
			bash: {pid1: 'stays', zombies: 0},
		},
	},
	{
		id: 'S31',
		title: 'after `exec` nothing reaps: the ended background child stays a zombie',
		rules: ['R-EXEC-8'],
		script: 'sleep 1 & exec sleep 3',
		observeAt: 2000,
		says: all({pid1: 'exec', zombies: 1}),
	},
	{
		id: 'S32',
		title: 'inside `wait` the shell reaps each child as it ends',
		rules: ['R-EXEC-8'],
		script: 'sleep 1 & sleep 3 & wait',
		observeAt: 2000,
		says: all({pid1: 'stays', zombies: 0, code: 0}),
	},
];
