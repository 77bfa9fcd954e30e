/**
 * Terminal cells a string takes. string-width is exact but costs microseconds
 * a call on anything but ASCII, and layout measures every segment of every
 * line on every keypress: printable ASCII is counted directly, and other
 * strings are remembered. Its first call on a non-ASCII string also starts
 * ICU's segmenter and compiles the RGI emoji expression (some 30 ms, right
 * before the first frame): strings of characters that are each a cluster of
 * their own are counted code point by code point, exactly as it would.
 */
import stringWidth from 'string-width';
import {oneClusterPerCodePoint, oneClusterWidths} from '../deck/clusters.js';

/**
 * One cell per character, no lookup needed: printable ASCII, Latin letters,
 * general punctuation, box drawing and block elements (what big text and
 * window frames are made of), and the window's dots.
 */
const simpleNarrow = /^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u2010-\u2027\u2030-\u205E\u2500-\u259F\u25CF]*$/;

const cache = new Map<string, number>();
const cacheLimit = 20_000;

export function cellWidth(text: string): number {
	if (simpleNarrow.test(text)) return text.length;
	let width = cache.get(text);
	if (width === undefined) {
		width = oneClusterPerCodePoint(text) ? oneClusterWidths(text) : stringWidth(text);
		if (cache.size >= cacheLimit) cache.clear();
		cache.set(text, width);
	}

	return width;
}
