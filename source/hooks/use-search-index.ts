import {useEffect} from 'react';
import type {SlideSearch} from '../deck/slide-search.js';

/** How long after the deck is up indexing starts, so start-up keys and frames come first. */
const startAfterMs = 500;
/** Slides indexed per turn of the event loop (a few ms), so a key is never kept waiting long. */
const slidesPerTurn = 100;

/**
 * Indexes the deck's text for search while the player is idle, a part at a
 * time, so the first search on a long deck does not wait for the whole index.
 */
export function useSearchIndex(search: SlideSearch): void {
	useEffect(() => {
		let timer: NodeJS.Timeout | undefined;
		const later = (ms: number) => {
			// Indexing never keeps a quitting player alive.
			timer = setTimeout(step, ms).unref();
		};

		const step = () => {
			if (!search.indexSome(slidesPerTurn)) later(0);
		};

		later(startAfterMs);
		return () => {
			clearTimeout(timer);
		};
	}, [search]);
}
