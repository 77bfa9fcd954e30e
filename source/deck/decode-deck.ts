/**
 * The bytes of a deck file as text: a UTF-8 BOM stripped, UTF-8 decoded (the
 * lines with invalid sequences reported), CRLF and lone CR turned into LF,
 * and mojibake repaired (mojibake.ts).
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
