/**
 * Whether a file is a binary file rather than a deck, from its first bytes.
 *
 * Pure.
 */
import {utf16Encoding} from './decode-deck.js';

const binarySampleSize = 8192;
const latin1 = new TextDecoder('latin1');
/** C0 controls other than tab, LF, FF, CR and ESC (NUL is found before). */
const binaryControls = /[\x01-\x08\x0B\x0E-\x1A\x1C-\x1F]/g;

/**
 * True when the first 8 KiB look like a binary file (unless the file starts
 * with a UTF-16 byte order mark): a NUL byte, or more than
 * 10% of bytes that are C0 controls other than tab, LF, CR, FF and ESC (so a
 * deck with a few escape sequences in it still counts as text).
 */
export function isProbablyBinary(bytes: Uint8Array): boolean {
	// UTF-16 with its byte order mark is text (decode-deck.ts reads it); UTF-32 (FF FE 00 00) is not read.
	if (utf16Encoding(bytes)) return false;
	const sample = bytes.subarray(0, binarySampleSize);
	if (sample.includes(0)) return true;
	// Counted by a regular expression over the bytes as Latin-1 text: a loop over the bytes, run
	// once and so never optimised, took 1-2 ms before the first frame.
	const controls = latin1.decode(sample).match(binaryControls)?.length ?? 0;
	return controls > sample.length * 0.1;
}
