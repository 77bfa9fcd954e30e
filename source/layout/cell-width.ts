/**
 * Terminal cells a string takes. string-width is exact but costs microseconds
 * a call on anything but ASCII, and layout measures every segment of every
 * line on every keypress: printable ASCII is counted directly, and other
 * strings are remembered.
 */
import stringWidth from 'string-width';

const printableAscii = /^[\u0020-\u007E]*$/;
const cache = new Map<string, number>();
const cacheLimit = 20_000;

export function cellWidth(text: string): number {
	if (printableAscii.test(text)) return text.length;
	let width = cache.get(text);
	if (width === undefined) {
		width = stringWidth(text);
		if (cache.size >= cacheLimit) cache.clear();
		cache.set(text, width);
	}

	return width;
}
