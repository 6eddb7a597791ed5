import {Box, useApp, useInput, useWindowSize} from 'ink';
import {useRef, useState} from 'react';
import {captionLine} from './caption.js';
import {clusterHeight} from './cluster-pane.js';
import {CommandLine} from './command-line.js';
import {Confirm} from './confirm.js';
import {applyEffects} from './effects.js';
import {clusterTop, mainLines} from './first-screen.js';
import {fit} from './format.js';
import {HelpOverlay} from './help-overlay.js';
import {hintLine} from './hint-bar.js';
import {useLatest} from './hooks/use-latest.js';
import {useSessionTick} from './hooks/use-session-tick.js';
import {InfoPanel} from './info-panel.js';
import type {KeyInfo} from './keys.js';
import {computeLayout} from './layout.js';
import {Line, Lines} from './lines.js';
import {splitPresses} from './map-key.js';
import {ProcessTree} from './process-tree.js';
import type {Session} from './session.js';
import {statusLine} from './status-bar.js';
import {paint} from './styled.js';
import {useTheme} from './theme.js';
import {TooSmall} from './too-small.js';
import {type Placement, placeWindow} from './tree-window.js';
import {initialUiState, reduceKey, type UiState} from './ui-state.js';

type Props = {session: Session; onQuit?: () => void};

function MessageLine({state, width}: {state: UiState; width: number}) {
	const theme = useTheme();
	const {mode, message} = state;
	if (mode.kind === 'prompt')
		return <CommandLine prompt={mode.prompt} text={mode.text} completions={mode.completions} width={width} />;
	if (mode.kind === 'confirm') return <Confirm question={mode.question} />;
	const {palette: p, ascii} = theme;
	const text = message
		? paint([[fit(message.text, width, ascii), {color: message.error ? p.error : p.ok}]], theme.color)
		: '';
	return <Line text={text} />;
}

/** The playground: status bar, caption, process tree, info panes, message line, hint bar. */
export function App({session, onQuit}: Props) {
	const {columns, rows} = useWindowSize();
	const {exit} = useApp();
	const theme = useTheme();
	const redraw = useSessionTick(session);
	const [state, setState] = useState<UiState>(initialUiState);
	const placement = useRef<Placement>({offset: 0, index: 0});
	const caption = session.caption();
	const menuItems = state.mode.kind === 'menu' ? state.mode.menu.items.length : 0;
	const layout = computeLayout(
		columns,
		rows,
		caption !== undefined,
		menuItems,
		clusterHeight(session.cluster?.()),
	);
	const window =
		layout.kind === 'too-small'
			? undefined
			: placeWindow(session, placement.current, state.selectedPid, layout.treeRows);
	// Kept for the next frame so rows stay in place while the simulation runs (tree-window.ts).
	if (window) placement.current = window.placement;
	const page = layout.kind === 'too-small' ? 0 : layout.treeRows;
	const latest = useLatest({page});
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
		const {page} = latest.current;
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
			});
			const {message, quit} = applyEffects(session, step.effects);
			if (quit) {
				(onQuit ?? exit)();
				return;
			}
			next = message ? {...step.state, message} : step.state;
		}
		current.current = next;
		setState(next);
		redraw();
	});

	if (layout.kind === 'too-small' || !window) return <TooSmall columns={columns} rows={rows} />;
	const status = session.status();
	const menu = state.mode.kind === 'menu' ? {menu: state.mode.menu, index: state.mode.index} : undefined;
	const mainHeight = rows - 3 - (layout.caption ? 1 : 0);
	return (
		// No overflow clip: layout.ts keeps every line inside the screen, and a clip makes Ink cut
		// every line of the frame cell by cell on every frame.
		<Box flexDirection="column" width={columns} height={rows}>
			<Line text={statusLine(theme, status, columns, window.count)} />
			{caption !== undefined ? <Line text={captionLine(theme, caption, columns)} /> : null}
			{state.mode.kind === 'help' ? (
				<HelpOverlay width={columns} height={mainHeight} />
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
						/>
						{layout.kind === 'wide' ? <Box width={1} /> : null}
						<InfoPanel
							session={session}
							kind={layout.kind}
							width={layout.panel.width}
							height={layout.panel.height}
							pane={state.pane}
							menu={menu}
						/>
					</Box>
				</Box>
			) : (
				// The usual frame: one Text a row, tree and panes side by side in it (first-screen.ts).
				<Lines
					lines={mainLines(session, theme, layout, window, state.pane)}
					width={columns}
					height={mainHeight}
				/>
			)}
			<MessageLine state={state} width={columns} />
			<Line text={hintLine(theme, columns)} />
		</Box>
	);
}
