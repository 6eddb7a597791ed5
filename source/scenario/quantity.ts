/** Kubernetes resource quantities (`8Gi`, `300Mi`, `1G`, `128974848`, `129e6`, `1.5Gi`) in bytes. */
const SUFFIX: Record<string, number> = {
	'': 1,
	Ki: 2 ** 10,
	Mi: 2 ** 20,
	Gi: 2 ** 30,
	Ti: 2 ** 40,
	Pi: 2 ** 50,
	Ei: 2 ** 60,
	m: 1e-3,
	k: 1e3,
	M: 1e6,
	G: 1e9,
	T: 1e12,
	P: 1e15,
	E: 1e18,
};
const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)?)$/;

export type QuantityResult = {ok: true; value: number} | {ok: false; message: string};

export function parseQuantity(input: string | number): QuantityResult {
	if (typeof input === 'number') return {ok: true, value: input};
	const match = QUANTITY.exec(input.trim());
	if (!match) {
		return {ok: false, message: `invalid quantity "${input}"; use e.g. 300Mi, 8Gi, 1G or 129e6`};
	}
	const [, number, exponent, suffix] = match;
	const value = exponent ? Number(`${number}${exponent}`) : Number(number) * SUFFIX[suffix ?? '']!;
	return {ok: true, value};
}
