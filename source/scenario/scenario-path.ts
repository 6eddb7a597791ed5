/** A path (anything with a slash or a .yaml/.yml/.json ending) names a file; anything else a bundled scenario. */
export const isScenarioPath = (nameOrFile: string): boolean =>
	/[/\\]/.test(nameOrFile) || /\.(ya?ml|json)$/i.test(nameOrFile);
