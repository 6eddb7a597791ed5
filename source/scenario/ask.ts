// Judging an `ask:` step: at its reveal, the choice whose expectations hold is what the simulation
// did. The answer key must be that choice, and the only one: a wrong key is a failing expectation
// at the `answer:` line, a second true choice one at that choice.
import type {Failure} from './expect.js';
import type {AskAction, Expectation} from './types.js';

/** `check` is how the world at the reveal answers one expectation (the player's own checker). */
export function judgeAnswer(ask: AskAction, check: (e: Expectation) => Failure[]): Failure[] {
	const judged = ask.choices.map((choice) => choice.expect.flatMap(check));
	const holds = judged.flatMap((failures, i) => (failures.length === 0 ? [i + 1] : []));
	const quote = (k: number) => `${k} ("${ask.choices[k - 1]!.text}")`;
	const wrong = judged[ask.answer - 1]?.[0];
	if (wrong) {
		const truth =
			holds.length === 1
				? `the answer is ${quote(holds[0]!)}, not ${ask.answer}`
				: `answer ${quote(ask.answer)} does not happen`;
		return [
			{...wrong, expectation: {...wrong.expectation, position: ask.answerPosition}, message: `ask: ${truth}`},
		];
	}
	return holds
		.filter((k) => k !== ask.answer)
		.map((k) => ({
			expectation: ask.choices[k - 1]!.expect[0]!,
			field: '',
			expected: undefined,
			actual: undefined,
			message: `ask: choice ${quote(k)} holds too, so the question has two right answers`,
		}));
}
