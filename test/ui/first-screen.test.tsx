import '../helpers/force-color.js';
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {firstScreen} from '../../source/ui/first-screen.js';
import {Playground} from '../../source/ui/run.js';
import {makeTheme} from '../../source/ui/theme-data.js';
import {makeFakeSession} from '../fixtures/ui/fake-session.js';
import {renderFixed, stripAnsi} from '../helpers/render.js';

const sizes = [
	{columns: 120, rows: 40},
	{columns: 100, rows: 30},
	{columns: 80, rows: 24},
	{columns: 60, rows: 16},
];

describe('first frame without Ink (issue 5: launch) looks exactly like Ink’s first frame', () => {
	for (const {columns, rows} of sizes)
		for (const options of [
			{ascii: false, color: true},
			{ascii: true, color: false},
		])
			for (const caption of [undefined, 'Every process here is simulated.'])
				test(`${columns}×${rows}, ${options.ascii ? 'ascii' : 'unicode'}, ${caption ? 'caption' : 'no caption'}`, async () => {
					const session = makeFakeSession({caption});
					const r = renderFixed(<Playground session={session} options={options} />, {columns, rows});
					try {
						await r.waitFor((f) => f.includes('systemd'));
						const ink = r.rawFrame().split('\n');
						const ours = firstScreen(session, makeTheme(options), columns, rows);
						assert.ok(ours, 'a first screen at this size');
						assert.equal(ours.length, rows);
						// Same text, same colours and attributes (Ink drops trailing blanks of a row).
						assert.deepEqual(
							ours.map((l) => stripAnsi(l).trimEnd()),
							ink.map((l) => stripAnsi(l).trimEnd()),
						);
						assert.deepEqual(
							ours.map((l) => l.trimEnd()),
							ink.map((l) => l.trimEnd()),
						);
					} finally {
						r.unmount();
						session.dispose();
					}
				});

	test('too small: no first screen (Ink says so itself)', () => {
		const session = makeFakeSession();
		assert.equal(firstScreen(session, makeTheme({ascii: false, color: true}), 40, 12), undefined);
		session.dispose();
	});
});
