/**
 * A large deck is parsed in a worker thread started on this module, so that
 * the player's thread answers keys and signals while a deck of megabytes is
 * read (a 200,000-slide Markdown file takes seconds). This module is small on
 * purpose: the player's thread loads it for its URL only, and the parser runs
 * in the worker.
 */
import {isMainThread, parentPort, workerData} from 'node:worker_threads';
import type {LoadOptions} from './deck/load-deck.js';
import type {Deck} from './deck/model.js';

/** The URL of this module: the worker's script. */
export const workerScript: URL = new URL(import.meta.url);

export const workerMark = 'lecternDeck';

export type DeckWorkerData = {readonly [workerMark]: {readonly bytes: Uint8Array; readonly options: LoadOptions}};

export type DeckWorkerReply = {readonly ok: true; readonly deck: Deck} | {readonly ok: false; readonly message: string};

const data = workerData as Partial<DeckWorkerData> | undefined;
if (!isMainThread && parentPort && data?.[workerMark]) {
	const port = parentPort;
	const {bytes, options} = data[workerMark];
	const reply = (message: DeckWorkerReply) => {
		port.postMessage(message);
	};

	void import('./deck/load-deck.js')
		.then(async ({loadDeck, prepareToLoad}) => {
			await prepareToLoad(bytes);
			reply({ok: true, deck: loadDeck(bytes, options)});
		})
		.catch((error: unknown) => {
			reply({ok: false, message: error instanceof Error ? error.message : String(error)});
		});
}
