import {MenuView} from './menu.js';
import type {Menu} from './ui-state.js';

type Props = {menu: Menu; index: number; width: number; height: number};

/** The `s` menu: TERM, INT, HUP, KILL (asks first), STOP, CONT for the selected process. */
export function SignalMenu(props: Props) {
	return <MenuView {...props} />;
}
