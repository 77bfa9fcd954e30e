/**
 * Pictures for a terminal's own image protocol: the decoded picture scaled to
 * the size it is shown at and encoded as the terminal takes it, RGBA pixels
 * compressed with zlib (kitty) or a PNG file (iTerm2). Runs in the image
 * worker (it is part of the decoder chunk).
 */
import {deflateSync} from 'node:zlib';
import packPng from 'pngjs/lib/packer-sync.js';
import {resize, type RgbaImage} from '../raster/scale.js';

export type EncodedPicture = {readonly format: 'png' | 'rgba'; readonly width: number; readonly height: number; readonly bytes: Uint8Array};

/**
 * `image` at `width` x `height` as `format`. With `maxBytes`, a PNG that
 * comes out larger is made again smaller (a few times at most), so a photo
 * stays a size a terminal takes in one piece.
 */
export function encodePicture(image: RgbaImage, width: number, height: number, format: 'png' | 'rgba', maxBytes = Number.POSITIVE_INFINITY): EncodedPicture {
	let size = {width, height};
	for (let attempt = 0; ; attempt++) {
		const pixels = size.width === image.width && size.height === image.height ? image : resize(image, size.width, size.height);
		const data = Buffer.from(pixels.data.buffer, pixels.data.byteOffset, pixels.data.byteLength);
		const bytes = format === 'rgba' ? deflateSync(data) : packPng({width: size.width, height: size.height, data}, {});
		if (bytes.byteLength <= maxBytes || attempt >= 3 || Math.max(size.width, size.height) <= 16) {
			// A copy in an ArrayBuffer of its own, to hand over from the worker (a small Buffer is a view of a shared pool).
			return {format, ...size, bytes: new Uint8Array(bytes)};
		}

		const shrink = Math.sqrt(maxBytes / bytes.byteLength) * 0.9;
		size = {width: Math.max(1, Math.round(size.width * shrink)), height: Math.max(1, Math.round(size.height * shrink))};
	}
}
