/**
 * Time that grows with the input, checked without a clock budget: a loaded
 * machine slows every run alike, so the ratio of two sizes still tells
 * linear from quadratic where a fixed budget fails.
 */
import assert from 'node:assert/strict';

/** The fastest of `runs` runs of `work`, in milliseconds. */
function fastest(work: () => void, runs = 3): number {
	let best = Number.POSITIVE_INFINITY;
	for (let run = 0; run < runs; run++) {
		const start = performance.now();
		work();
		best = Math.min(best, performance.now() - start);
	}

	return best;
}

/**
 * Asserts that four times the input takes at most `factor` times as long (a
 * linear parser takes about 4, a quadratic one 16; the margin is for a busy
 * machine). `work(size)` does the work for an input of `size`; the smaller
 * size should take ten milliseconds or more.
 */
export function assertLinear(label: string, size: number, work: (size: number) => void, factor = 12): void {
	work(size);
	const small = Math.max(fastest(() => work(size), 5), 5);
	const large = fastest(() => work(size * 4), 5);
	assert.ok(large < small * factor, `${label}: ${size} took ${small.toFixed(1)} ms, ${size * 4} took ${large.toFixed(1)} ms (more than ${factor} times as long)`);
}
