/**
 * Time that grows with the input, checked without a clock budget: the ratio
 * of two sizes tells linear from quadratic where a fixed budget fails. The
 * time is the process's CPU time, not the wall clock's: on a loaded machine
 * the process waits for a core, which the wall clock counts and the CPU time
 * does not (a run under a load of 12 on 2 cores measured a linear parser at
 * 33 times for 8 times the input on the wall clock).
 */
import assert from 'node:assert/strict';
import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';

/**
 * Milliseconds of CPU time (user and system) `work` takes, starting from a
 * collected heap: garbage left by an earlier run (or another test) would
 * otherwise make whichever run happens to trigger a major collection pay for
 * it (a loaded run measured a linear reader at 33 times for 8 times the
 * input that way; after a collection the same reader measures 5 to 17).
 */
function time(work: () => void): number {
	collectGarbage();
	const start = process.cpuUsage();
	work();
	const used = process.cpuUsage(start);
	return (used.user + used.system) / 1000;
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
		small = Math.min(
			small,
			time(() => work(size)),
		);
		large = Math.min(
			large,
			time(() => work(size * scale)),
		);
	}

	assert.ok(
		large < Math.max(small, 10) * factor,
		`${label}: ${size} took ${small.toFixed(1)} ms, ${size * scale} took ${large.toFixed(1)} ms (more than ${factor} times as long)`,
	);
}

let collect: (() => void) | undefined;

/** The garbage collector, exposed on demand (no `--expose-gc` needed on the command line). */
function collectGarbage(): void {
	if (!collect) {
		setFlagsFromString('--expose-gc');
		collect = runInNewContext('gc') as () => void;
	}

	collect();
}

/** Bytes of heap that what `work` returns keeps alive. */
function retained(work: () => unknown): number {
	collectGarbage();
	const before = process.memoryUsage().heapUsed;
	const kept = work();
	collectGarbage();
	const after = process.memoryUsage().heapUsed;
	// Read after measuring, so that the result is still alive when the heap is.
	return kept === undefined ? 0 : after - before;
}

/**
 * Asserts that what `work` keeps (the model it builds, the lines it prints) for
 * eight times the input is at most `factor` times as large. Transient garbage
 * costs CPU time to allocate and collect, which `assertLinear` sees.
 */
export function assertLinearMemory(label: string, size: number, work: (size: number) => unknown, factor = 24): void {
	const small = retained(() => work(size));
	const large = retained(() => work(size * scale));
	const floor = 256 * 1024;
	assert.ok(
		large < Math.max(small, floor) * factor,
		`${label}: ${size} kept ${(small / 1e6).toFixed(1)} MB, ${size * scale} kept ${(large / 1e6).toFixed(1)} MB (more than ${factor} times as much)`,
	);
}
