import {type ActionId, type KeyInfo, type KeySpec, keyTable} from './keys.js';

function matches(spec: KeySpec, input: string, key: KeyInfo): boolean {
	if ('name' in spec) return key[spec.name] === true;
	if (spec.ctrl) return key.ctrl === true && input === spec.input;
	// Ctrl or Meta with a letter is a different key: never read ^J as j.
	return !key.ctrl && !key.meta && input === spec.input;
}

/** Pure: which action a key press means in normal mode, from the one key table. */
export function mapKey(input: string, key: KeyInfo): ActionId | undefined {
	for (const binding of keyTable) {
		if (binding.keys.some((spec) => matches(spec, input, key))) return binding.action;
	}
	return undefined;
}

const controls: Record<string, KeyInfo> = {
	'\r': {return: true},
	'\n': {return: true},
	'\t': {tab: true},
	'\u007f': {backspace: true},
	'\b': {backspace: true},
	'\u001B': {escape: true},
};

/**
 * Several keys can arrive in one read (fast typing, key repeat, a paste, a test writing `1262\r`):
 * Ink then hands them over as one string. Split it into single presses so each one is its own key.
 */
export function splitPresses(input: string, key: KeyInfo): [string, KeyInfo][] {
	if ([...input].length <= 1) return [[input, key]];
	return [...input].map((ch) => (controls[ch] ? ['', controls[ch]] : [ch, {}]));
}
