/**
 * Terminal cells a string takes. string-width is exact but costs microseconds
 * a call on anything but ASCII, and layout measures every segment of every
 * line on every keypress: printable ASCII is counted directly, and other
 * strings are remembered. Its first call on a non-ASCII string also starts
 * ICU's segmenter and compiles the RGI emoji expression (some 30 ms, right
 * before the first frame): strings of characters that are each a cluster of
 * their own are counted code point by code point, exactly as it would.
 */
import {eastAsianWidth} from 'get-east-asian-width';
import stringWidth from 'string-width';
import {oneClusterPerCodePoint} from '../deck/inline-tree.js';

/**
 * One cell per character, no lookup needed: printable ASCII, Latin letters,
 * general punctuation, box drawing and block elements (what big text and
 * window frames are made of), and the window's dots.
 */
const simpleNarrow = /^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u2010-\u2027\u2030-\u205E\u2500-\u259F\u25CF]*$/;

/** A one-code-point cluster that is an RGI emoji: these are drawn two cells wide. */
const emojiPresentation = /\p{Emoji_Presentation}/u;

const cache = new Map<string, number>();
const cacheLimit = 20_000;

export function cellWidth(text: string): number {
	if (simpleNarrow.test(text)) return text.length;
	let width = cache.get(text);
	if (width === undefined) {
		width = oneClusterPerCodePoint(text) ? codePointWidths(text) : stringWidth(text);
		if (cache.size >= cacheLimit) cache.clear();
		cache.set(text, width);
	}

	return width;
}

/** string-width's rule for a cluster of one visible code point. */
function codePointWidths(text: string): number {
	let width = 0;
	for (const character of text) width += emojiPresentation.test(character) ? 2 : eastAsianWidth(character.codePointAt(0)!);
	return width;
}
