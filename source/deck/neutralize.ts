/**
 * The neutralising funnel: deck text made safe to send to a terminal
 * (controls shown or dropped, tabs expanded). Everything lectern prints from
 * a deck, a file name or an option value passes through `neutralize`.
 *
 * Pure.
 */
import {cellWidth} from '../text/cell-width.js';

const tabStop = 4;
const drop = 0;

/**
 * The code unit `neutralize` puts in place of each UTF-16 code unit: itself
 * when it is safe (tab included; tabs are expanded afterwards), a visible or
 * harmless stand-in, or `drop` (0, which can never be a stand-in since NUL
 * shows as `␀`). Nothing outside the BMP needs changing.
 */
let substitutesMade: Uint16Array | undefined;
/** Built on first need (a deck with nothing to neutralise never needs it): 65,536 entries take some 2 ms before the first frame. */
const substitutes = () => (substitutesMade ??= buildSubstitutes());

/** Every code unit `substitutes` changes, and tab: test/deck/text-hygiene.test.ts checks the two agree on all 65,536. */
export const unsafeUnit = /[\0-\x09\x0B-\x1F\x7F-\x9F\u00AD\u061C\u180E\u200B\u200E\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]/;

/** Whether `neutralize` changes a code unit (tabs are expanded), straight from the table. */
export function changesUnit(code: number): boolean {
	return substitutes()[code] !== code || code === 0x09;
}

function buildSubstitutes(): Uint16Array {
	const table = new Uint16Array(0x1_00_00);
	for (let code = 0; code < table.length; code++) table[code] = code; // Not Uint16Array.from with a callback: that takes 2 ms at start-up.
	for (let code = 0x00; code <= 0x1f; code++) table[code] = 0x2400 + code; // Control Pictures: ESC is ␛
	table[0x09] = 0x09;
	table[0x0a] = 0x0a;
	table[0x7f] = 0x2421; // ␡
	table.fill(0xfffd, 0x80, 0xa0); // C1 controls
	table.fill(0x20, 0x2028, 0x202a); // Line and paragraph separators
	const invisible: Array<[number, number]> = [
		[0x00ad, 0x00ad], // Soft hyphen
		[0x061c, 0x061c], // Arabic letter mark
		[0x180e, 0x180e], // Mongolian vowel separator
		[0x200b, 0x200b], // Zero-width space
		[0x200e, 0x200f], // Left-to-right and right-to-left marks
		[0x202a, 0x202e], // Bidi embeddings and overrides
		[0x2060, 0x2064], // Word joiner, invisible operators
		[0x2066, 0x2069], // Bidi isolates
		[0x206a, 0x206f], // Deprecated format characters
		[0xfeff, 0xfeff], // Zero-width no-break space (a stray BOM)
		[0xfff9, 0xfffb], // Interlinear annotation
	];
	for (const [from, to] of invisible) table.fill(drop, from, to + 1);
	return table;
}

/**
 * Makes deck text safe to send to a terminal. C0 controls (except tab and
 * newline) and DEL become visible Control Pictures (ESC shows as `␛`), C1
 * controls become U+FFFD, line and paragraph separators become spaces, bidi
 * controls and other invisible format characters are dropped, and tabs are
 * expanded to the next multiple of 4 columns. Joiners, variation selectors,
 * tag characters, emoji and all printable text are kept. Returns the input
 * itself when nothing needs changing.
 */
export function neutralize(text: string): string {
	const first = firstUnsafeIndex(text);
	if (first === -1) return text;
	const cleaned = text.slice(0, first) + substituteFrom(text, first);
	return cleaned.includes('\t') ? expandTabs(cleaned) : cleaned;
}

/** Index of the first code unit that needs changing (a tab counts), or -1. */
function firstUnsafeIndex(text: string): number {
	return text.search(unsafeUnit);
}

/**
 * `text` from `start` on with every code unit substituted, written into a
 * buffer, so that a text full of escape sequences is not built from
 * millions of small slices.
 */
function substituteFrom(text: string, start: number): string {
	const table = substitutes();
	const units = new Uint16Array(text.length - start);
	let length = 0;
	for (let index = start; index < text.length; index++) {
		const unit = table[text.charCodeAt(index)]!;
		if (unit !== drop) units[length++] = unit;
	}

	return stringFromUnits(units.subarray(0, length));
}

function stringFromUnits(units: Uint16Array): string {
	const chunkSize = 8192;
	const chunks: string[] = [];
	for (let offset = 0; offset < units.length; offset += chunkSize) {
		// `apply` takes any array-like (and is far faster than spreading); the cast is for its type only.
		const chunk = units.subarray(offset, offset + chunkSize) as unknown as number[];
		chunks.push(String.fromCharCode.apply(undefined, chunk));
	}

	return chunks.join('');
}

/** Replaces each tab with spaces up to the next multiple of `tabStop` columns of its line. */
function expandTabs(text: string): string {
	return text
		.split('\n')
		.map(line => (line.includes('\t') ? expandLineTabs(line) : line))
		.join('\n');
}

function expandLineTabs(line: string): string {
	const pieces = line.split('\t');
	let column = 0;
	let result = '';
	for (const [index, piece] of pieces.entries()) {
		result += piece;
		column += displayWidth(piece);
		if (index === pieces.length - 1) break;
		const spaces = tabStop - (column % tabStop);
		result += ' '.repeat(spaces);
		column += spaces;
	}

	return result;
}

/** After neutralising, every code unit from U+0020 to U+02FF is one column wide. */
const narrowText = /^[\u0020-\u02FF]*$/;

function displayWidth(text: string): number {
	return narrowText.test(text) ? text.length : cellWidth(text);
}
