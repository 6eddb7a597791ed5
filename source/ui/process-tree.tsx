import {Lines} from './lines.js';
import {useTheme} from './theme.js';
import {type TreeProps, treeLines} from './tree-lines.js';

/** The host process tree, drawing only the lines that fit (frame cost follows the screen). */
export function ProcessTree(props: TreeProps) {
	const theme = useTheme();
	return <Lines lines={treeLines(props, theme)} width={props.width} height={props.height + 1} />;
}
