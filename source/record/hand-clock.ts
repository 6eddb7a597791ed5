// The session's frame timer, driven by hand (recordings, the presenter, rehearsals): `frame()` is
// one frame of virtual time; nothing runs on the wall clock.
import type {Clock} from '../session/index.js';

export type HandClock = Clock & {frame(): void};

export function handClock(): HandClock {
	let timer: (() => void) | undefined;
	return {
		setInterval: (fn) => {
			timer = fn;
			return fn;
		},
		clearInterval: () => {
			timer = undefined;
		},
		frame: () => timer?.(),
	};
}
