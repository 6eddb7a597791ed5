// package.json says Node >= 20.19: the built CLI is run on the oldest Node it claims, when the machine
// has one (the system Node here; PODPLAY_NODE20 names another), headless and in a real terminal.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {before, describe, test} from 'node:test';
import {cliPath, ensureBuilt, root} from '../helpers/cli.js';
import {startTerm} from '../helpers/term.js';

function findNode20(): string | undefined {
	for (const candidate of [process.env.PODPLAY_NODE20, '/usr/bin/node', '/usr/local/bin/node', '/bin/node']) {
		if (!candidate || !existsSync(candidate)) continue;
		const version = execFileSync(candidate, ['--version'], {encoding: 'utf8'}).trim();
		if (/^v20\.(19|[2-9]\d)\./.test(version)) return candidate;
	}
	return undefined;
}

const node20 = findNode20();
const skip = node20 ? false : 'no Node 20.19+ binary on this machine (set PODPLAY_NODE20 to one)';

before(ensureBuilt);

describe('the CLI on Node 20 (the oldest Node package.json claims)', {skip}, () => {
	test('replay, check and list run and exit 0', () => {
		for (const args of [
			['replay', 'zombies', '--until', '5s'],
			['check', 'scenarios/zombies.yaml'],
			['list'],
		]) {
			const out = execFileSync(node20!, [cliPath, ...args], {
				cwd: root,
				encoding: 'utf8',
				env: {...process.env, NO_COLOR: '1'},
			});
			assert.ok(out.length > 0, args.join(' '));
		}
	});

	test('the playground draws its first frame and quits with q', {timeout: 60_000}, async () => {
		const t = startTerm(node20!, [cliPath]);
		try {
			await t.waitFor((s) => s.includes('systemd') && s.includes('podplay'), 'the first frame', 30_000);
			t.write('q');
			// Ink may not be listening yet: q until it quits.
			const quit = t.exited;
			const again = setInterval(() => t.write('q'), 500);
			assert.equal(await quit.finally(() => clearInterval(again)), 0);
		} finally {
			t.kill();
		}
	});
});
