// How the playground draws: glyph set and colour. NO_COLOR (no-color.org) and TERM=dumb win over
// defaults; an explicit option wins over the environment.

export type UiOptions = {
	/** ASCII glyphs instead of box-drawing and tree characters. Default: false (true on TERM=dumb). */
	ascii?: boolean;
	/** Colours. Default: true unless NO_COLOR is set or TERM=dumb. */
	color?: boolean;
};

export type ResolvedUiOptions = {
	ascii: boolean;
	color: boolean;
	/**
	 * A dumb terminal (TERM=dumb): no alternate screen and no synchronized-output sequences either,
	 * only text and the cursor moves a redraw needs.
	 */
	dumb?: boolean;
};

export function resolveUiOptions(
	options: UiOptions,
	env: Record<string, string | undefined> = process.env,
): ResolvedUiOptions {
	const dumb = env.TERM === 'dumb';
	const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
	return {
		ascii: options.ascii ?? dumb,
		color: options.color ?? !(dumb || noColor),
		...(dumb ? {dumb} : {}),
	};
}
