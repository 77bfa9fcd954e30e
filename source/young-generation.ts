/**
 * V8's young generation kept at its starting size (two 1 MiB semi-spaces) in
 * the player's process. By default V8 doubles it whenever many objects survive
 * a scavenge, up to two 16 MiB semi-spaces, and keeps it: a deck of 10,000
 * slides arriving from its worker, or a few slide changes with big titles and
 * emoji, leave 30 MiB of resident memory that holds only garbage (the
 * reference deck's peak: 104 -> 94 MiB). A player allocates little per key:
 * the price is more, shorter scavenges (the reference deck and 20 keys: 34
 * instead of 15, some 20 ms of GC in all), not seen in key -> frame.
 *
 * It is set with V8's `--semi-space-growth-factor` (read each time V8 would
 * grow the space, so it takes effect after start-up, unlike
 * `--max-semi-space-size`). Starting a worker thread sets V8's flags again from
 * the command line, so `holdAcross` sets it once more when a worker is online
 * and when it has stopped.
 */
import type {Worker} from 'node:worker_threads';
import {setFlagsFromString} from 'node:v8';

/** Keeps the young generation from growing (see above). */
export function holdYoungGeneration(): void {
	setFlagsFromString('--semi-space-growth-factor=1');
}

/** Sets the flag again once `worker` has started (which undoes it) and once it has stopped. */
export function holdAcross(worker: Worker): Worker {
	worker.once('online', holdYoungGeneration);
	worker.once('exit', holdYoungGeneration);
	return worker;
}
