import type {Session} from './session.js';

/** Session methods a key may call directly (the rest goes through `run`, one path with `:`). */
export type CallName =
	| 'togglePlay'
	| 'pause'
	| 'play'
	| 'stepForward'
	| 'stepBack'
	| 'stepMoment'
	| 'stepMomentBack'
	| 'faster'
	| 'slower'
	| 'nextChapter'
	| 'prevChapter'
	| 'collapse'
	| 'expand'
	| 'collapseAll'
	| 'expandAll'
	| 'collapseToDepth'
	| 'setBreakpoint'
	| 'switchBranch';

/** What a key asks the edge to do, as plain data so the key logic stays pure and testable. */
export type Effect =
	| {type: 'run'; command: string}
	| {[K in CallName]: {type: 'call'; method: K; args: Parameters<Session[K]>}}[CallName]
	| {type: 'quit'};

export const call = <K extends CallName>(method: K, ...args: Parameters<Session[K]>): Effect =>
	({type: 'call', method, args}) as Effect;

export const run = (command: string): Effect => ({type: 'run', command});

/**
 * Applies effects to the session. Returns the message to show (the last command's answer) and
 * whether to quit. A session that throws is reported in one line, never a stack trace.
 */
export function applyEffects(
	session: Session,
	effects: Effect[],
): {
	message?: {text: string; error: boolean};
	later?: Promise<{text: string; error: boolean}>;
	quit: boolean;
} {
	let message: {text: string; error: boolean} | undefined;
	let later: Promise<{text: string; error: boolean}> | undefined;
	let quit = false;
	for (const effect of effects) {
		try {
			if (effect.type === 'quit') quit = true;
			else if (effect.type === 'run') {
				const result = session.run(effect.command);
				message = result.message ? {text: result.message, error: !result.ok} : undefined;
				later =
					result.ok && result.later
						? result.later.then(
								(done) => ({text: done.message ?? '', error: !done.ok}),
								(error: unknown) => ({text: `failed: ${String(error)}`, error: true}),
							)
						: undefined;
			} else {
				(session[effect.method] as (...args: unknown[]) => void)(...effect.args);
			}
		} catch (error) {
			message = {
				text: `internal error: ${error instanceof Error ? error.message : String(error)}`,
				error: true,
			};
		}
	}
	return {message, later, quit};
}
