import {Box} from 'ink';
import {MenuView} from './menu.js';
import {NamespacesPane} from './namespaces-pane.js';
import {PodsPane} from './pods-pane.js';
import {QueuesPane} from './queues-pane.js';
import {SectionTitle} from './section-title.js';
import type {Session} from './session.js';
import type {InfoPane, Menu} from './ui-state.js';
import {WhyPane} from './why-pane.js';

type Props = {
	session: Session;
	kind: 'wide' | 'narrow';
	width: number;
	height: number;
	pane: InfoPane;
	menu?: {menu: Menu; index: number};
};

const titles: Record<InfoPane, string> = {pods: 'Pods', namespaces: 'Namespaces', queues: 'Queues'};

function Pane({
	pane,
	session,
	width,
	height,
}: {
	pane: InfoPane;
	session: Session;
	width: number;
	height: number;
}) {
	if (pane === 'pods') return <PodsPane pods={session.pods()} width={width} height={height} />;
	if (pane === 'namespaces')
		return <NamespacesPane namespaces={session.namespaces()} width={width} height={height} />;
	return <QueuesPane queues={session.queues()} width={width} height={height} />;
}

/** Narrow terminals: one info pane at a time (Tab cycles) beside the why pane. */
function Strip({session, width, height, pane, menu}: Omit<Props, 'kind'>) {
	// Half the width: the pods table (NAME READY STATUS RESTARTS) needs ~38 cells to read whole.
	const left = Math.max(34, Math.floor(width * 0.5));
	const right = width - left - 1;
	const tabs = (['pods', 'namespaces', 'queues'] as const).map((p) =>
		p === pane ? `[${titles[p]}]` : titles[p],
	);
	return (
		<Box flexDirection="row" width={width} height={height}>
			<Box flexDirection="column" width={left}>
				{menu ? (
					<MenuView menu={menu.menu} index={menu.index} width={left} height={height} />
				) : (
					<>
						<SectionTitle title={tabs.join(' ')} width={left} right="Tab" />
						<Pane pane={pane} session={session} width={left} height={height - 1} />
					</>
				)}
			</Box>
			<Box width={1} />
			<Box flexDirection="column" width={right}>
				<SectionTitle title="Why" width={right} />
				<WhyPane rows={session.why(height - 1)} width={right} height={height - 1} />
			</Box>
		</Box>
	);
}

/** Wide terminals: every pane stacked in a side column; the why pane takes what is left. */
function Column({session, width, height, menu}: Omit<Props, 'kind' | 'pane'>) {
	const pods = session.pods();
	const queues = session.queues();
	const namespaces = session.namespaces();
	const podsHeight = menu ? Math.min(9, menu.menu.items.length + 2) : Math.min(1 + pods.length * 2, 7);
	const nsHeight = Math.min(1 + Math.max(1, namespaces.length), 7);
	const queuesHeight = Math.min(1 + Math.max(1, queues.length) * 2, 5);
	const whyHeight = Math.max(2, height - podsHeight - nsHeight - queuesHeight - 4);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{menu ? (
				<MenuView menu={menu.menu} index={menu.index} width={width} height={podsHeight + 1} />
			) : (
				<>
					<SectionTitle title="Pods" width={width} />
					<PodsPane pods={pods} width={width} height={podsHeight} />
				</>
			)}
			<SectionTitle title="Namespaces" width={width} />
			<NamespacesPane namespaces={namespaces} width={width} height={nsHeight} />
			<SectionTitle title="Queues" width={width} />
			<QueuesPane queues={queues} width={width} height={queuesHeight} />
			<SectionTitle title="Why" width={width} />
			<WhyPane rows={session.why(whyHeight)} width={width} height={whyHeight} />
		</Box>
	);
}

export function InfoPanel(props: Props) {
	return props.kind === 'wide' ? <Column {...props} /> : <Strip {...props} />;
}
