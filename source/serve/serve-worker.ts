/**
 * The viewers' server runs in a worker thread started on this module: the
 * presenter's player keeps its own thread, so its frame rate never depends on
 * how many viewers there are or how fast they read. This module is small on
 * purpose: the player's thread loads it only for its URL, and the server
 * itself (ssh2 and all) is loaded in the worker alone.
 */
import {isMainThread, parentPort, workerData} from 'node:worker_threads';
import type {ServeConfig} from './serve-messages.js';

/** The URL of this module: the worker's script. */
export const workerScript: URL = new URL(import.meta.url);

export const workerMark = 'lecternServe';

export type ServeWorkerData = {readonly [workerMark]: ServeConfig};

const data = workerData as Partial<ServeWorkerData> | undefined;
if (!isMainThread && parentPort && data?.[workerMark]) {
	const port = parentPort;
	const config = data[workerMark];
	void import('./serve-thread.js').then(
		({serveThread}) => serveThread(port, config),
		(error: unknown) => port.postMessage({type: 'failed', message: error instanceof Error ? error.message : String(error)}),
	);
}
