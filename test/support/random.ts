/** A small seeded PRNG (mulberry32) for generated tests: the same sequence everywhere. */
export type Random = {
	next: () => number;
	int: (min: number, max: number) => number;
	pick: <T>(items: readonly T[]) => T;
	chance: (probability: number) => boolean;
};

export function random(start: number): Random {
	let state = start >>> 0;
	const next = () => {
		state = (state + 0x6d_2b_79_f5) >>> 0;
		let value = state;
		value = Math.imul(value ^ (value >>> 15), value | 1);
		value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
		return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
	};

	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	return {next, int, pick: items => items[int(0, items.length - 1)]!, chance: probability => next() < probability};
}
