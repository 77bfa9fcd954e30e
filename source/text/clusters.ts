/**
 * Code points that are grapheme clusters on their own, and their widths: the
 * common case (ASCII, CJK, most symbols and emoji) measured and split without
 * Intl.Segmenter or the RGI emoji expression, whose first use costs some 30 ms.
 */
import {eastAsianWidth} from 'get-east-asian-width';

/**
 * Characters that form a grapheme cluster alone whatever comes before or after
 * them (Unicode TR29): visible letters, digits, punctuation, symbols and spaces,
 * but not Hangul jamo or syllables (they combine with each other), regional
 * indicators (flags are pairs), emoji modifiers, and the letters (Lo) that are
 * spacing marks or prepended. Everything that attaches to a neighbour (marks,
 * joiners, variation selectors, format characters, controls) is outside this
 * class, so a string made only of these has one cluster per code point
 * (test/text/graphemes.test.ts checks every code point of planes 0-3 against
 * Intl.Segmenter).
 */
// eslint-disable-next-line prefer-regex-literals -- the v flag below
export const aloneExpression = new RegExp(
	String.raw`^[[\p{L}\p{N}\p{P}\p{S}\p{Zs}]--[\p{Default_Ignorable_Code_Point}\p{Regional_Indicator}\p{Emoji_Modifier}\u1100-\u11FF\u3130-\u318F\uA960-\uA97F\uAC00-\uD7FF\uFF9E\uFF9F\u0E33\u0EB3\u0D4E\u{111C2}\u{111C3}\u{1193F}\u{11941}\u{11A3A}\u{11A84}-\u{11A89}\u{11D46}\u{11F02}\u{113D1}\u{16D63}\u{16D67}-\u{16D6A}]]*$`,
	'v', // Set difference (--) needs the v flag, which TypeScript's es2022 target does not allow in a literal.
);

/**
 * Blocks wholly inside `aloneExpression`, checked code unit by code unit before the
 * expression is needed (compiling it takes a millisecond or two, before the
 * first frame): Latin, general punctuation, arrows, mathematical and technical
 * symbols, box drawing, shapes, dingbats, CJK ideographs. The test checks each
 * of these code points against the expression.
 */
export const aloneBlocks: ReadonlyArray<readonly [number, number]> = [
	[0x20, 0x7e],
	[0xa0, 0xac],
	[0xae, 0x2ff],
	[0x20_10, 0x20_27],
	[0x20_30, 0x20_5e],
	[0x21_90, 0x23_ff],
	[0x25_00, 0x27_bf],
	[0x4e_00, 0x9f_ff],
];

function inAloneBlocks(code: number): boolean {
	for (const [from, to] of aloneBlocks) if (code >= from && code <= to) return true;
	return false;
}

/** True when every code point of `text` is a grapheme cluster of its own (ASCII, CJK, most symbols and emoji). */
export function oneClusterPerCodePoint(text: string): boolean {
	let index = 0;
	while (index < text.length && inAloneBlocks(text.charCodeAt(index))) index++;
	return index === text.length || aloneExpression.test(text);
}

/** A one-code-point cluster that is an RGI emoji: drawn two cells wide. */
const emojiPresentation = /\p{Emoji_Presentation}/u;
/** ⌚, the first of them: below it no character needs the expression. */
const firstEmojiPresentation = 0x23_1a;

/**
 * Cells taken by a text of one-code-point clusters (see `oneClusterPerCodePoint`),
 * by string-width's rule for such a cluster: two for an emoji, else its East
 * Asian width.
 */
export function oneClusterWidths(text: string): number {
	let width = 0;
	for (const character of text) {
		const code = character.codePointAt(0)!;
		width += code >= firstEmojiPresentation && emojiPresentation.test(character) ? 2 : eastAsianWidth(code);
	}
	return width;
}

/** Grapheme_Cluster_Break=Extend characters of emoji: variation selectors, skin tones, the keycap, tags. */
const emojiExtend = /^[\uFE00-\uFE0F\u{1F3FB}-\u{1F3FF}\u20E3\u{E0020}-\u{E007F}]$/u;
const regionalIndicator = /^\p{Regional_Indicator}$/u;
const pictographic = /^\p{Extended_Pictographic}$/u;
/** The end of a cluster a zero-width joiner joins the next pictograph to: a pictograph, its extenders, the joiner. */
const joinable = /\p{Extended_Pictographic}[\uFE00-\uFE0F\u{1F3FB}-\u{1F3FF}\u20E3\u{E0020}-\u{E007F}]*\u200D$/u;

/**
 * The grapheme clusters of a text of one-code-point clusters and emoji
 * sequences (variation selectors, skin tones, keycaps, tags, zero-width
 * joiners, flags), by the rules of TR29 for these characters (GB9, GB11,
 * GB12-13); undefined for any other text, which needs Intl.Segmenter.
 */
export function emojiClusters(text: string): string[] | undefined {
	const clusters: string[] = [];
	let last = '';
	for (const character of text) {
		if (character === '\u200D' || emojiExtend.test(character)) {
			// GB9: extenders and the joiner stay with what comes before them.
			if (clusters.length === 0) clusters.push(character);
			else clusters[clusters.length - 1] += character;
		} else if (regionalIndicator.test(character)) {
			// GB12-13: flags are pairs.
			if (clusters.length > 0 && regionalIndicator.test(last) && clusters.at(-1) === last) clusters[clusters.length - 1] += character;
			else clusters.push(character);
		} else if (aloneExpression.test(character)) {
			// GB11: a joiner joins two pictographs.
			if (clusters.length > 0 && pictographic.test(character) && joinable.test(clusters.at(-1)!)) clusters[clusters.length - 1] += character;
			else clusters.push(character);
		} else {
			return undefined;
		}

		last = character;
	}

	return clusters;
}
