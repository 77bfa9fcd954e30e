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
import {oneClusterPerCodePoint, oneClusterWidths} from './clusters.js';
import {graphemes} from './graphemes.js';

/**
 * One cell per character, no lookup needed: printable ASCII, Latin letters,
 * general punctuation, box drawing and block elements (what big text and
 * window frames are made of), and the window's dots.
 */
const oneCellRanges: ReadonlyArray<readonly [number, number]> = [
	[0x20, 0x7e],
	[0xa0, 0xac],
	[0xae, 0x2ff],
	[0x20_10, 0x20_27],
	[0x20_30, 0x20_5e],
	[0x25_00, 0x25_9f],
	[0x25_cf, 0x25_cf],
];
const hex = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
const simpleNarrow = new RegExp(`^[${oneCellRanges.map(([from, to]) => `${hex(from)}-${hex(to)}`).join('')}]*$`);

/** True for a code unit of those ranges: one cell, and a grapheme cluster of its own. */
export function oneCellCode(code: number): boolean {
	for (const [from, to] of oneCellRanges) if (code >= from && code <= to) return true;
	return false;
}

const cache = new Map<string, number>();
const cacheLimit = 20_000;
/**
 * Longer texts are measured cluster by cluster and not remembered: string-width
 * walks the whole text with one Intl.Segmenter, whose time grows with the
 * square of its length (a 12,000-emoji word took 28 s), while `graphemes`
 * segments it in short pieces.
 */
const longText = 256;

export function cellWidth(text: string): number {
	if (simpleNarrow.test(text)) return text.length;
	if (text.length > longText) return longWidth(text);
	let width = cache.get(text);
	if (width === undefined) {
		width = oneClusterPerCodePoint(text) ? oneClusterWidths(text) : stringWidth(text);
		if (cache.size >= cacheLimit) cache.clear();
		cache.set(text, width);
	}

	return width;
}

function longWidth(text: string): number {
	if (oneClusterPerCodePoint(text)) return oneClusterWidths(text);
	let width = 0;
	for (const cluster of graphemes(text)) {
		// A cluster is at most a few thousand code units (`graphemes` cuts runs of marks), measured once.
		width += cluster.length > longText ? stringWidth(cluster) : cellWidth(cluster);
	}

	return width;
}
