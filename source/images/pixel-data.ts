/**
 * Whether an image file holds the pixel data its header promises, before a
 * decoder is trusted with it: walks a PNG's chunks, a JPEG's segments and the
 * entropy-coded data of its scans, a GIF's blocks up to the end of its first
 * frame. A file that ends before its structure does is cut short; a header
 * that claims more pixels than the data could hold at the format's best
 * compression is a lie (a 631-byte JPEG saying 6300x6300, a 35-byte GIF
 * saying 4000x4000), refused before any decoder allocates for it.
 *
 * The bounds, each the best case of the format, so that no real file comes
 * near them:
 * - PNG: deflate turns at most 1,032 bytes into one (a 258-byte match in two
 *   bits), so the filtered rows the header gives need at least 1/1032 of
 *   their size in IDAT data. Whether the data really inflates to that size,
 *   and no further (a deflate bomb), only inflating says: png-inflate.ts.
 * - JPEG: every 8x8 block of the full-size component costs at least one bit
 *   (its DC difference), in every kind of JPEG lectern decodes.
 * - GIF: each LZW code takes at least (minimum code size + 1) bits and stands
 *   for at most one pixel more than the code before it, never more than 4,096.
 *
 * Pure: bytes come from a ByteReader. Linear in the file's size.
 */
import {problem, type ByteReader, type ImageProblem} from './image-problem.js';

/** What was found: the compressed bytes, and for a PNG where they are (for an inflate check). */
export type PixelData = {readonly ok: true; readonly dataBytes: number; readonly png?: PngData};

/** Where a PNG's compressed pixel data is (offset and length of each IDAT chunk's data), and the size it must inflate to. */
export type PngData = {readonly idat: ReadonlyArray<readonly [offset: number, length: number]>; readonly inflatedBytes: number};

/** Most scans a JPEG may have (each is a pass over every block; a normal progressive JPEG has about ten). */
const maxJpegScans = 1000;

/** How many bytes each read while scanning takes. */
const readSize = 64 * 1024;

const u16be = (bytes: Uint8Array, at: number) => (bytes[at]! << 8) | bytes[at + 1]!;
const u16le = (bytes: Uint8Array, at: number) => bytes[at]! | (bytes[at + 1]! << 8);
const u32be = (bytes: Uint8Array, at: number) => ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;

function cannotHold(format: string, width: number, height: number, bytes: number): ImageProblem {
	return problem('corrupt', `corrupt ${format}: ${width}×${height} pixels cannot be held in ${bytes} bytes of image data`);
}

const cutShort = (format: string) => problem('corrupt', `corrupt ${format}: the file is cut short`);

// PNG ------------------------------------------------------------------------

const channels: Readonly<Record<number, number>> = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4};
/** Adam7's passes: first column, first row, column step, row step. */
const adam7 = [
	[0, 0, 8, 8],
	[4, 0, 8, 8],
	[0, 4, 4, 8],
	[2, 0, 4, 4],
	[0, 2, 2, 4],
	[1, 0, 2, 2],
	[0, 1, 1, 2],
] as const;

/** The size of a PNG's filtered rows (what its IDAT data inflates to). */
export function pngRowBytes(width: number, height: number, depth: number, colourType: number, interlaced: boolean): number {
	const bits = (channels[colourType] ?? 4) * depth;
	const rows = (columns: number, count: number) => (columns > 0 && count > 0 ? count * (1 + Math.ceil((columns * bits) / 8)) : 0);
	if (!interlaced) return rows(width, height);
	let total = 0;
	for (const [x, y, dx, dy] of adam7) total += rows(Math.ceil((width - x) / dx), Math.ceil((height - y) / dy));
	return total;
}

/** The most a deflate stream of `bytes` bytes can inflate to. */
const deflateLimit = (bytes: number) => bytes * 1032 + 1024;

/** A PNG's chunks from the signature to IEND (its header already read: 8 + 25 bytes). */
export function pngPixelData(head: Uint8Array, read: ByteReader, fileSize: number): PixelData | ImageProblem {
	const width = u32be(head, 16);
	const height = u32be(head, 20);
	const idat: Array<[number, number]> = [];
	let dataBytes = 0;
	for (let at = 8; ;) {
		if (at + 12 > fileSize) return cutShort('PNG');
		const chunk = read(at, 8);
		const length = u32be(chunk, 0);
		if (length > 0x7f_ff_ff_ff) return problem('corrupt', 'corrupt PNG: damaged chunk list');
		if (at + 12 + length > fileSize) return cutShort('PNG');
		const type = String.fromCharCode(...chunk.subarray(4, 8));
		if (type === 'IEND') break;
		if (type === 'IDAT') {
			idat.push([at + 8, length]);
			dataBytes += length;
		}

		at += 12 + length;
	}

	if (dataBytes === 0) return problem('corrupt', 'corrupt PNG: no pixel data');
	const inflatedBytes = pngRowBytes(width, height, head[24]!, head[25]!, head[28] === 1);
	if (inflatedBytes > deflateLimit(dataBytes)) return cannotHold('PNG', width, height, dataBytes);
	return {ok: true, dataBytes, png: {idat, inflatedBytes}};
}

// JPEG -----------------------------------------------------------------------

/**
 * A JPEG's segments and scans from its frame header (the segment at `from`)
 * to End Of Image, for a picture of `width` x `height`.
 */
export function jpegPixelData(read: ByteReader, fileSize: number, from: number, width: number, height: number): PixelData | ImageProblem {
	let dataBytes = 0;
	let scans = 0;
	let at = from;
	while (true) {
		if (at + 2 > fileSize) return cutShort('JPEG');
		const marker = read(at, 4);
		if (marker[0] !== 0xff) return problem('corrupt', 'corrupt JPEG: damaged segment list');
		const code = marker[1]!;
		if (code === 0xd9) break;
		if (code === 0xff) {
			at++;
			continue;
		}

		if (code === 0x01 || (code >= 0xd0 && code <= 0xd7)) {
			at += 2;
			continue;
		}

		if (at + 4 > fileSize) return cutShort('JPEG');
		const length = u16be(marker, 2);
		if (length < 2 || at + 2 + length > fileSize) return cutShort('JPEG');
		at += 2 + length;
		if (code !== 0xda) continue;
		if (++scans > maxJpegScans) return problem('corrupt', `corrupt JPEG: over ${maxJpegScans} scans`);
		// Entropy-coded data: up to the next marker that is not a stuffed 0xFF00 or a restart marker.
		const end = entropyEnd(read, fileSize, at);
		if (end === undefined) return cutShort('JPEG');
		dataBytes += end - at;
		at = end;
	}

	const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
	if (blocks > dataBytes * 8) return cannotHold('JPEG', width, height, dataBytes);
	return {ok: true, dataBytes};
}

/** Where the entropy-coded data starting at `from` ends (the offset of the marker after it); undefined at the end of the file. */
function entropyEnd(read: ByteReader, fileSize: number, from: number): number | undefined {
	for (let start = from; start < fileSize; start += readSize) {
		// One byte more than the block: a 0xFF at its end is judged by the byte after it.
		const bytes = read(start, readSize + 1);
		const last = Math.min(readSize, bytes.length);
		for (let index = bytes.indexOf(0xff); index !== -1 && index < last; index = bytes.indexOf(0xff, index + 1)) {
			const next = bytes[index + 1];
			if (next === undefined) return undefined;
			if (next === 0x00 || next === 0xff || (next >= 0xd0 && next <= 0xd7)) continue;
			return start + index;
		}
	}

	return undefined;
}

// GIF ------------------------------------------------------------------------

/** A GIF's blocks up to the end of its first frame, which must lie inside the logical screen of `width` x `height`. */
export function gifPixelData(read: ByteReader, fileSize: number, width: number, height: number): PixelData | ImageProblem {
	const screen = read(0, 13);
	let at = 13 + (screen[10]! & 0x80 ? 3 * (2 << (screen[10]! & 7)) : 0);
	while (true) {
		if (at >= fileSize) return cutShort('GIF');
		const kind = read(at, 1)[0];
		if (kind === 0x3b) return problem('corrupt', 'corrupt GIF: no picture in the file');
		if (kind === 0x21) {
			const end = subBlocksEnd(read, fileSize, at + 2);
			if (end === undefined) return cutShort('GIF');
			at = end.at;
			continue;
		}

		if (kind !== 0x2c) return problem('corrupt', 'corrupt GIF: damaged block list');
		if (at + 11 > fileSize) return cutShort('GIF');
		const frame = read(at + 1, 10);
		const [left, top, frameWidth, frameHeight] = [u16le(frame, 0), u16le(frame, 2), u16le(frame, 4), u16le(frame, 6)];
		if (left + frameWidth > width || top + frameHeight > height) return problem('corrupt', 'corrupt GIF: the first frame lies outside the picture');
		const flags = frame[8]!;
		const dataAt = at + 10 + (flags & 0x80 ? 3 * (2 << (flags & 7)) : 0);
		if (dataAt + 1 > fileSize) return cutShort('GIF');
		const codeSize = read(dataAt, 1)[0]!;
		if (codeSize < 1 || codeSize > 11) return problem('corrupt', 'corrupt GIF: damaged picture data');
		const end = subBlocksEnd(read, fileSize, dataAt + 1);
		if (end === undefined) return cutShort('GIF');
		const codes = Math.floor((end.bytes * 8) / (codeSize + 1));
		if (frameWidth * frameHeight > Math.min((codes * (codes + 1)) / 2, codes * 4096)) return cannotHold('GIF', frameWidth, frameHeight, end.bytes);
		return {ok: true, dataBytes: end.bytes};
	}
}

/** The end of a chain of sub-blocks starting at `from` (after its zero terminator), and the bytes of data in it. */
function subBlocksEnd(read: ByteReader, fileSize: number, from: number): {at: number; bytes: number} | undefined {
	let bytes = 0;
	let at = from;
	while (at < fileSize) {
		// Read ahead a block's worth: most chains are many short sub-blocks.
		const window = read(at, readSize);
		let offset = 0;
		while (offset < window.length) {
			const size = window[offset]!;
			if (size === 0) return at + offset + 1 <= fileSize ? {at: at + offset + 1, bytes} : undefined;
			bytes += size;
			offset += 1 + size;
		}

		at += offset;
	}

	return undefined;
}
