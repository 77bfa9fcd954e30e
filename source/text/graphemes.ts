/**
 * Grapheme clusters (user-perceived characters) of any text: the common cases
 * without Intl.Segmenter (see clusters.ts), long text segmented in pieces.
 */
import {emojiClusters, oneClusterPerCodePoint} from './clusters.js';

/** Made on first use: creating the first Intl.Segmenter starts ICU, some 8 ms before the first frame. */
let segmenter: Intl.Segmenter | undefined;

/**
 * Intl.Segmenter takes time quadratic in the length of the string it walks
 * (V8: 16,000 characters take about 150 ms, 64,000 over 2 s), so long text is
 * segmented in pieces cut where a cluster boundary is certain.
 */
const pieceLength = 256;
/** How far past `pieceLength` to look for a certain boundary before cutting anyway (between code points). */
const pieceSlack = 4096;

/** User-perceived characters: an emoji ZWJ sequence or a flag is one cluster. */
export function graphemes(text: string): string[] {
	if (oneClusterPerCodePoint(text)) return [...text];
	if (text.length <= pieceLength) {
		const clusters = emojiClusters(text);
		if (clusters) return clusters;
	}

	segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
	if (text.length <= pieceLength) return Array.from(segmenter.segment(text), part => part.segment);
	const clusters: string[] = [];
	let start = 0;
	while (start < text.length) {
		let end = Math.min(text.length, start + pieceLength);
		const limit = Math.min(text.length, end + pieceSlack);
		while (end < limit && !certainBoundary(text, end)) end++;
		if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
		for (const part of segmenter.segment(text.slice(start, end))) clusters.push(part.segment);
		start = end;
	}

	return clusters;
}

const pictographic = /^\p{Extended_Pictographic}$/u;
const han = /^\p{Script=Han}$/u;
/** Grapheme_Cluster_Break=Prepend: never followed by a boundary. */
const prepend =
	/^[\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u0D4E\u{110BD}\u{110CD}\u{111C2}\u{111C3}\u{1193F}\u{11941}\u{11A3A}\u{11A84}-\u{11A89}\u{11D46}\u{11F02}]$/u;

/**
 * True when a grapheme cluster boundary is certain before index `at`: before
 * an ASCII character (but not LF after CR) or a pictograph (but not after a
 * zero-width joiner), unless a prepended mark comes before it; or between two
 * Han ideographs.
 */
function certainBoundary(text: string, at: number): boolean {
	const before = text.charCodeAt(at - 1);
	const after = text.charCodeAt(at);
	if (before < 0x80 && after < 0x80) return !(before === 0x0d && after === 0x0a);
	if (isLowSurrogate(after)) return false;
	const previous = isLowSurrogate(before) && at >= 2 ? text.slice(at - 2, at) : text.charAt(at - 1);
	if (after < 0x80) return !prepend.test(previous);
	const next = String.fromCodePoint(text.codePointAt(at)!);
	if (pictographic.test(next)) return before !== 0x20_0d && !prepend.test(previous);
	return han.test(next) && han.test(previous);
}

function isLowSurrogate(code: number): boolean {
	return code >= 0xdc_00 && code <= 0xdf_ff;
}
