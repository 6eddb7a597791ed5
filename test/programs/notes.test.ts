// Never silently wrong (R-EXEC-10, R-EXEC-19): what podplay does not simulate is said in the replay
// text, in `--json` and on the playground's screen.
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {ensureBuilt, podplay, root} from '../helpers/cli.js';
import {startCli, type Term, waitForKeys} from '../helpers/term.js';

const file = join(root, 'test/fixtures/exec/not-simulated.yaml');

describe('R-EXEC-10 / R-EXEC-19: notes for what is not simulated', {timeout: 60_000}, () => {
	before(() => ensureBuilt());

	test('R-EXEC-19: a Service is skipped and a Deployment runs its template as a pod, each with a note (replay text)', async () => {
		const result = await podplay(['replay', file, '--until', '5s']);
		assert.equal(result.code, 0, result.stderr);
		assert.match(result.stdout, /note: Service web is not simulated .*skipped/);
		assert.match(
			result.stdout,
			/note: Deployment web: its pod template runs as pod web-[b-z2-9]{10}-[b-z2-9]{5} \(of 3 replicas, one is shown\)/,
		);
		assert.match(
			result.stdout,
			/note: web-\S+\/web: `foo` \(image example.com\/foo:1.0\) is not simulated: it runs until stopped/,
		);
		// The pod beside the skipped kinds still runs.
		assert.match(result.stdout, /^typo\s/m);
	});

	test('R-EXEC-10: --json carries {"type":"note"} lines', async () => {
		const result = await podplay(['replay', file, '--until', '5s', '--json']);
		assert.equal(result.code, 0, result.stderr);
		const notes = result.stdout
			.split('\n')
			.filter(Boolean)
			.map((line) => JSON.parse(line) as {type: string; text?: string; rule?: string})
			.filter((line) => line.type === 'note');
		assert.ok(
			notes.some(
				(n) => n.rule === 'R-EXEC-10' && n.text?.includes('`foo`') && n.text.includes('not simulated'),
			),
			JSON.stringify(notes),
		);
		assert.ok(notes.some((n) => n.rule === 'R-EXEC-19' && n.text?.startsWith('Service web')));
	});

	test('R-EXEC-3: an absent binary in a known image is a start error, as the kubelet shows it', async () => {
		const result = await podplay(['replay', file, '--until', '15s']);
		assert.match(
			result.stdout,
			/Warning\s+Failed\s+\S+ \(x3 over \S+\)\s+kubelet\s+Error: .*exec: "bash": executable file not found in \$PATH: unknown/,
		);
		assert.match(result.stdout, /^typo\s+1\/2\s+CrashLoopBackOff/m);
	});

	describe('on the playground', () => {
		let term: Term | undefined;
		after(() => term?.kill());
		test('R-EXEC-10: the note stays on screen at 80×24', async () => {
			term = startCli([file], {columns: 80, rows: 24});
			await waitForKeys(term, (s) => s.includes('podplay') && s.includes('systemd'));
			await term.waitFor((s) => /\d notes, latest: /.test(s), 'the note line');
		});
	});
});
