/**
 * Text hygiene: turning the bytes of a deck file into text that is safe to show.
 *
 * Pure: no I/O, no Ink. Decoding (BOM, UTF-8, line ends), mojibake repair,
 * neutralising control characters before they reach a terminal, and a few
 * small checks (binary files, link targets).
 */
import singleByteData from 'iconv-lite/encodings/sbcs-data-generated.js';
import stringWidth from 'string-width';
import type {Repair} from './model.js';

type SingleByteEncoding = Repair['encoding'];

const utf8Bom = [0xef, 0xbb, 0xbf] as const;
const lineFeed = 0x0a;
const carriageReturn = 0x0d;

/** Throws on invalid UTF-8; keeps a BOM as U+FEFF. Reusable: each `decode` call stands alone. */
const strictUtf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true});
/** Decodes invalid UTF-8 as U+FFFD; keeps a BOM as U+FEFF. */
const lenientUtf8 = new TextDecoder('utf-8', {ignoreBOM: true});

// ---------------------------------------------------------------------------
// Decoding

/**
 * Decodes the bytes of a deck file: strips a UTF-8 BOM, decodes UTF-8 (invalid
 * sequences become U+FFFD, and the 1-based lines where that happened are
 * reported), turns CRLF and lone CR into LF, then repairs mojibake.
 */
export type DecodedDeck = {readonly text: string; readonly repair?: Repair; readonly invalidUtf8Lines: readonly number[]};

export function decodeDeckBytes(bytes: Uint8Array): DecodedDeck {
	const body = hasUtf8Bom(bytes) ? bytes.subarray(utf8Bom.length) : bytes;
	const {text: decoded, invalidUtf8Lines} = decodeUtf8(body);
	const {text, repair} = repairMojibake(normalizeLineEnds(decoded));
	const result = stripBom(text);
	return repair ? {text: result, repair, invalidUtf8Lines} : {text: result, invalidUtf8Lines};
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
	return utf8Bom.every((byte, index) => bytes[index] === byte);
}

function stripBom(text: string): string {
	return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

function normalizeLineEnds(text: string): string {
	return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Decodes UTF-8, replacing invalid sequences, and says on which lines they were. */
function decodeUtf8(bytes: Uint8Array): {text: string; invalidUtf8Lines: number[]} {
	try {
		return {text: strictUtf8.decode(bytes), invalidUtf8Lines: []};
	} catch {
		return {text: lenientUtf8.decode(bytes), invalidUtf8Lines: findInvalidUtf8Lines(bytes)};
	}
}

/**
 * Line numbers (1-based, counting CRLF, CR and LF as one line end each) of the
 * lines whose bytes are not valid UTF-8. Line-end bytes never occur inside a
 * multi-byte sequence, so each line can be checked on its own.
 */
function findInvalidUtf8Lines(bytes: Uint8Array): number[] {
	const lines: number[] = [];
	let line = 1;
	let start = 0;
	for (let index = 0; index <= bytes.length; index++) {
		const byte = bytes[index];
		if (index < bytes.length && byte !== lineFeed && byte !== carriageReturn) continue;
		if (!isValidUtf8(bytes.subarray(start, index))) lines.push(line);
		if (byte === carriageReturn && bytes[index + 1] === lineFeed) index++;
		start = index + 1;
		line++;
	}

	return lines;
}

function isValidUtf8(bytes: Uint8Array): boolean {
	try {
		strictUtf8.decode(bytes);
		return true;
	} catch {
		return false;
	}
}

// ---------------------------------------------------------------------------
// Mojibake

/** Tried in this order; the first convincing repair wins. */
const mojibakeEncodings: readonly SingleByteEncoding[] = ['macintosh', 'windows-1252'];

const reverseTables = new Map<SingleByteEncoding, Int16Array>();

/**
 * Repairs text whose UTF-8 bytes were decoded as Mac OS Roman or
 * Windows-1252/Latin-1 and saved again as UTF-8. The whole text is encoded
 * back to single bytes and decoded as UTF-8; the result is used only when the
 * round trip is lossless, the result is plausible text, and the evidence is
 * clear (see `convincingRepairCount`). Otherwise the text is returned as it is.
 */
export function repairMojibake(text: string): {text: string; repair?: Repair} {
	if (isAscii(text)) return {text};
	for (const encoding of mojibakeEncodings) {
		const repaired = roundTrip(text, encoding);
		if (repaired === undefined || repaired === text) continue;
		const characters = convincingRepairCount(repaired);
		if (characters > 0) return {text: repaired, repair: {encoding, characters}};
	}

	return {text};
}

function isAscii(text: string): boolean {
	return !/[^\0-\x7F]/.test(text);
}

/** Encodes `text` with `encoding` and decodes the bytes as strict UTF-8; undefined when either step fails. */
function roundTrip(text: string, encoding: SingleByteEncoding): string | undefined {
	const bytes = encodeSingleByte(text, reverseTable(encoding));
	if (!bytes) return undefined;
	try {
		return strictUtf8.decode(bytes);
	} catch {
		return undefined;
	}
}

function encodeSingleByte(text: string, table: Int16Array): Uint8Array | undefined {
	const bytes = new Uint8Array(text.length);
	for (let index = 0; index < text.length; index++) {
		const byte = table[text.charCodeAt(index)] ?? -1;
		if (byte < 0) return undefined;
		bytes[index] = byte;
	}

	return bytes;
}

/**
 * Maps each UTF-16 code unit to the byte `encoding` decodes it from (or -1),
 * built from iconv-lite's decoding of all 256 bytes (and the NFC form of each
 * of those characters), plus the bytes iconv-lite leaves undefined (it decodes
 * them as U+FFFD) as other tools decode them (`addUndefinedBytes`).
 */
function reverseTable(encoding: SingleByteEncoding): Int16Array {
	let table = reverseTables.get(encoding);
	if (table) return table;
	table = new Int16Array(0x1_00_00).fill(-1);
	const characters = singleByteText(Uint8Array.from({length: 256}, (_, byte) => byte), encoding);
	for (let byte = 0; byte < 256; byte++) {
		const character = characters.charAt(byte);
		if (character === '\uFFFD') continue;
		table[character.charCodeAt(0)] = byte;
		// Editors may normalise: iconv-lite reads Mac 0xBD as U+2126 OHM SIGN,
		// Apple's current table (and the reference deck) as U+03A9, its NFC form.
		const composed = character.normalize('NFC');
		if (composed.length === 1 && table[composed.charCodeAt(0)] === -1) table[composed.charCodeAt(0)] = byte;
	}

	addUndefinedBytes(table, encoding);
	reverseTables.set(encoding, table);
	return table;
}

/**
 * Decodes single bytes with iconv-lite's tables for the two encodings (its
 * generated single-byte data, imported alone: the whole library, with its
 * CJK tables, would add half a megabyte to the bundle).
 */
function singleByteText(bytes: Uint8Array, encoding: SingleByteEncoding): string {
	const high = singleByteData[encoding === 'macintosh' ? 'macintosh' : 'windows1252']?.chars ?? '';
	return Array.from(bytes, byte => (byte < 0x80 ? String.fromCharCode(byte) : (high[byte - 0x80] ?? '\uFFFD'))).join('');
}

/**
 * Mac OS Roman 0xF0 is the Apple logo, U+F8FF (private use) in Apple's own
 * mapping and in the reference deck; iconv-lite leaves it undefined, yet it is
 * the lead byte of every 4-byte sequence (all emoji). Windows-1252 leaves
 * 0x81 0x8D 0x8F 0x90 0x9D undefined, and tools pass them through as C1
 * characters, so every C1 character maps to the byte of the same value (the
 * Latin-1 way).
 */
function addUndefinedBytes(table: Int16Array, encoding: SingleByteEncoding): void {
	if (encoding === 'macintosh') {
		table[0xf8ff] = 0xf0;
		return;
	}

	for (let code = 0x80; code <= 0x9f; code++) if (table[code] === -1) table[code] = code;
}

const unwantedInRepair = /[\p{Co}\p{Cn}\u0080-\u009F\uFFFD]/u;
const combiningMark = /\p{M}/u;
const beyondAscii = /[^\0-\x7F]/gu;
const whitespace = /\s/u;

/**
 * How many multi-byte characters a repair restored, or 0 when the repair is
 * not convincing. Every non-ASCII character of the repaired text was restored
 * (ASCII bytes are the same in all three encodings, so no C0 control can be
 * introduced). A repair is rejected when it introduces U+FFFD, C1 controls,
 * private-use or unassigned code points, or a combining mark at the start of
 * a line or after whitespace. It is convincing with at least two restored
 * characters, or one at U+0100 or above. Combining marks count as restored
 * but not as evidence: reading cp1252 mojibake (`cafÃ©`) as Mac Roman
 * "repairs" every `Ã©` into U+0329, a mark glued to the letter before it.
 */
function convincingRepairCount(repaired: string): number {
	let restored = 0;
	let evidence = 0;
	let strongEvidence = false;
	// Only the characters beyond ASCII matter: found by a search, not a walk over every character.
	for (const match of repaired.matchAll(beyondAscii)) {
		const character = match[0];
		if (unwantedInRepair.test(character)) return 0;
		restored++;
		if (combiningMark.test(character)) {
			const previous = match.index === 0 ? '\n' : repaired[match.index - 1]!;
			if (previous === '\n' || whitespace.test(previous)) return 0;
		} else {
			evidence++;
			if (character.codePointAt(0)! >= 0x100) strongEvidence = true;
		}
	}

	return evidence >= 2 || strongEvidence ? restored : 0;
}

// ---------------------------------------------------------------------------
// Neutralising

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
	return narrowText.test(text) ? text.length : stringWidth(text);
}

// ---------------------------------------------------------------------------
// Checks

const binarySampleSize = 8192;
const latin1 = new TextDecoder('latin1');
/** C0 controls other than tab, LF, FF, CR and ESC (NUL is found before). */
const binaryControls = /[\x01-\x08\x0B\x0E-\x1A\x1C-\x1F]/g;

/**
 * True when the first 8 KiB look like a binary file: a NUL byte, or more than
 * 10% of bytes that are C0 controls other than tab, LF, CR, FF and ESC (so a
 * deck with a few escape sequences in it still counts as text).
 */
export function isProbablyBinary(bytes: Uint8Array): boolean {
	const sample = bytes.subarray(0, binarySampleSize);
	if (sample.includes(0)) return true;
	// Counted by a regular expression over the bytes as Latin-1 text: a loop over the bytes, run
	// once and so never optimised, took 1-2 ms before the first frame.
	const controls = latin1.decode(sample).match(binaryControls)?.length ?? 0;
	return controls > sample.length * 0.1;
}

const linkProtocols = new Set(['http:', 'https:', 'mailto:', 'file:']);
const unsafeInLink = /[\s\p{Cc}\p{Cf}]/u;

/**
 * The trimmed URL when it is an absolute http:, https:, mailto: or file: URL
 * with no control, format (e.g. bidi) or whitespace characters in it;
 * otherwise undefined. Use it before emitting a terminal hyperlink.
 */
export function safeLinkTarget(url: string): string | undefined {
	const trimmed = url.trim();
	if (trimmed === '' || unsafeInLink.test(trimmed)) return undefined;
	try {
		return linkProtocols.has(new URL(trimmed).protocol) ? trimmed : undefined;
	} catch {
		return undefined;
	}
}
