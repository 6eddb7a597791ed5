// The timer heap (timers.ts) fires timers exactly as a sorted list would: by time, and in the
// order they were set at the same time; timers[0] is always the next one due.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {
	addTimer,
	bootKernel,
	type Ctx,
	cancelTimers,
	commitTimers,
	type Timer,
} from '../../source/kernel/index.js';
import {takeDueTimer} from '../../source/kernel/timers.js';
import {programs} from '../../source/programs/index.js';

type Op =
	| {kind: 'add'; at: number; tag: string}
	| {kind: 'take'; until: number}
	| {kind: 'cancel'; tag: string};

const op: fc.Arbitrary<Op> = fc.oneof(
	fc.record({kind: fc.constant('add' as const), at: fc.nat(50), tag: fc.constantFrom('a', 'b', 'c')}),
	fc.record({kind: fc.constant('take' as const), until: fc.nat(60)}),
	fc.record({kind: fc.constant('cancel' as const), tag: fc.constantFrom('a', 'b', 'c')}),
);

test('timers fire by time, then in the order they were set, whatever was added, fired or cancelled before (heap = sorted list)', () => {
	fc.assert(
		fc.property(fc.array(op, {maxLength: 200}), (ops) => {
			const ctx: Ctx = {k: bootKernel({init: {name: 'init'}}), events: [], queue: [], programs};
			let model: Timer[] = [];
			for (const o of ops) {
				if (o.kind === 'add') {
					addTimer(ctx, o.at, 'test', o.tag);
					model.push({at: o.at, seq: ctx.k.timerSeq - 1, owner: 'test', tag: o.tag});
					model.sort((x, y) => x.at - y.at || x.seq - y.seq);
				} else if (o.kind === 'take') {
					const taken = takeDueTimer(ctx, o.until);
					const expected = model[0] && model[0].at <= o.until ? model.shift() : undefined;
					assert.deepEqual(taken, expected);
				} else {
					cancelTimers(ctx, (t) => t.tag === o.tag);
					model = model.filter((t) => t.tag !== o.tag);
				}
				commitTimers(ctx);
				assert.deepEqual(ctx.k.timers[0], model[0], 'timers[0] is the next one due');
				assert.equal(ctx.k.timers.length, model.length);
			}
		}),
	);
});
