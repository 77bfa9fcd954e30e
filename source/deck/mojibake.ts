/**
 * Mojibake repair: text whose UTF-8 bytes were once read as Mac OS Roman or
 * Windows-1252 and saved again as UTF-8 (`ðŸ’ª` for 💪) is turned back, when
 * the evidence is clear.
 *
 * Pure.
 */
import singleByteData from 'iconv-lite/encodings/sbcs-data-generated.js';
import type {Repair} from './model.js';

type SingleByteEncoding = Repair['encoding'];

/** Throws on invalid UTF-8. Reusable: each `decode` call stands alone. */
const strictUtf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true});

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
	const characters = singleByteText(
		Uint8Array.from({length: 256}, (_, byte) => byte),
		encoding,
	);
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
