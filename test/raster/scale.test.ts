import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {resize, resizePremultiplied, type RgbaImage} from '../../source/raster/scale.js';

function image(width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number]): RgbaImage {
	const data = new Uint8Array(width * height * 4);
	for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(pixel(x, y), (y * width + x) * 4);
	return {width, height, data};
}

const at = (picture: RgbaImage, x: number, y: number) => [...picture.data.subarray((y * picture.width + x) * 4, (y * picture.width + x) * 4 + 4)];

describe('resize', () => {
	it('averages a 2x2 checker to its mean colour', () => {
		const checker = image(2, 2, (x, y) => ((x + y) % 2 === 0 ? [255, 0, 0, 255] : [0, 0, 255, 255]));
		assert.deepEqual(at(resize(checker, 1, 1), 0, 0), [128, 0, 128, 255]);
		const grey = image(2, 2, (x, y) => ((x + y) % 2 === 0 ? [0, 0, 0, 255] : [200, 100, 50, 255]));
		assert.deepEqual(at(resize(grey, 1, 1), 0, 0), [100, 50, 25, 255]);
	});

	it('averages by area: a 64-pixel checker of 2x2 squares becomes flat at every smaller size', () => {
		const checker = image(64, 64, (x, y) => ((Math.floor(x / 2) + Math.floor(y / 2)) % 2 === 0 ? [240, 40, 0, 255] : [0, 40, 240, 255]));
		const half = resize(checker, 16, 16);
		for (let y = 0; y < 16; y++) for (let x = 0; x < 16; x++) assert.deepEqual(at(half, x, y), [120, 40, 120, 255]);
		// Fractional footprints (64 -> 24: 2.67 pixels each) still weigh each source pixel by its area.
		const total = [0, 0, 0];
		const odd = resize(checker, 24, 24);
		for (let y = 0; y < 24; y++)
			for (let x = 0; x < 24; x++)
				at(odd, x, y)
					.slice(0, 3)
					.forEach((value, channel) => (total[channel]! += value));
		assert.deepEqual(
			total.map(sum => Math.round(sum / (24 * 24))),
			[120, 40, 120],
		);
	});

	it('keeps the total coverage of a half-transparent image and never lets transparent colour bleed in', () => {
		// Left half opaque green, right half transparent "white" (a colour no one should see).
		const half = image(8, 8, x => (x < 4 ? [0, 200, 0, 255] : [255, 255, 255, 0]));
		const small = resize(half, 3, 1);
		assert.deepEqual(at(small, 0, 0), [0, 200, 0, 255]);
		assert.deepEqual(at(small, 1, 0), [0, 200, 0, 128], 'colour un-premultiplied: still pure green');
		assert.deepEqual(at(small, 2, 0), [0, 0, 0, 0]);
		const premultiplied = resizePremultiplied(half, 1, 1);
		assert.deepEqual([...premultiplied.data].map(Math.round), [0, 100, 0, 128]);
	});

	it('enlarges bilinearly: flat areas stay flat, ramps stay monotonic, edges stay in range', () => {
		const flat = resize(
			image(4, 4, () => [10, 20, 30, 255]),
			9,
			9,
		);
		for (let y = 0; y < 9; y++) for (let x = 0; x < 9; x++) assert.deepEqual(at(flat, x, y), [10, 20, 30, 255]);
		const ramp = resize(
			image(2, 1, x => (x === 0 ? [0, 0, 0, 255] : [255, 255, 255, 255])),
			8,
			1,
		);
		const reds = Array.from({length: 8}, (_, x) => at(ramp, x, 0)[0]!);
		assert.deepEqual(
			reds,
			[...reds].sort((a, b) => a - b),
		);
		assert.equal(reds[0], 0);
		assert.equal(reds[7], 255);
	});

	it('copies an image of the same size and handles empty sizes', () => {
		const one = image(3, 2, (x, y) => [x * 50, y * 50, 7, 255]);
		assert.deepEqual([...resize(one, 3, 2).data], [...one.data]);
		assert.equal(resize(one, 0, 5).data.length, 0);
	});
});
