// Memory as schedulers print it: binary units, whole numbers where they divide (R-SCHED-C1).
const KI = 1024;
const MI = KI * KI;
const GI = MI * KI;

export function formatMemory(bytes: number): string {
	if (bytes === 0) return '0';
	if (bytes % GI === 0) return `${bytes / GI}Gi`;
	if (bytes % MI === 0) return `${bytes / MI}Mi`;
	if (bytes % KI === 0) return `${bytes / KI}Ki`;
	return String(bytes);
}

export const MiB = MI;
export const GiB = GI;
