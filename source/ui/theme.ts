import {createContext, useContext} from 'react';
import {makeTheme, type Theme} from './theme-data.js';

export {type Glyphs, makeTheme, type Palette, stateColour, type Theme} from './theme-data.js';

export const ThemeContext = createContext<Theme>(makeTheme({ascii: false, color: true}));

export function useTheme(): Theme {
	return useContext(ThemeContext);
}
