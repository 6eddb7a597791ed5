// `kubectl describe pod`'s Events table in replay: Type, Reason, Age, From, Message (R-PROBE-11).
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {podEvents} from '../../source/commands/describe.js';
import {container, Node, podSpec} from '../helpers/world.js';

describe('R-PROBE-11: describe events name who recorded them', () => {
	test('R-PROBE-11: Scheduled comes from default-scheduler, the rest from the kubelet, with (xN over T)', () => {
		const node = new Node();
		node.create(
			podSpec('p', {
				containers: [
					container('c', {
						image: 'busybox:1.36',
						command: ['sh', '-c', 'sleep 600'],
						livenessProbe: {
							check: {kind: 'exec', command: ['cat', '/nope']},
							periodSeconds: 5,
							failureThreshold: 3,
							initialDelaySeconds: 0,
							timeoutSeconds: 1,
							successThreshold: 1,
						},
					}),
				],
			}),
		);
		node.advance(12_000);
		const lines = podEvents(node.world);
		assert.match(lines[1]!, /^ {2}Type\s+Reason\s+Age\s+From\s+Message$/);
		assert.ok(
			lines.some((l) =>
				/^ {2}Normal\s+Scheduled\s+\S+\s+default-scheduler\s+Successfully assigned default\/p/.test(l),
			),
			lines.join('\n'),
		);
		assert.ok(
			lines.some((l) => /^ {2}Normal\s+Started\s+\S+\s+kubelet\s+Started container c/.test(l)),
			lines.join('\n'),
		);
		assert.ok(
			lines.some((l) =>
				/^ {2}Warning\s+Unhealthy\s+\S+ \(x3 over \S+\)\s+kubelet\s+Liveness probe failed: /.test(l),
			),
			lines.join('\n'),
		);
	});
});
