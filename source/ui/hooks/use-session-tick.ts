import {useEffect, useReducer} from 'react';
import type {Session} from '../session.js';

/**
 * Re-renders once per session notification. The session notifies at most once per frame tick and
 * never while paused, so an idle playground costs no CPU (toolchain-notes, performance).
 */
export function useSessionTick(session: Session): () => void {
	const [, bump] = useReducer((n: number) => n + 1, 0);
	useEffect(() => session.subscribe(bump), [session]);
	return bump;
}
