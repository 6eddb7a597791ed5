// `date` as busybox and coreutils print it in a container (TZ unset: UTC). The simulation's clock
// starts at a fixed moment so transcripts are the same on every run.
const epoch = Date.UTC(2026, 0, 1, 0, 0, 0);
const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Thu Jan  1 00:00:05 UTC 2026` for 5 s of simulated time. */
export function formatDate(simulatedMs: number): string {
	const d = new Date(epoch + Math.floor(simulatedMs / 1000) * 1000);
	return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

function two(n: number): string {
	return n < 10 ? `0${n}` : String(n);
}
