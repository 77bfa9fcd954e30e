/**
 * The bytes of a deck file as text: a UTF-8 BOM stripped, UTF-8 decoded (the
 * lines with invalid sequences reported), or UTF-16 when a byte order mark
 * says so (as editors on Windows save), CRLF and lone CR turned into LF,
 * mojibake repaired (mojibake.ts), and the lines with NUL characters reported
 * (the binary check looks at the first 8 KiB only).
 *
 * Pure.
 */
import type {Repair} from './model.js';
import {repairMojibake} from './mojibake.js';

const utf8Bom = [0xef, 0xbb, 0xbf] as const;
const lineFeed = 0x0a;
const carriageReturn = 0x0d;

/** Throws on invalid UTF-8; keeps a BOM as U+FEFF. Reusable: each `decode` call stands alone. */
const strictUtf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true});
/** Decodes invalid UTF-8 as U+FFFD; keeps a BOM as U+FEFF. */
const lenientUtf8 = new TextDecoder('utf-8', {ignoreBOM: true});

/**
 * Decodes the bytes of a deck file: strips a UTF-8 BOM, decodes UTF-8 (invalid
 * sequences become U+FFFD, and the 1-based lines where that happened are
 * reported), turns CRLF and lone CR into LF, then repairs mojibake.
 */
export type DecodedDeck = {
	readonly text: string;
	readonly repair?: Repair;
	/** Lines with bytes that are not valid UTF-8 (or, in UTF-16, unpaired surrogates). */
	readonly invalidUtf8Lines: readonly number[];
	/** Lines with NUL characters (shown as ␀). */
	readonly nulLines: readonly number[];
	/** Set when the file is UTF-16, from its byte order mark. */
	readonly utf16?: Utf16;
};

export type Utf16 = 'utf-16le' | 'utf-16be';

export function decodeDeckBytes(bytes: Uint8Array): DecodedDeck {
	const utf16 = utf16Encoding(bytes);
	const body = hasUtf8Bom(bytes) ? bytes.subarray(utf8Bom.length) : utf16 ? bytes.subarray(2) : bytes;
	const {text: decoded, invalidUtf8Lines} = utf16 ? decodeUtf16(body, utf16) : decodeUtf8(body);
	const {text, repair} = repairMojibake(normalizeLineEnds(decoded));
	const result = stripBom(text);
	const found = {text: result, invalidUtf8Lines, nulLines: linesWith(result, '\u0000'), ...(utf16 ? {utf16} : {})};
	return repair ? {...found, repair} : found;
}

/** UTF-16 from its byte order mark (FF FE little-endian, FE FF big-endian; FF FE 00 00 is UTF-32, not read). */
export function utf16Encoding(bytes: Uint8Array): Utf16 | undefined {
	if (bytes[0] === 0xff && bytes[1] === 0xfe && !(bytes[2] === 0 && bytes[3] === 0)) return 'utf-16le';
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
	return undefined;
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
	return utf8Bom.every((byte, index) => bytes[index] === byte);
}

/** UTF-16 text; unpaired surrogates (and a last odd byte) become U+FFFD, and their lines are reported. */
function decodeUtf16(bytes: Uint8Array, encoding: Utf16): {text: string; invalidUtf8Lines: number[]} {
	try {
		return {text: new TextDecoder(encoding, {fatal: true, ignoreBOM: true}).decode(bytes), invalidUtf8Lines: []};
	} catch {
		const text = new TextDecoder(encoding, {ignoreBOM: true}).decode(bytes);
		return {text, invalidUtf8Lines: linesWith(normalizeLineEnds(text), '\uFFFD')};
	}
}

/** The 1-based numbers of the lines of `text` that hold `character`. */
function linesWith(text: string, character: string): number[] {
	const lines: number[] = [];
	let line = 1;
	let from = 0;
	for (let at = text.indexOf(character); at !== -1; at = text.indexOf(character, at + 1)) {
		for (let end = text.indexOf('\n', from); end !== -1 && end < at; end = text.indexOf('\n', end + 1)) {
			line++;
			from = end + 1;
		}

		if (lines.at(-1) !== line) lines.push(line);
	}

	return lines;
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
