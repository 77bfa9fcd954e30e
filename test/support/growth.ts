/**
 * Time that grows with the input, checked without a clock budget: a loaded
 * machine slows every run alike, so the ratio of two sizes still tells
 * linear from quadratic where a fixed budget fails.
 */
import assert from 'node:assert/strict';

function time(work: () => void): number {
	const start = performance.now();
	work();
	return performance.now() - start;
}

/** How much larger the second input is: linear work takes 8 times as long, quadratic 64. */
const scale = 8;

/**
 * Asserts that eight times the input takes at most `factor` times as long:
 * linear work takes about 8, quadratic 64, and the margin between is wide
 * enough for a busy machine. `work(size)` does the work for an input of
 * `size`, which should take some tens of milliseconds (tiny inputs run from
 * the cache and make any larger one look slow). The two sizes are timed in
 * turn, three times each, and the fastest of each compared, so that a pause
 * of the machine slows both alike.
 */
export function assertLinear(label: string, size: number, work: (size: number) => void, factor = 32): void {
	work(size);
	let small = Number.POSITIVE_INFINITY;
	let large = Number.POSITIVE_INFINITY;
	for (let run = 0; run < 3; run++) {
		small = Math.min(small, time(() => work(size)));
		large = Math.min(large, time(() => work(size * scale)));
	}

	assert.ok(large < Math.max(small, 10) * factor, `${label}: ${size} took ${small.toFixed(1)} ms, ${size * scale} took ${large.toFixed(1)} ms (more than ${factor} times as long)`);
}
