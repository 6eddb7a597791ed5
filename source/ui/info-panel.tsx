import {Box} from 'ink';
import {Lines} from './lines.js';
import {MenuView} from './menu.js';
import {columnLines, stripLines, stripWidths} from './panel-lines.js';
import type {Session} from './session.js';
import {useTheme} from './theme.js';
import type {InfoPane, Menu} from './ui-state.js';

type Props = {
	session: Session;
	kind: 'wide' | 'narrow';
	width: number;
	height: number;
	pane: InfoPane;
	menu?: {menu: Menu; index: number};
};

/** Narrow terminals: one info pane at a time (Tab cycles) beside the why pane. */
function Strip({session, width, height, pane, menu}: Omit<Props, 'kind'>) {
	const theme = useTheme();
	const {left, right} = stripWidths(width);
	const lines = stripLines(theme, session, width, height, pane);
	return (
		<Box flexDirection="row" width={width} height={height}>
			{menu ? (
				<Box flexDirection="column" width={left}>
					<MenuView menu={menu.menu} index={menu.index} width={left} height={height} />
				</Box>
			) : (
				<Lines lines={lines.left} width={left} />
			)}
			<Box width={1} />
			<Lines lines={lines.right} width={right} />
		</Box>
	);
}

/** Wide terminals: every pane stacked in a side column; the why pane takes what is left. */
function Column({session, width, height, pane, menu}: Omit<Props, 'kind'>) {
	const theme = useTheme();
	const {lines, from} = columnLines(theme, session, width, height, pane, menu?.menu.items.length);
	if (!menu) return <Lines lines={lines} width={width} height={height} />;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<MenuView menu={menu.menu} index={menu.index} width={width} height={from} />
			<Lines lines={lines} width={width} />
		</Box>
	);
}

export function InfoPanel(props: Props) {
	return props.kind === 'wide' ? <Column {...props} /> : <Strip {...props} />;
}
