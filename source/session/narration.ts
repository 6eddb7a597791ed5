// The scenario's narration so far: every `say` and chapter played up to the world shown, in order.
// Derived from the timeline and the world's cue (how many steps were played), so nothing is stored
// per moment and a rewind shows the narration of the moment shown.
import type {World} from '../engine/index.js';
import type {Scenario} from '../scenario/index.js';
import type {NarrationEntry, PaneName} from '../ui/session.js';

const cache = new WeakMap<Scenario, Map<number, NarrationEntry[]>>();

export function narrationLog(scenario: Scenario, world: World): NarrationEntry[] {
	let byCue = cache.get(scenario);
	if (!byCue) {
		byCue = new Map();
		cache.set(scenario, byCue);
	}
	let entries = byCue.get(world.cue);
	if (!entries) {
		entries = build(scenario, world.cue);
		byCue.set(world.cue, entries);
	}
	return entries;
}

function build(scenario: Scenario, cue: number): NarrationEntry[] {
	const entries: NarrationEntry[] = [];
	for (const step of scenario.timeline.slice(0, cue)) {
		const {action} = step;
		if (action.type === 'say') entries.push({at: step.at, kind: 'say', text: action.text, current: false});
		else if (action.type === 'chapter')
			entries.push({
				at: step.at,
				kind: 'chapter',
				text: action.notes ? `${action.title}: ${action.notes}` : action.title,
				current: false,
				...(action.focus ? {focus: action.focus} : {}),
			});
	}
	// The current narration: every entry of the latest moment that narrated (two `say` steps at one
	// time are both current), so none is lost behind the other.
	const last = entries.at(-1)?.at;
	return entries.map((e) => (e.at === last ? {...e, current: true} : e));
}

/** The current narration, oldest first: what the caption shows. */
export function currentNarration(entries: readonly NarrationEntry[]): string[] {
	return entries.filter((e) => e.current).map((e) => e.text);
}

/** The pane the latest chapter asks for. */
export function chapterFocus(entries: readonly NarrationEntry[]): PaneName | undefined {
	return entries.findLast((e) => e.kind === 'chapter')?.focus;
}
