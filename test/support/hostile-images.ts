/**
 * Hostile image files made from code, for the tests (nothing here is
 * committed as a fixture): tiny files whose headers claim huge pictures,
 * files cut short, and a PNG whose compressed pixel data inflates far past
 * the size its header gives (a deflate bomb).
 */
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {constants, deflateRawSync} from 'node:zlib';
import jpeg from 'jpeg-js';
import omggif from 'omggif';

function crc32(bytes: Uint8Array): number {
	let crc = 0xff_ff_ff_ff;
	for (const byte of bytes) {
		crc ^= byte;
		for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xed_b8_83_20 ^ (crc >>> 1) : crc >>> 1;
	}

	return (crc ^ 0xff_ff_ff_ff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
	const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	const out = Buffer.alloc(body.length + 8);
	out.writeUInt32BE(data.length, 0);
	body.copy(out, 4);
	out.writeUInt32BE(crc32(body), body.length + 4);
	return out;
}

/**
 * A zlib stream of `length` zero bytes, built from one compressed megabyte
 * repeated (each copy refers back only to zeros), so a stream of gigabytes
 * costs a few kilobytes and no time to make.
 */
export function zerosStream(length: number): Buffer {
	const mega = 1 << 20;
	const pieces: Buffer[] = [Buffer.from([0x78, 0xda])];
	const whole = deflateRawSync(Buffer.alloc(mega), {level: 9, finishFlush: constants.Z_SYNC_FLUSH});
	for (let index = 0; index < Math.floor(length / mega); index++) pieces.push(whole);
	if (length % mega) pieces.push(deflateRawSync(Buffer.alloc(length % mega), {level: 9, finishFlush: constants.Z_SYNC_FLUSH}));
	// A last, empty block with fixed codes, then the Adler-32 of `length` zeros (a = 1, b = length).
	const adler = Buffer.alloc(4);
	adler.writeUInt32BE((((length % 65_521) << 16) | 1) >>> 0);
	pieces.push(Buffer.from([0x03, 0x00]), adler);
	return Buffer.concat(pieces);
}

/** A PNG of `width` x `height` (colour type and bit depth as given) whose IDAT holds `stream`. */
export function pngWithStream(
	width: number,
	height: number,
	stream: Uint8Array,
	options: {colourType?: number; depth?: number; interlaced?: boolean} = {},
): Buffer {
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr.set([options.depth ?? 8, options.colourType ?? 6, 0, 0, options.interlaced ? 1 : 0], 8);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', stream),
		chunk('IEND', new Uint8Array(0)),
	]);
}

/** A PNG one pixel wide and `height` tall (1-bit grey), all black, its data as small as deflate makes it: 1x39,000,000 is about 76 KB. */
function tallPng(height: number): Buffer {
	return pngWithStream(1, height, zerosStream(height * 2), {colourType: 0, depth: 1});
}

/** A 64x64 interlaced PNG whose pixel data inflates to `inflatedBytes` bytes (a deflate bomb: the image needs about 16 KB). */
export function bombPng(inflatedBytes: number): Buffer {
	return pngWithStream(64, 64, zerosStream(inflatedBytes), {interlaced: true});
}

/** A sound 8x8 JPEG (about 600 bytes) with its frame header changed to say `width` x `height`. */
function tinyJpegClaiming(width: number, height: number): Buffer {
	const bytes = Buffer.from(jpegPicture(8, 8, 50));
	const sof = bytes.indexOf(Buffer.from([0xff, 0xc0]));
	bytes.writeUInt16BE(height, sof + 5);
	bytes.writeUInt16BE(width, sof + 7);
	return bytes;
}

/** A GIF of 35 bytes whose one frame says `width` x `height` and holds three LZW codes. */
function tinyGifClaiming(width: number, height: number): Buffer {
	const screen = Buffer.alloc(13);
	screen.write('GIF89a', 0, 'latin1');
	screen.writeUInt16LE(width, 6);
	screen.writeUInt16LE(height, 8);
	screen[10] = 0x80; // A global palette of two colours.
	const frame = Buffer.alloc(10);
	frame[0] = 0x2c;
	frame.writeUInt16LE(width, 5);
	frame.writeUInt16LE(height, 7);
	// LZW minimum code size 2; codes clear (4), 0, end (5) at 3 bits each: 100 000 101.
	return Buffer.concat([screen, Buffer.from([0, 0, 0, 255, 255, 255]), frame, Buffer.from([2, 2, 0x04, 0x01, 0, 0x3b])]);
}

/** A JPEG of noise (so that it does not compress to nothing), `width` x `height`. */
function jpegPicture(width: number, height: number, quality = 90): Uint8Array {
	return jpeg.encode({width, height, data: noise(width, height)}, quality).data;
}

/** A GIF of noise in 4 colours, `width` x `height`. */
function gifPicture(width: number, height: number): Uint8Array {
	const pixels = new Uint8Array(width * height);
	let seed = 7;
	for (let index = 0; index < pixels.length; index++) {
		seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
		pixels[index] = seed >>> 29;
	}

	const buffer = Buffer.alloc(width * height * 2 + 1024);
	const writer = new omggif.GifWriter(buffer, width, height, {
		palette: [0, 0xff_00_00, 0x00_ff_00, 0x00_00_ff, 0xff_ff_00, 0xff_00_ff, 0x00_ff_ff, 0xff_ff_ff],
	});
	writer.addFrame(0, 0, width, height, [...pixels]);
	return buffer.subarray(0, writer.end());
}

function noise(width: number, height: number): Buffer {
	const data = Buffer.alloc(width * height * 4);
	let seed = 11;
	for (let index = 0; index < data.length; index++) {
		seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
		data[index] = index % 4 === 3 ? 255 : seed >>> 23;
	}

	return data;
}

/** Each hostile image, by file name, and what `check` is to say about it. */
export function hostileImages(): Array<{readonly name: string; readonly bytes: Uint8Array; readonly reason: RegExp}> {
	const jpegWhole = jpegPicture(64, 64);
	const gifWhole = gifPicture(64, 64);
	return [
		{name: 'claims-6300x6300.jpg', bytes: tinyJpegClaiming(6300, 6300), reason: /6300×6300 \(39\.7 megapixels\), over the 16 megapixel limit/},
		{name: 'claims-4000x4000.jpg', bytes: tinyJpegClaiming(4000, 4000), reason: /corrupt JPEG: 4000×4000 pixels cannot be held in \d+ bytes/},
		{name: 'claims-4000x4000.gif', bytes: tinyGifClaiming(4000, 4000), reason: /corrupt GIF: 4000×4000 pixels cannot be held in \d+ bytes/},
		{name: 'claims-4000x4000.png', bytes: pngWithStream(4000, 4000, zerosStream(1000)), reason: /corrupt PNG: 4000×4000 pixels cannot be held in \d+ bytes/},
		{name: 'tall-1x39M.png', bytes: tallPng(39_000_000), reason: /1×39000000 \(39 megapixels\), over the 16 megapixel limit/},
		{name: 'bomb.png', bytes: bombPng(256 * 1024 * 1024), reason: /corrupt PNG: the pixel data inflates past its size \(a deflate bomb\)/},
		{name: 'cut.jpg', bytes: jpegWhole.subarray(0, Math.floor(jpegWhole.length / 2)), reason: /corrupt JPEG: the file is cut short/},
		{name: 'cut.gif', bytes: gifWhole.subarray(0, Math.floor(gifWhole.length / 2)), reason: /corrupt GIF: the file is cut short/},
	];
}

/** Writes the hostile images into `folder`; returns their names. */
export function writeHostileImages(folder: string): string[] {
	const images = hostileImages();
	for (const image of images) writeFileSync(join(folder, image.name), image.bytes);
	return images.map(image => image.name);
}
