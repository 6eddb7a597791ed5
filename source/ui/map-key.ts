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
