import {Box} from 'ink';
import {Lines} from './lines.js';
import {MenuView} from './menu.js';
import {namespacesLines} from './namespaces-pane.js';
import {podsLines} from './pods-pane.js';
import {queuesLines} from './queues-pane.js';
import {sectionTitle} from './section-title.js';
import type {Session} from './session.js';
import {type Theme, useTheme} from './theme.js';
import type {InfoPane, Menu} from './ui-state.js';
import {whyLines} from './why-pane.js';

type Props = {
	session: Session;
	kind: 'wide' | 'narrow';
	width: number;
	height: number;
	pane: InfoPane;
	menu?: {menu: Menu; index: number};
};

const titles: Record<InfoPane, string> = {pods: 'Pods', namespaces: 'Namespaces', queues: 'Queues'};

/** Exactly `height` lines: blank lines below, the rest cut. */
const block = (lines: string[], height: number) =>
	Array.from({length: Math.max(0, height)}, (_, i) => lines[i] ?? '');

function paneLines(theme: Theme, pane: InfoPane, session: Session, width: number, height: number): string[] {
	if (pane === 'pods') return podsLines(theme, session.pods(), width, height);
	if (pane === 'namespaces') return namespacesLines(theme, session.namespaces(), width, height);
	return queuesLines(theme, session.queues(), width, height);
}

/** Narrow terminals: one info pane at a time (Tab cycles) beside the why pane. */
function Strip({session, width, height, pane, menu}: Omit<Props, 'kind'>) {
	const theme = useTheme();
	// Half the width: the pods table (NAME READY STATUS RESTARTS) needs ~38 cells to read whole.
	const left = Math.max(34, Math.floor(width * 0.5));
	const right = width - left - 1;
	const tabs = (['pods', 'namespaces', 'queues'] as const).map((p) =>
		p === pane ? `[${titles[p]}]` : titles[p],
	);
	const why = [
		sectionTitle(theme, 'Why', right),
		...whyLines(theme, session.why(height - 1), right, height - 1),
	];
	return (
		<Box flexDirection="row" width={width} height={height}>
			{menu ? (
				<Box flexDirection="column" width={left}>
					<MenuView menu={menu.menu} index={menu.index} width={left} height={height} />
				</Box>
			) : (
				<Lines
					lines={block(
						[
							sectionTitle(theme, tabs.join(' '), left, 'Tab'),
							...paneLines(theme, pane, session, left, height - 1),
						],
						height,
					)}
					width={left}
				/>
			)}
			<Box width={1} />
			<Lines lines={block(why, height)} width={right} />
		</Box>
	);
}

/** Wide terminals: every pane stacked in a side column; the why pane takes what is left. */
function Column({session, width, height, menu}: Omit<Props, 'kind' | 'pane'>) {
	const theme = useTheme();
	const pods = session.pods();
	const queues = session.queues();
	const namespaces = session.namespaces();
	const podsHeight = menu ? Math.min(9, menu.menu.items.length + 2) : Math.min(1 + pods.length * 2, 7);
	const nsHeight = Math.min(1 + Math.max(1, namespaces.length), 7);
	const queuesHeight = Math.min(1 + Math.max(1, queues.length) * 2, 5);
	const whyHeight = Math.max(2, height - podsHeight - nsHeight - queuesHeight - 4);
	const rest = block(
		[
			sectionTitle(theme, 'Namespaces', width),
			...block(namespacesLines(theme, namespaces, width, nsHeight), nsHeight),
			sectionTitle(theme, 'Queues', width),
			...block(queuesLines(theme, queues, width, queuesHeight), queuesHeight),
			sectionTitle(theme, 'Why', width),
			...whyLines(theme, session.why(whyHeight), width, whyHeight),
		],
		height - podsHeight - 1,
	);
	if (menu)
		return (
			<Box flexDirection="column" width={width} height={height}>
				<MenuView menu={menu.menu} index={menu.index} width={width} height={podsHeight + 1} />
				<Lines lines={rest} width={width} />
			</Box>
		);
	const top = [
		sectionTitle(theme, 'Pods', width),
		...block(podsLines(theme, pods, width, podsHeight), podsHeight),
	];
	return <Lines lines={[...top, ...rest]} width={width} height={height} />;
}

export function InfoPanel(props: Props) {
	return props.kind === 'wide' ? <Column {...props} /> : <Strip {...props} />;
}
