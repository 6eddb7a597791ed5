// Small pure text helpers for fixed-width columns.

/** Cuts `text` to `width` cells, ending with an ellipsis when cut. Plain ASCII/BMP text assumed. */
export function fit(text: string, width: number, ascii = false): string {
	if (width <= 0) return '';
	if (text.length <= width) return text;
	const mark = ascii ? '~' : '…';
	return width === 1 ? mark : text.slice(0, width - 1) + mark;
}

export const padRight = (text: string, width: number, ascii = false) => fit(text, width, ascii).padEnd(width);
export const padLeft = (text: string, width: number, ascii = false) =>
	fit(text, width, ascii).padStart(width);

/** Virtual time as `12.4s` or `3m05.2s`. */
export function formatTime(ms: number): string {
	const seconds = ms / 1000;
	if (seconds < 60) return `${seconds.toFixed(1)}s`;
	const minutes = Math.floor(seconds / 60);
	return `${minutes}m${(seconds - minutes * 60).toFixed(1).padStart(4, '0')}s`;
}

export function formatSpeed(speed: number): string {
	return speed >= 1 ? `×${speed}` : `×${speed.toFixed(2).replace(/0+$/, '')}`;
}

/** A fill bar of `width` cells for `value` out of `limit`. */
export function fillBar(value: number, limit: number, width: number, full: string, empty: string): string {
	const ratio = limit > 0 ? Math.max(0, Math.min(1, value / limit)) : 0;
	const cells = Math.round(ratio * width);
	return full.repeat(cells) + empty.repeat(Math.max(0, width - cells));
}
