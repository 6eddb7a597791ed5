// Text from a scenario is untrusted: whatever control characters it holds, what podplay writes for
// a terminal holds no ESC, BEL, CSI or OSC of its own making except podplay's own styling, and a
// newline inside a value never starts a line of its own.
import assert from 'node:assert/strict';
import {writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {before, describe, test} from 'node:test';
import fc from 'fast-check';
import {stringify} from 'yaml';
import {check} from '../../source/commands/check.js';
import {consoleOutput} from '../../source/commands/output.js';
import {replay} from '../../source/commands/replay.js';
import {formatProblem, parseScenario} from '../../source/scenario/index.js';
import {jsonLine, printable} from '../../source/text/printable.js';
import {paint} from '../../source/ui/styled.js';
import {ensureBuilt, podplay} from '../helpers/cli.js';

before(ensureBuilt);

const file = join(tmpdir(), `podplay-untrusted-${process.pid}.yaml`);
const payload = '\u001b[?1049h\u001b[?25l\u001b]0;pwned\u0007';
/** C0, DEL, C1 (0x9b is an 8-bit CSI), separators and bidi overrides, mixed with harmless text. */
const nasty = fc.string({
	unit: fc.constantFrom(
		'a',
		' ',
		':',
		'[',
		']',
		';',
		'0',
		'\u001b',
		'\u0007',
		'\n',
		'\r',
		'\t',
		'\u0000',
		'\u007f',
		'\u009b',
		'\u009d',
		'\u2028',
		'\u202e',
	),
	maxLength: 24,
});
/** What podplay may write itself: SGR styling only. */
const ownStyling = /\u001b\[[0-9;]*m/g;
const control = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function capture(color: boolean) {
	let text = '';
	const sink = {write: (s: string) => (text += s)};
	return {o: consoleOutput({color, ascii: false}, {stdout: sink, stderr: sink}), text: () => text};
}

function scenarioText(t: Record<string, string>): string {
	return stringify({
		title: t.title,
		description: t.description,
		pods: [
			{
				apiVersion: 'v1',
				kind: 'Pod',
				metadata: {name: t.pod},
				spec: {containers: [{name: 'app', image: t.image}]},
			},
		],
		programs: {[`${t.pod}/app`]: {program: 'app', comm: t.comm, print: [t.print]}},
		timeline: [
			{at: 0, chapter: {title: t.chapter, notes: t.notes}},
			{at: '1s', say: t.say},
			{at: t.at, say: 'later'},
			{at: '2s', expect: [{target: `${t.pod}/app`, comm: t.expected}]},
		],
	});
}

function assertClean(out: string, what: string): void {
	const bare = out.replace(ownStyling, '');
	const bad = control.exec(bare);
	assert.equal(bad, null, `${what}: control character ${JSON.stringify(bad?.[0])} in ${JSON.stringify(out)}`);
}

describe('untrusted text never reaches the terminal as control characters', () => {
	test('property: every text field, in replay, replay --json, check and error lines, with and without colour', async () => {
		const fields = fc.record({
			title: nasty.map((s) => `t${s}`),
			description: nasty,
			pod: fc.oneof(fc.constant('web'), nasty),
			image: nasty.map((s) => `img${s}`),
			comm: nasty.map((s) => `c${s}`),
			print: nasty,
			chapter: nasty.map((s) => `ch${s}`),
			notes: nasty,
			say: nasty,
			at: fc.oneof(fc.constant('1500ms'), nasty),
			expected: nasty,
		});
		await fc.assert(
			fc.asyncProperty(fields, fc.boolean(), async (t, color) => {
				const result = parseScenario(scenarioText(t), `x${t.say}.yaml`);
				const {o, text} = capture(color);
				if (!result.ok) {
					for (const p of result.problems) o.err(formatProblem(p));
					const lines = text().split('\n').slice(0, -1);
					assert.equal(lines.length, result.problems.length, 'one line per problem');
				} else {
					replay(result.scenario, {json: false, until: 2500}, o);
					replay(result.scenario, {json: true, until: 2500}, o);
					await writeFile(file, scenarioText(t));
					await check([file], undefined, o);
				}
				assertClean(text(), 'output');
			}),
			{numRuns: Number(process.env.FC_RUNS ?? 60)},
		);
	});

	test('--json keeps control characters as JSON escapes (the data is intact)', () => {
		const line = jsonLine({text: `${payload}\u009b\u2028`});
		assertClean(line, 'json');
		assert.deepEqual(JSON.parse(line), {text: `${payload}\u009b\u2028`});
	});

	test('the playground paints untrusted text visibly, keeping its own styling', () => {
		const line = paint([['title ', {bold: true}], payload], true);
		assertClean(line, 'paint');
		assert.ok(line.includes('\\x1b[?1049h\\x1b[?25l\\x1b]0;pwned\\x07'), line);
		assert.ok(line.startsWith('\u001b[1mtitle'));
	});

	test('printable writes controls out visibly and leaves plain text alone', () => {
		assert.equal(printable('plain — text ✔'), 'plain — text ✔');
		assert.equal(printable('a\nb\tc\u0000\u007f\u009b\u202e'), 'a\\nb\\tc\\x00\\x7f\\u009b\\u202e');
	});

	test('built CLI: a hostile title in replay and a newline in a value in check cannot act or forge a line', async () => {
		const replayed = await podplay(['replay', 'test/fixtures/cli/hostile.yaml']);
		assert.equal(replayed.code, 0, replayed.stderr);
		assertClean(replayed.stdout, 'replay');
		assert.match(replayed.stdout, /\\x1b\[\?1049h\\x1b\[\?25l\\x1b\]0;pwned\\x07/);
		const checked = await podplay(['check', 'test/fixtures/cli/forged-line.yaml']);
		assert.equal(checked.code, 2);
		assertClean(checked.stderr, 'check');
		const lines = checked.stderr.trimEnd().split('\n');
		assert.equal(lines.length, 1, checked.stderr);
		assert.match(
			lines[0],
			/^test\/fixtures\/cli\/forged-line\.yaml:\d+:\d+: .*3500ms\\nfake\.yaml:1:1: everything is fine/,
		);
	});
});
