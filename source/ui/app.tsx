import {Box, useApp, useInput, useWindowSize} from 'ink';
import {useRef, useState} from 'react';
import {clusterHeight} from './cluster-pane.js';
import {CommandLine} from './command-line.js';
import {Confirm} from './confirm.js';
import {applyEffects} from './effects.js';
import {captionOf, clusterTop, mainLines} from './first-screen.js';
import {HelpOverlay} from './help-overlay.js';
import {hintLine} from './hint-bar.js';
import {useLatest} from './hooks/use-latest.js';
import {useSessionTick} from './hooks/use-session-tick.js';
import {InfoPanel} from './info-panel.js';
import type {KeyInfo} from './keys.js';
import {computeLayout} from './layout.js';
import {Line, Lines} from './lines.js';
import {splitPresses} from './map-key.js';
import {narrowPanes, widePanes} from './panel-lines.js';
import {ProcessTree} from './process-tree.js';
import {ruleCardLines} from './rule-card.js';
import type {Session} from './session.js';
import {statusLine} from './status-bar.js';
import {paint} from './styled.js';
import {useTheme} from './theme.js';
import type {Theme} from './theme-data.js';
import {TooSmall} from './too-small.js';
import {type Placement, placeWindow} from './tree-window.js';
import {initialUiState, type Message, reduceKey, shownPane, type UiState} from './ui-state.js';
import {wrapAtMost} from './wrap.js';

type Props = {session: Session; onQuit?: () => void};

/** The message shown: the last answer, else why play stopped on its own (a breakpoint). */
function messageOf(state: UiState, stopped: string | undefined) {
	return state.message ?? (stopped ? {text: stopped, error: false} : undefined);
}

/**
 * Message lines: a long answer wraps at words onto up to a third of the screen instead of being
 * cut; the lines after the first are indented, so the answer reads as one.
 */
function messageLines(theme: Theme, message: Message | undefined, width: number, rows: number): string[] {
	if (!message) return [''];
	const {palette: p, ascii} = theme;
	return wrapAtMost(message.text, width - 2, Math.max(2, Math.floor(rows / 3)), ascii).map((line, i) =>
		paint([[`${i === 0 ? '' : '  '}${line}`, {color: message.error ? p.error : p.ok}]], theme.color),
	);
}

function MessageLine({state, width, lines}: {state: UiState; width: number; lines: string[]}) {
	const {mode} = state;
	if (mode.kind === 'prompt')
		return <CommandLine prompt={mode.prompt} text={mode.text} completions={mode.completions} width={width} />;
	if (mode.kind === 'confirm') return <Confirm question={mode.question} />;
	return (
		<>
			{lines.map((line, i) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: a line's place on screen is its identity.
				<Line key={`m${i}`} text={line} />
			))}
		</>
	);
}

/** The playground: status bar, caption, process tree, info panes, message line, hint bar. */
export function App({session, onQuit}: Props) {
	const {columns, rows} = useWindowSize();
	const {exit} = useApp();
	const theme = useTheme();
	const redraw = useSessionTick(session);
	const [state, setState] = useState<UiState>(initialUiState);
	const placement = useRef<Placement>({offset: 0, index: 0});
	const caption = captionOf(session, theme, columns, rows);
	const menuItems = state.mode.kind === 'menu' ? state.mode.menu.items.length : 0;
	const status = session.status();
	const message =
		state.mode.kind === 'prompt' || state.mode.kind === 'confirm'
			? ['']
			: messageLines(theme, messageOf(state, status.stopped), columns, rows);
	const layout = computeLayout(
		columns,
		rows,
		caption.length,
		menuItems,
		clusterHeight(session.cluster?.()),
		message.length,
	);
	const panes = layout.kind === 'wide' ? widePanes : narrowPanes;
	const pane = shownPane(state, status, panes);
	const window =
		layout.kind === 'too-small'
			? undefined
			: placeWindow(session, placement.current, state.selectedPid, layout.treeRows);
	// Kept for the next frame so rows stay in place while the simulation runs (tree-window.ts).
	if (window) placement.current = window.placement;
	const page = layout.kind === 'too-small' ? 0 : layout.treeRows;
	const latest = useLatest({page, panes});
	// The handler's source of truth: keys can arrive faster than frames (Ink renders at most 30 a
	// second), and each key must see the state the previous key left, not the last rendered one.
	const current = useRef(state);

	useInput((input: string, key: KeyInfo) => {
		// During a long jump only Esc and Ctrl-C count (they stop it); other keys are dropped, not
		// played blindly once the jump is over.
		if (session.status().jump) {
			if (key.escape || (key.ctrl && input === 'c')) session.cancelJump?.();
			redraw();
			return;
		}
		const {page, panes} = latest.current;
		if (page <= 0) {
			if (input === 'q' || (key.ctrl && input === 'c')) (onQuit ?? exit)();
			return;
		}
		let next = current.current;
		for (const [ch, k] of splitPresses(input, key)) {
			const view = placeWindow(session, placement.current, next.selectedPid, page);
			placement.current = view.placement;
			const step = reduceKey(next, ch, k, {
				session,
				index: view.placement.index,
				selected: view.selected,
				page,
				panes,
			});
			const {message, later, quit} = applyEffects(session, step.effects);
			if (quit) {
				(onQuit ?? exit)();
				return;
			}
			next = message ? {...step.state, message} : step.state;
			if (next.reopen && next.mode.kind === 'menu') {
				const index = next.mode.index;
				next = {...next, mode: {kind: 'menu', menu: next.reopen(session), index}, reopen: undefined};
			}
			// A command that finishes later (load) answers again: its answer replaces "loading…".
			if (later && message)
				void later.then((answer) => {
					if (current.current.message !== message) return;
					current.current = {...current.current, message: answer};
					setState(current.current);
				});
		}
		current.current = next;
		setState(next);
		redraw();
	});

	if (layout.kind === 'too-small' || !window) return <TooSmall columns={columns} rows={rows} />;
	const menu = state.mode.kind === 'menu' ? {menu: state.mode.menu, index: state.mode.index} : undefined;
	const paneView = {
		...(window.selected ? {selected: window.selected} : {}),
		...(state.mode.kind === 'why' ? {whyBack: state.mode.back} : {}),
		...(state.storyBack ? {storyBack: state.storyBack} : {}),
		...(state.search ? {search: state.search} : {}),
	};
	const mainHeight = rows - 2 - layout.caption - layout.message;
	return (
		// No overflow clip: layout.ts keeps every line inside the screen, and a clip makes Ink cut
		// every line of the frame cell by cell on every frame.
		<Box flexDirection="column" width={columns} height={rows}>
			<Line text={statusLine(theme, status, columns)} />
			{caption.map((line, i) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: a line's place on screen is its identity.
				<Line key={`c${i}`} text={line} />
			))}
			{state.mode.kind === 'help' ? (
				<HelpOverlay width={columns} height={mainHeight} />
			) : state.mode.kind === 'card' ? (
				<Lines
					lines={ruleCardLines(theme, session.rule(state.mode.row.rule), state.mode.row, columns, mainHeight)}
					width={columns}
					height={mainHeight}
				/>
			) : menu ? (
				<Box flexDirection="column" height={mainHeight}>
					{layout.cluster > 0 ? (
						<Lines lines={clusterTop(session, theme, layout)} width={columns} height={layout.cluster} />
					) : null}
					<Box flexDirection={layout.kind === 'wide' ? 'row' : 'column'} height={mainHeight - layout.cluster}>
						<ProcessTree
							lines={window.lines}
							selectedPid={window.selected?.hostPid}
							width={layout.treeWidth}
							height={layout.treeRows}
							count={window.count}
							offset={window.placement.offset}
							{...(state.search ? {search: state.search} : {})}
						/>
						{layout.kind === 'wide' ? <Box width={1} /> : null}
						<InfoPanel
							session={session}
							kind={layout.kind}
							width={layout.panel.width}
							height={layout.panel.height}
							pane={pane}
							menu={menu}
						/>
					</Box>
				</Box>
			) : (
				// The usual frame: one Text a row, tree and panes side by side in it (first-screen.ts).
				<Lines
					lines={mainLines(session, theme, layout, window, pane, paneView)}
					width={columns}
					height={mainHeight}
				/>
			)}
			<MessageLine state={state} width={columns} lines={message} />
			<Line text={hintLine(theme, columns)} />
		</Box>
	);
}
