/**
 * Resampling RGBA images: area averaging (a box filter over the exact
 * fractional footprint of each output pixel) when shrinking, bilinear
 * interpolation when enlarging, each axis on its own. Colours are averaged
 * premultiplied by alpha, so transparent pixels (whatever colour they carry)
 * never tint the edges.
 *
 * Pure.
 */

/** Pixels row by row, 4 bytes each: red, green, blue, alpha (straight, not premultiplied). */
export type RgbaImage = {
	readonly width: number;
	readonly height: number;
	readonly data: Uint8Array | Uint8ClampedArray;
};

/** Pixels row by row, 4 floats each: red, green and blue premultiplied by alpha, then alpha, all 0-255. */
export type PremultipliedImage = {
	readonly width: number;
	readonly height: number;
	readonly data: Float32Array;
};

/** For each output position along one axis: the first input position and the weights from there (summing to 1). */
type Taps = {readonly start: Int32Array; readonly count: Int32Array; readonly weights: Float32Array; readonly stride: number};

function axisTaps(source: number, target: number): Taps {
	if (target <= source) {
		// Box filter: output pixel o covers input [o * scale, (o + 1) * scale).
		const scale = source / target;
		const stride = Math.ceil(scale) + 1;
		const start = new Int32Array(target);
		const count = new Int32Array(target);
		const weights = new Float32Array(target * stride);
		for (let out = 0; out < target; out++) {
			const low = out * scale;
			const high = Math.min(source, (out + 1) * scale);
			const first = Math.floor(low);
			let taps = 0;
			for (let input = first; input < high && taps < stride; input++) {
				const overlap = Math.min(high, input + 1) - Math.max(low, input);
				if (overlap <= 0) continue;
				weights[out * stride + taps] = overlap / scale;
				taps++;
			}

			start[out] = first;
			count[out] = taps;
		}

		return {start, count, weights, stride};
	}

	// Bilinear: sample at the output pixel's centre, mapped into the input, edges clamped.
	const stride = 2;
	const start = new Int32Array(target);
	const count = new Int32Array(target);
	const weights = new Float32Array(target * stride);
	for (let out = 0; out < target; out++) {
		const position = Math.min(source - 1, Math.max(0, ((out + 0.5) * source) / target - 0.5));
		const first = Math.min(source - 1, Math.floor(position));
		const fraction = position - first;
		start[out] = first;
		if (first + 1 < source && fraction > 0) {
			count[out] = 2;
			weights[out * stride] = 1 - fraction;
			weights[out * stride + 1] = fraction;
		} else {
			count[out] = 1;
			weights[out * stride] = 1;
		}
	}

	return {start, count, weights, stride};
}

function premultiply(image: RgbaImage): PremultipliedImage {
	const data = new Float32Array(image.width * image.height * 4);
	for (let index = 0; index < data.length; index += 4) {
		const alpha = image.data[index + 3]!;
		const factor = alpha / 255;
		data[index] = image.data[index]! * factor;
		data[index + 1] = image.data[index + 1]! * factor;
		data[index + 2] = image.data[index + 2]! * factor;
		data[index + 3] = alpha;
	}

	return {width: image.width, height: image.height, data};
}

function unpremultiply(image: PremultipliedImage): RgbaImage {
	const data = new Uint8ClampedArray(image.width * image.height * 4);
	for (let index = 0; index < data.length; index += 4) {
		const alpha = image.data[index + 3]!;
		if (alpha <= 0) continue;
		const factor = 255 / alpha;
		data[index] = Math.round(image.data[index]! * factor);
		data[index + 1] = Math.round(image.data[index + 1]! * factor);
		data[index + 2] = Math.round(image.data[index + 2]! * factor);
		data[index + 3] = Math.round(alpha);
	}

	return {width: image.width, height: image.height, data};
}

/** The image resampled to `width` x `height`, premultiplied. */
export function resizePremultiplied(image: RgbaImage | PremultipliedImage, width: number, height: number): PremultipliedImage {
	const source = image.data instanceof Float32Array ? (image as PremultipliedImage) : premultiply(image as RgbaImage);
	const targetWidth = Math.max(0, Math.floor(width));
	const targetHeight = Math.max(0, Math.floor(height));
	if (targetWidth === 0 || targetHeight === 0 || source.width === 0 || source.height === 0) {
		return {width: targetWidth, height: targetHeight, data: new Float32Array(targetWidth * targetHeight * 4)};
	}

	if (targetWidth === source.width && targetHeight === source.height) return {...source, data: source.data.slice()};

	// Horizontal pass: source.height rows of targetWidth pixels.
	const horizontal = axisTaps(source.width, targetWidth);
	const middle = new Float32Array(targetWidth * source.height * 4);
	for (let row = 0; row < source.height; row++) {
		for (let column = 0; column < targetWidth; column++) {
			let r = 0;
			let g = 0;
			let b = 0;
			let a = 0;
			const first = horizontal.start[column]!;
			for (let tap = 0; tap < horizontal.count[column]!; tap++) {
				const weight = horizontal.weights[column * horizontal.stride + tap]!;
				const index = (row * source.width + first + tap) * 4;
				r += source.data[index]! * weight;
				g += source.data[index + 1]! * weight;
				b += source.data[index + 2]! * weight;
				a += source.data[index + 3]! * weight;
			}

			const out = (row * targetWidth + column) * 4;
			middle[out] = r;
			middle[out + 1] = g;
			middle[out + 2] = b;
			middle[out + 3] = a;
		}
	}

	// Vertical pass.
	const vertical = axisTaps(source.height, targetHeight);
	const data = new Float32Array(targetWidth * targetHeight * 4);
	for (let row = 0; row < targetHeight; row++) {
		const first = vertical.start[row]!;
		for (let tap = 0; tap < vertical.count[row]!; tap++) {
			const weight = vertical.weights[row * vertical.stride + tap]!;
			const from = (first + tap) * targetWidth * 4;
			const to = row * targetWidth * 4;
			for (let index = 0; index < targetWidth * 4; index++) data[to + index]! += middle[from + index]! * weight;
		}
	}

	return {width: targetWidth, height: targetHeight, data};
}

/** The image resampled to `width` x `height` (straight alpha, rounded to bytes). */
export function resize(image: RgbaImage, width: number, height: number): RgbaImage {
	return unpremultiply(resizePremultiplied(image, width, height));
}
