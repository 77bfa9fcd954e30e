/**
 * Arrays of any length without spreading them as arguments: `push(...items)`
 * and `Math.max(...values)` pass every item on the stack and throw "Maximum
 * call stack size exceeded" past some 125,000 of them (a slide of 200,000
 * lines); these never do.
 */
export function append<T>(target: T[], items: readonly T[]): T[] {
	if (items.length < 1024) {
		target.push(...items);
		return target;
	}

	for (const item of items) target.push(item);
	return target;
}

/** The largest of `values`, and at least `floor`. */
export function largest(values: Iterable<number>, floor: number): number {
	let result = floor;
	for (const value of values) if (value > result) result = value;
	return result;
}
