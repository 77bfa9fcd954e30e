import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, it} from 'node:test';
import type {RgbaImage} from '../../source/raster/scale.js';
import {decodeImage, maxKeptSide, orient, shrink} from '../../source/images/decoders.js';
import {imageHeaderOf} from '../../source/images/header.js';
import {checkImage, inspectImage, maxFileBytes, maxPixels, maxSide} from '../../source/images/index.js';
import {exifSegment, fixture, fixtureFolder, gifHeaderOnly, jpegHeaderOnly, pngHeaderOnly} from './helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'lectern-images-'));
after(() => rmSync(scratch, {recursive: true, force: true}));

function pixel(image: RgbaImage, x: number, y: number): number[] {
	const at = (y * image.width + x) * 4;
	return [...image.data.subarray(at, at + 4)];
}

function decoded(bytes: Uint8Array, name = ''): RgbaImage {
	const result = decodeImage(bytes, name);
	assert.ok(result.ok, result.ok ? '' : result.reason);
	return result.image;
}

function assertPixelNear(actual: number[], expected: number[], tolerance: number, label: string): void {
	assert.ok(
		actual.every((value, index) => Math.abs(value - expected[index]!) <= tolerance),
		`${label}: ${actual.join(',')} is not within ${tolerance} of ${expected.join(',')}`,
	);
}

const red = [255, 0, 0, 255];
const green = [0, 255, 0, 255];
const blue = [0, 0, 255, 255];
const yellow = [255, 255, 0, 255];

describe('decoding', () => {
	it('decodes a PNG to RGBA with its quadrant colours', () => {
		const image = decoded(readFileSync(fixture('quadrants.png')));
		assert.deepEqual([image.width, image.height], [64, 32]);
		assert.deepEqual(pixel(image, 5, 5), red);
		assert.deepEqual(pixel(image, 60, 5), green);
		assert.deepEqual(pixel(image, 5, 30), blue);
		assert.deepEqual(pixel(image, 60, 30), yellow);
	});

	it('decodes a JPEG (colours within compression error)', () => {
		const image = decoded(readFileSync(fixture('quadrants.jpg')));
		assert.deepEqual([image.width, image.height], [64, 32]);
		assertPixelNear(pixel(image, 8, 8), red, 8, 'top left');
		assertPixelNear(pixel(image, 56, 8), green, 8, 'top right');
		assertPixelNear(pixel(image, 8, 24), blue, 8, 'bottom left');
		assertPixelNear(pixel(image, 56, 24), yellow, 8, 'bottom right');
	});

	it('decodes the first frame of a GIF (the second is all black)', () => {
		const image = decoded(readFileSync(fixture('two-frames.gif')));
		assert.deepEqual([image.width, image.height], [64, 32]);
		assert.deepEqual(pixel(image, 5, 5), red);
		assert.deepEqual(pixel(image, 60, 30), yellow);
	});

	it('keeps transparency', () => {
		const image = decoded(readFileSync(fixture('transparent.png')));
		assert.equal(pixel(image, 3, 3)[3], 0);
		assert.deepEqual(pixel(image, 20, 3), [255, 0, 255, 255]);
		assert.deepEqual(pixel(image, 20, 30), [255, 0, 255, 64]);
	});

	it('turns a JPEG as its EXIF orientation says (6: a quarter turn clockwise)', () => {
		const plain = readFileSync(fixture('quadrants.jpg'));
		const turned = Buffer.concat([plain.subarray(0, 2), exifSegment(6), plain.subarray(2)]);
		const header = imageHeaderOf(turned);
		assert.ok(header.ok);
		assert.deepEqual([header.width, header.height, header.orientation], [32, 64, 6]);
		const image = decoded(turned);
		assert.deepEqual([image.width, image.height], [32, 64]);
		// Blue was bottom left; turned clockwise it is top left, red top right, green bottom right, yellow bottom left.
		assertPixelNear(pixel(image, 8, 8), blue, 8, 'top left');
		assertPixelNear(pixel(image, 24, 8), red, 8, 'top right');
		assertPixelNear(pixel(image, 24, 56), green, 8, 'bottom right');
		assertPixelNear(pixel(image, 8, 56), yellow, 8, 'bottom left');
	});

	it('orients all eight ways like a viewer', () => {
		// A 2x1 picture: A B. Each orientation as displayed, row by row.
		const a = [1, 0, 0, 255];
		const b = [2, 0, 0, 255];
		const image: RgbaImage = {width: 2, height: 1, data: new Uint8Array([...a, ...b])};
		const expected: Record<number, number[][]> = {1: [a, b], 2: [b, a], 3: [b, a], 4: [a, b], 5: [a, b], 6: [a, b], 7: [b, a], 8: [b, a]};
		for (let orientation = 1; orientation <= 8; orientation++) {
			const out = orient(image, orientation);
			assert.deepEqual([out.width, out.height], orientation >= 5 ? [1, 2] : [2, 1], `orientation ${orientation}`);
			const pixels = [pixel(out, 0, 0), orientation >= 5 ? pixel(out, 0, 1) : pixel(out, 1, 0)];
			assert.deepEqual(pixels, expected[orientation], `orientation ${orientation}`);
		}
	});

	it('keeps very large pictures shrunk (alpha-weighted averages)', () => {
		const width = maxKeptSide * 2 + 1;
		const data = new Uint8Array(width * 2 * 4);
		for (let x = 0; x < width; x++) {
			// Transparent red, then opaque blue, alternating: the average is opaque-ish blue, never purple.
			data.set(x % 2 === 0 ? [255, 0, 0, 0] : [0, 0, 255, 255], x * 4);
			data.set([0, 0, 255, 255], (width + x) * 4);
		}

		const small = shrink({width, height: 2, data});
		assert.equal(small.width, Math.ceil(width / 3));
		assert.ok(small.width <= maxKeptSide);
		assert.equal(small.height, 1);
		const [r, g, b, alpha] = pixel(small, 10, 0);
		assert.deepEqual([r, g, b], [0, 0, 255]);
		assert.ok(alpha! > 150 && alpha! < 255, `alpha ${alpha}`);
		assert.equal(shrink({width: 10, height: 10, data: new Uint8Array(400)}).width, 10, 'small pictures stay as they are');
	});
});

describe('limits and broken files: a reason, never a throw', () => {
	it('a file cut short', () => {
		const result = decodeImage(readFileSync(fixture('corrupt.png')));
		assert.deepEqual(result, {ok: false, code: 'corrupt', reason: 'corrupt PNG: the file is cut short'});
		assert.deepEqual(inspectImage(fixture('corrupt.png')), result);
	});

	it('damaged pixel data: the header check passes, inflating (check) and decoding say why not', async () => {
		assert.deepEqual(inspectImage(fixture('damaged.png')), {ok: true, format: 'png', width: 64, height: 32});
		assert.deepEqual(await checkImage(fixture('damaged.png')), {
			ok: false,
			code: 'corrupt',
			reason: 'corrupt PNG: the pixel data is damaged (invalid code lengths set)',
		});
		const result = decodeImage(readFileSync(fixture('damaged.png')));
		assert.equal(result.ok, false);
		assert.match(result.ok ? '' : result.reason, /^corrupt PNG: /);
	});

	it('SVG and other formats are unsupported, said by name', () => {
		assert.deepEqual(inspectImage(fixture('logo.svg')), {ok: false, code: 'unsupported', reason: 'SVG pictures are not drawn (PNG, JPEG and GIF are)'});
		const webp = Buffer.concat([Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ', 'latin1'), Buffer.alloc(40)]);
		assert.match(imageHeaderOf(webp).ok ? '' : (imageHeaderOf(webp) as {reason: string}).reason, /^WebP pictures are not drawn/);
		assert.deepEqual(decodeImage(Buffer.from('hello, world')), {ok: false, code: 'corrupt', reason: 'not a PNG, JPEG or GIF image'});
		assert.deepEqual(decodeImage(new Uint8Array(0)), {ok: false, code: 'corrupt', reason: 'the file is empty'});
	});

	it('lossless and 12-bit JPEGs are unsupported', () => {
		assert.equal((imageHeaderOf(jpegHeaderOnly(10, 10, 0xc3)) as {code: string}).code, 'unsupported');
		const twelveBit = jpegHeaderOnly(10, 10);
		twelveBit[6] = 12;
		assert.match((imageHeaderOf(twelveBit) as {reason: string}).reason, /12-bit/);
	});

	it(`images over ${maxPixels / 1_000_000} megapixels are refused from the header, before decoding`, () => {
		for (const [format, bytes] of [
			['png', pngHeaderOnly(8000, 6000)],
			['jpeg', jpegHeaderOnly(8000, 6000)],
			['gif', gifHeaderOnly(65_535, 65_535)],
		] as const) {
			const result = decodeImage(bytes);
			assert.equal(result.ok, false, format);
			assert.equal(result.ok ? '' : result.code, 'too-large', format);
		}

		assert.match((decodeImage(pngHeaderOnly(8000, 6000)) as {reason: string}).reason, /8000×6000 \(48 megapixels\), over the 16 megapixel limit/);
		assert.equal(imageHeaderOf(pngHeaderOnly(4000, 4000)).ok, true, '16 megapixels exactly is allowed');
	});

	it(`images over ${maxSide} pixels on a side are refused from the header`, () => {
		assert.deepEqual(imageHeaderOf(pngHeaderOnly(maxSide + 1, 1)), {
			ok: false,
			code: 'too-large',
			reason: 'the image is 16385×1, over the 16384 pixel limit on a side',
		});
		assert.equal((imageHeaderOf(jpegHeaderOnly(1, maxSide + 1)) as {code: string}).code, 'too-large');
		assert.equal(imageHeaderOf(pngHeaderOnly(maxSide, 1)).ok, true);
	});

	it(`files over ${maxFileBytes / 1024 / 1024} MB are refused without reading them`, () => {
		const path = join(scratch, 'huge.png');
		writeFileSync(path, pngHeaderOnly(10, 10));
		truncateSync(path, maxFileBytes + 1);
		const result = inspectImage(path);
		assert.equal(result.ok, false);
		assert.equal(result.ok ? '' : result.code, 'too-large');
		assert.match(result.ok ? '' : result.reason, /over the 20 MB limit/);
	});

	it('inspectImage: sizes from headers, a reason for files that cannot be read', () => {
		assert.deepEqual(inspectImage(fixture('quadrants.jpg')), {ok: true, format: 'jpeg', width: 64, height: 32});
		assert.deepEqual(inspectImage(fixture('two-frames.gif')), {ok: true, format: 'gif', width: 64, height: 32});
		assert.deepEqual(inspectImage(fixture('wide.png')), {ok: true, format: 'png', width: 160, height: 90});
		assert.deepEqual(inspectImage(fixture('not-here.png')), {ok: false, code: 'unreadable', reason: 'not found'});
		assert.deepEqual(inspectImage(fixtureFolder), {ok: false, code: 'unreadable', reason: 'is a folder, not an image file'});
		const turned = join(scratch, 'turned.jpg');
		writeFileSync(turned, jpegHeaderOnly(300, 200, 0xc0, 8));
		assert.deepEqual(inspectImage(turned), {ok: true, format: 'jpeg', width: 200, height: 300});
	});

	// GIFs are left out: omggif can loop forever on damaged LZW data (fixtures/images/hangs.gif); the store's time limit covers that (image-store.test.ts).
	it('mutated and cut PNGs and JPEGs never make the decoder throw', () => {
		let seed = 12_345;
		const random = () => {
			seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
			return seed / 2_147_483_648;
		};

		let failures = 0;
		for (const name of ['quadrants.png', 'quadrants.jpg', 'transparent.png', 'wide.png']) {
			const original = readFileSync(fixture(name));
			for (let round = 0; round < 60; round++) {
				const bytes = Buffer.from(original.subarray(0, round % 3 === 0 ? Math.floor(random() * original.length) : original.length));
				for (let flips = 0; flips < 1 + Math.floor(random() * 4); flips++) {
					const at = Math.floor(random() * bytes.length);
					if (bytes.length > 0) bytes[at] = Math.floor(random() * 256);
				}

				const result = decodeImage(bytes, name);
				if (result.ok) {
					assert.equal(result.image.data.length, result.image.width * result.image.height * 4);
				} else {
					failures++;
					assert.ok(result.reason.length > 0 && result.reason.length <= 120, result.reason);
					assert.doesNotMatch(result.reason, /[\u0000-\u001F]/);
				}
			}
		}

		assert.ok(failures > 0, 'some mutations are caught');
	});
});
