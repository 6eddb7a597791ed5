// Lists taller than their pane: show what fits and say how many are left out, so nothing hides silently.

/** The items that fit in `room` lines, keeping the last line for "+N more" when some are left out. */
export function clip<T>(items: readonly T[], room: number): {shown: T[]; more: number} {
	if (items.length <= room) return {shown: [...items], more: 0};
	const shown = items.slice(0, Math.max(0, room - 1));
	return {shown, more: items.length - shown.length};
}

export const moreLabel = (more: number, what: string) => `+${more} more ${what}`;
