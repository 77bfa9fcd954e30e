/**
 * What an image file is, from its bytes: the format, the size in pixels, and
 * whether lectern can draw it (PNG, JPEG and the first frame of a GIF; not SVG
 * or other formats), within the limits, with the pixel data the header
 * promises (pixel-data.ts walks the file's structure; it never decodes).
 *
 * The limits are what a terminal can show, with room: the largest picture a
 * terminal draws is its window, at most a 5K screen (5120x2880, 14.7
 * megapixels); pictures sent with a terminal's protocol are at most 2048
 * pixels a side, half-blocks at most 2000x2000 (the 2,000x1,000-cell cap). 16
 * megapixels keeps every phone photo (12 megapixels, 4032x3024) and 4K and 5K
 * screenshots whole; 16,384 pixels a side is more than any screen, and keeps a
 * 1x16,000,000 strip (no terminal can show it) from costing what its rows
 * cost a decoder.
 *
 * Pure: the bytes come from a `read` function (a file read at an offset, or
 * a slice of a buffer already in memory).
 */
import {problem, type ByteReader, type ImageProblem} from './image-problem.js';
import {gifPixelData, jpegPixelData, pngPixelData, type PngData} from './pixel-data.js';

/** Files larger than this are not read. */
export const maxFileBytes = 20 * 1024 * 1024;
/** Images with more pixels than this are not decoded. */
export const maxPixels = 16_000_000;
/** Images longer than this on a side are not decoded. */
export const maxSide = 16_384;

export type ImageFormat = 'png' | 'jpeg' | 'gif';

export type ImageHeader = {
	readonly ok: true;
	readonly format: ImageFormat;
	/** The size as displayed (a JPEG's EXIF orientation applied). */
	readonly width: number;
	readonly height: number;
	/** EXIF orientation of a JPEG, 1 (as stored) to 8. */
	readonly orientation: number;
	/** A PNG's compressed pixel data and the size it inflates to. */
	readonly png?: PngData;
};

export function fileTooLarge(bytes: number): ImageProblem {
	const mb = (value: number) => value / (1024 * 1024);
	return problem('too-large', `the file is ${mb(bytes).toFixed(1)} MB, over the ${mb(maxFileBytes)} MB limit`);
}

/** The header of an image of `fileSize` bytes, or why it cannot be drawn. */
export function readImageHeader(read: ByteReader, fileSize: number, name = ''): ImageHeader | ImageProblem {
	if (fileSize > maxFileBytes) return fileTooLarge(fileSize);
	if (fileSize === 0) return problem('corrupt', 'the file is empty');
	const head = read(0, 512);
	let header: ImageHeader | ImageProblem;
	let at = 0;
	if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) header = pngHeader(head);
	else if (startsWith(head, [0xff, 0xd8, 0xff])) [header, at] = jpegHeader(read, fileSize);
	else if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') header = gifHeader(head);
	else return unsupported(head, name);
	if (!header.ok) return header;
	const {width, height} = header;
	const pixels = width * height;
	if (pixels > maxPixels) {
		return problem(
			'too-large',
			`the image is ${width}×${height} (${Math.round(pixels / 100_000) / 10} megapixels), over the ${maxPixels / 1_000_000} megapixel limit`,
		);
	}

	if (Math.max(width, height) > maxSide) return problem('too-large', `the image is ${width}×${height}, over the ${maxSide} pixel limit on a side`);
	const data =
		header.format === 'png'
			? pngPixelData(head, read, fileSize)
			: header.format === 'jpeg'
				? jpegPixelData(read, fileSize, at, width, height)
				: gifPixelData(read, fileSize, width, height);
	if (!data.ok) return data;
	return data.png ? {...header, png: data.png} : header;
}

/** A header read from bytes already in memory. */
export function imageHeaderOf(bytes: Uint8Array, name = ''): ImageHeader | ImageProblem {
	return readImageHeader((offset, length) => bytes.subarray(offset, offset + length), bytes.byteLength, name);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
	return prefix.every((value, index) => bytes[index] === value);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
	return String.fromCharCode(...bytes.subarray(start, end));
}

const u16be = (bytes: Uint8Array, at: number) => (bytes[at]! << 8) | bytes[at + 1]!;
const u16le = (bytes: Uint8Array, at: number) => bytes[at]! | (bytes[at + 1]! << 8);
const u32be = (bytes: Uint8Array, at: number) => ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;

// PNG ------------------------------------------------------------------------

const crcTable = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xed_b8_83_20 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}

	return table;
})();

function crc32(bytes: Uint8Array): number {
	let crc = 0xff_ff_ff_ff;
	for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
	return (crc ^ 0xff_ff_ff_ff) >>> 0;
}

/** Bit depths allowed for each PNG colour type. */
const pngDepths: Readonly<Record<number, readonly number[]>> = {0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16]};

function pngHeader(head: Uint8Array): ImageHeader | ImageProblem {
	if (head.length < 33 || u32be(head, 8) !== 13 || ascii(head, 12, 16) !== 'IHDR') return problem('corrupt', 'corrupt PNG: no image header');
	if (crc32(head.subarray(12, 29)) !== u32be(head, 29)) return problem('corrupt', 'corrupt PNG: the image header is damaged');
	const width = u32be(head, 16);
	const height = u32be(head, 20);
	const depth = head[24]!;
	const colourType = head[25]!;
	if (width === 0 || height === 0 || width > 0x7f_ff_ff_ff || height > 0x7f_ff_ff_ff) return problem('corrupt', 'corrupt PNG: impossible size');
	if (!pngDepths[colourType]?.includes(depth) || head[26] !== 0 || head[27] !== 0 || head[28]! > 1) {
		return problem('corrupt', 'corrupt PNG: unknown pixel format');
	}

	return {ok: true, format: 'png', width, height, orientation: 1};
}

// JPEG -----------------------------------------------------------------------

/** Frame markers jpeg-js decodes: baseline, extended and progressive Huffman. */
const decodableFrames = new Set([0xc0, 0xc1, 0xc2]);

/** The frame header, and where its segment starts. */
function jpegHeader(read: ByteReader, fileSize: number): [ImageHeader | ImageProblem, number] {
	let at = 2;
	let orientation = 1;
	// Segments up to the frame header; each is read on its own (an EXIF block can be large).
	for (let segments = 0; segments < 1000 && at + 4 <= fileSize; segments++) {
		const marker = read(at, 4);
		if (marker[0] !== 0xff) return [problem('corrupt', 'corrupt JPEG: damaged segment list'), at];
		const code = marker[1]!;
		if (code === 0xff) {
			at++; // Fill byte.
			continue;
		}

		if (code === 0x01 || (code >= 0xd0 && code <= 0xd7)) {
			at += 2;
			continue;
		}

		if (code === 0xd9 || code === 0xda) break;
		const length = u16be(marker, 2);
		if (length < 2 || at + 2 + length > fileSize) return [problem('corrupt', 'corrupt JPEG: the file is cut short'), at];
		if (code >= 0xc0 && code <= 0xcf && code !== 0xc4 && code !== 0xc8 && code !== 0xcc) {
			const frame = read(at + 4, 6);
			if (frame.length < 6) return [problem('corrupt', 'corrupt JPEG: the file is cut short'), at];
			if (!decodableFrames.has(code)) return [problem('unsupported', 'lossless, arithmetic-coded and hierarchical JPEGs are not supported'), at];
			if (frame[0] !== 8) return [problem('unsupported', `${frame[0]}-bit JPEGs are not supported`), at];
			const storedHeight = u16be(frame, 1);
			const storedWidth = u16be(frame, 3);
			if (storedWidth === 0 || storedHeight === 0) return [problem('corrupt', 'corrupt JPEG: impossible size'), at];
			const turned = orientation >= 5;
			return [{ok: true, format: 'jpeg', width: turned ? storedHeight : storedWidth, height: turned ? storedWidth : storedHeight, orientation}, at];
		}

		if (code === 0xe1 && length >= 16) orientation = exifOrientation(read(at + 4, Math.min(length - 2, 65_533))) ?? orientation;
		at += 2 + length;
	}

	return [problem('corrupt', 'corrupt JPEG: no frame header'), at];
}

/** The orientation tag (0x0112) of an APP1 `Exif` block, 1-8. */
function exifOrientation(data: Uint8Array): number | undefined {
	if (ascii(data, 0, 6) !== 'Exif\u0000\u0000') return undefined;
	const tiff = data.subarray(6);
	if (tiff.length < 8) return undefined;
	const little = ascii(tiff, 0, 2) === 'II';
	if (!little && ascii(tiff, 0, 2) !== 'MM') return undefined;
	const u16 = (at: number) => (little ? u16le(tiff, at) : u16be(tiff, at));
	const u32 = (at: number) => (little ? (u16le(tiff, at) | (u16le(tiff, at + 2) << 16)) >>> 0 : u32be(tiff, at));
	const ifd = u32(4);
	if (ifd + 2 > tiff.length) return undefined;
	const count = u16(ifd);
	for (let entry = 0; entry < count; entry++) {
		const at = ifd + 2 + entry * 12;
		if (at + 12 > tiff.length) return undefined;
		if (u16(at) === 0x01_12) {
			const value = u16(at + 8);
			return value >= 1 && value <= 8 ? value : undefined;
		}
	}

	return undefined;
}

// GIF ------------------------------------------------------------------------

function gifHeader(head: Uint8Array): ImageHeader | ImageProblem {
	if (head.length < 13) return problem('corrupt', 'corrupt GIF: the file is cut short');
	const width = u16le(head, 6);
	const height = u16le(head, 8);
	if (width === 0 || height === 0) return problem('corrupt', 'corrupt GIF: impossible size');
	return {ok: true, format: 'gif', width, height, orientation: 1};
}

// Everything else ------------------------------------------------------------

function unsupported(head: Uint8Array, name: string): ImageProblem {
	const kind = otherFormat(head, name);
	if (kind) return problem('unsupported', `${kind} pictures are not drawn (PNG, JPEG and GIF are)`);
	return problem('corrupt', 'not a PNG, JPEG or GIF image');
}

/** Formats recognised only to say so. */
function otherFormat(head: Uint8Array, name: string): string | undefined {
	const text = ascii(head, 0, head.length)
		.replace(/^\u00EF\u00BB\u00BF/, '')
		.trimStart();
	if (/\.svgz?$/i.test(name) || /^<svg[\s>]/i.test(text) || (/^<\?xml/i.test(text) && /<svg[\s>]/i.test(text))) return 'SVG';
	if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'WebP';
	if (ascii(head, 4, 8) === 'ftyp') {
		const brand = ascii(head, 8, 12);
		if (/^avi[fs]$/.test(brand)) return 'AVIF';
		if (/^(heic|heix|hevc|hevx|mif1|msf1)$/.test(brand)) return 'HEIC';
	}

	if (ascii(head, 0, 2) === 'BM') return 'BMP';
	if (ascii(head, 0, 4) === 'II*\u0000' || ascii(head, 0, 4) === 'MM\u0000*') return 'TIFF';
	if (ascii(head, 0, 5) === '%PDF-') return 'PDF';
	if (startsWith(head, [0, 0, 1, 0])) return 'ICO';
	return undefined;
}
