// TERM=dumb: the terminal understands text and little else. Ink writes synchronized-output marks
// (mode 2026) around every frame whatever the terminal, and its own Text styles follow FORCE_COLOR;
// this stream drops both on the way out: no mode 2026, no SGR at all (the selection keeps its `>`).
const unsupported = /\u001B\[\?2026[hl]|\u001B\[[\d;]*m/g;

/** `stdout` as Ink sees it, minus what a dumb terminal would print as text: mode 2026 and SGR. */
export function dumbStdout(stdout: NodeJS.WriteStream): NodeJS.WriteStream {
	return new Proxy(stdout, {
		get(target, key) {
			if (key === 'write')
				return (chunk: unknown, ...rest: unknown[]) =>
					(target.write as (...args: unknown[]) => boolean)(
						typeof chunk === 'string' ? chunk.replace(unsupported, '') : chunk,
						...rest,
					);
			const value = Reflect.get(target, key, target);
			return typeof value === 'function' ? value.bind(target) : value;
		},
	});
}
