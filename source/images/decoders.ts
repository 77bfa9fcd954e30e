/**
 * Decoding PNG, JPEG and GIF (first frame) files to RGBA, and the image
 * worker. Loaded only with `import()`, so the bundle keeps the decoders in a
 * chunk of their own that is read when a deck first shows an image.
 *
 * This module is also the worker's script: started as a worker with
 * `workerData.lecternImages`, it answers decode and fit requests (see
 * decoder-worker.ts), so the work of either never blocks the player.
 */
import {isMainThread, parentPort, workerData, type MessagePort} from 'node:worker_threads';
import decodeJpeg from 'jpeg-js/lib/decoder.js';
import omggif from 'omggif';
import {resizePremultiplied, type PremultipliedImage, type RgbaImage} from '../raster/scale.js';
import {decodePng} from './decode-png.js';
import {encodePicture, type EncodedPicture} from './encode.js';
import {imageHeaderOf, maxPixels, type ImageHeader} from './header.js';
import {problem, type ImageProblem} from './image-problem.js';

/** Larger pictures are kept shrunk to about this many pixels on their longer side (no terminal needs more). */
export const maxKeptSide = 1600;

export type Decoded = {readonly ok: true; readonly image: RgbaImage; readonly format: ImageHeader['format']};

/** The URL of this module: the worker's script. */
export const workerScript: URL = new URL(import.meta.url);

/** Decodes an image file's bytes; never throws. `name` (the file name) only helps tell what an unsupported file is. */
export function decodeImage(bytes: Uint8Array, name = ''): Decoded | ImageProblem {
	const header = imageHeaderOf(bytes, name);
	if (!header.ok) return header;
	let image: RgbaImage;
	try {
		image = decodePixels(bytes, header);
	} catch (error) {
		return problem('corrupt', `corrupt ${header.format.toUpperCase()}: ${errorText(error)}`);
	}

	if (image.width * image.height > maxPixels) return problem('too-large', `the image is over the ${maxPixels / 1_000_000} megapixel limit`);
	return {ok: true, image: shrink(orient(image, header.orientation)), format: header.format};
}

function decodePixels(bytes: Uint8Array, header: ImageHeader): RgbaImage {
	switch (header.format) {
		case 'png': {
			return decodePng(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
		}

		case 'jpeg': {
			const {width, height, data} = decodeJpeg(bytes, {
				useTArray: true,
				formatAsRGBA: true,
				tolerantDecoding: true,
				maxResolutionInMP: maxPixels / 1_000_000,
				maxMemoryUsageInMB: 1024,
			});
			return {width, height, data};
		}

		case 'gif': {
			const reader = new omggif.GifReader(bytes);
			if (reader.numFrames() < 1) throw new Error('no frames');
			const data = new Uint8Array(reader.width * reader.height * 4);
			// A damaged frame is drawn as far as it goes; omggif says so on the console, which belongs to the player.
			quietly(() => {
				reader.decodeAndBlitFrameRGBA(0, data);
			});
			return {width: reader.width, height: reader.height, data};
		}
	}
}

function quietly(run: () => void): void {
	const log = console.log;
	console.log = () => undefined;
	try {
		run();
	} finally {
		console.log = log;
	}
}

function errorText(error: unknown): string {
	const text = error instanceof Error ? error.message : String(error);
	const clean = text.replace(/[\u0000-\u001F\u007F-\u009F]+/g, ' ').trim();
	return (clean.length > 60 ? `${clean.slice(0, 59)}…` : clean) || 'cannot be decoded';
}

/** The picture turned as its EXIF orientation (1-8) says, as a viewer shows it. */
export function orient(image: RgbaImage, orientation: number): RgbaImage {
	if (orientation <= 1 || orientation > 8) return image;
	const {width, height, data} = image;
	const turned = orientation >= 5;
	const outWidth = turned ? height : width;
	const outHeight = turned ? width : height;
	const out = new Uint8Array(width * height * 4);
	for (let y = 0; y < outHeight; y++) {
		for (let x = 0; x < outWidth; x++) {
			let sx: number;
			let sy: number;
			switch (orientation) {
				case 2: {
					sx = width - 1 - x;
					sy = y;
					break;
				}

				case 3: {
					sx = width - 1 - x;
					sy = height - 1 - y;
					break;
				}

				case 4: {
					sx = x;
					sy = height - 1 - y;
					break;
				}

				case 5: {
					sx = y;
					sy = x;
					break;
				}

				case 6: {
					sx = y;
					sy = height - 1 - x;
					break;
				}

				case 7: {
					sx = width - 1 - y;
					sy = height - 1 - x;
					break;
				}

				default: {
					sx = width - 1 - y;
					sy = x;
				}
			}

			const from = (sy * width + sx) * 4;
			const to = (y * outWidth + x) * 4;
			out[to] = data[from]!;
			out[to + 1] = data[from + 1]!;
			out[to + 2] = data[from + 2]!;
			out[to + 3] = data[from + 3]!;
		}
	}

	return {width: outWidth, height: outHeight, data: out};
}

/**
 * A picture longer than `maxKeptSide` averaged down by a whole factor
 * (colours weighted by alpha, as scale.ts does), in bytes: scale.ts would make
 * a float copy of the whole picture first, 16 bytes a pixel.
 */
export function shrink(image: RgbaImage): RgbaImage {
	const factor = Math.ceil(Math.max(image.width, image.height) / maxKeptSide);
	if (factor <= 1) return image;
	const {width, height, data} = image;
	const outWidth = Math.ceil(width / factor);
	const outHeight = Math.ceil(height / factor);
	const out = new Uint8Array(outWidth * outHeight * 4);
	const sums = new Float64Array(outWidth * 5);
	for (let outY = 0; outY < outHeight; outY++) {
		sums.fill(0);
		for (let y = outY * factor; y < Math.min(height, (outY + 1) * factor); y++) {
			for (let x = 0; x < width; x++) {
				const from = (y * width + x) * 4;
				const alpha = data[from + 3]!;
				const sum = Math.floor(x / factor) * 5;
				sums[sum]! += data[from]! * alpha;
				sums[sum + 1]! += data[from + 1]! * alpha;
				sums[sum + 2]! += data[from + 2]! * alpha;
				sums[sum + 3]! += alpha;
				sums[sum + 4]!++;
			}
		}

		for (let outX = 0; outX < outWidth; outX++) {
			const sum = outX * 5;
			const alpha = sums[sum + 3]!;
			const to = (outY * outWidth + outX) * 4;
			if (alpha > 0) {
				out[to] = Math.round(sums[sum]! / alpha);
				out[to + 1] = Math.round(sums[sum + 1]! / alpha);
				out[to + 2] = Math.round(sums[sum + 2]! / alpha);
			}

			out[to + 3] = Math.round(alpha / sums[sum + 4]!);
		}
	}

	return {width: outWidth, height: outHeight, data: out};
}

/** The picture resampled to `width` x `height` pixels (premultiplied, as the painter takes it). */
export function fitPixels(image: RgbaImage, width: number, height: number): PremultipliedImage {
	return resizePremultiplied(image, width, height);
}

// The worker -----------------------------------------------------------------

/** A request to the worker. With `sync`, the answer goes to that port and `signal[0]` turns 1 (for a caller blocked in Atomics.wait). */
export type WorkerRequest = (
	| {readonly id: number; readonly kind: 'decode'; readonly bytes: Uint8Array; readonly name: string}
	| {readonly id: number; readonly kind: 'fit'; readonly image: RgbaImage; readonly width: number; readonly height: number}
	| {
			readonly id: number;
			readonly kind: 'encode';
			readonly image: RgbaImage;
			readonly width: number;
			readonly height: number;
			readonly format: EncodedPicture['format'];
			readonly maxBytes?: number;
	  }
) & {readonly sync?: {readonly port: MessagePort; readonly signal: Int32Array}};

export type WorkerReply =
	| {readonly id: number; readonly ok: true; readonly kind: 'decode'; readonly image: RgbaImage}
	| {readonly id: number; readonly ok: true; readonly kind: 'fit'; readonly image: PremultipliedImage}
	| {readonly id: number; readonly ok: true; readonly kind: 'encode'; readonly picture: EncodedPicture}
	| (ImageProblem & {readonly id: number});

/** Marks a worker started on this module. */
export const workerMark = 'lecternImages';

/** The answer to one request, on whatever thread runs it; never throws. Decoded pixels are put in shared memory when `share` is set. */
export function answer(request: WorkerRequest, share = false): WorkerReply {
	try {
		if (request.kind === 'fit') return {id: request.id, ok: true, kind: 'fit', image: fitPixels(request.image, request.width, request.height)};
		if (request.kind === 'encode') {
			const picture = encodePicture(request.image, request.width, request.height, request.format, request.maxBytes);
			return {id: request.id, ok: true, kind: 'encode', picture};
		}

		const decoded = decodeImage(request.bytes, request.name);
		if (!decoded.ok) return {...decoded, id: request.id};
		if (!share) return {id: request.id, ok: true, kind: 'decode', image: decoded.image};
		// Shared memory: the picture goes to the store without a copy, and back here for each fit without one.
		const {width, height, data} = decoded.image;
		const shared = new Uint8Array(new SharedArrayBuffer(data.byteLength));
		shared.set(data);
		return {id: request.id, ok: true, kind: 'decode', image: {width, height, data: shared}};
	} catch (error) {
		return {...problem('corrupt', errorText(error)), id: request.id};
	}
}

/** What the worker says once it is listening (and sets `ready[0]` to 1 for a caller that waits on it). */
export type WorkerStarted = {readonly started: true};

function serve(port: MessagePort, ready: Int32Array | undefined): void {
	// Decoders may log warnings; the worker shares the player's terminal, so it says nothing.
	for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) console[method] = () => undefined;
	port.on('message', (request: WorkerRequest) => {
		const reply = answer(request, true);
		const transfer = reply.ok && reply.kind !== 'decode' ? [(reply.kind === 'fit' ? reply.image.data : reply.picture.bytes).buffer as ArrayBuffer] : [];
		if (request.sync) {
			request.sync.port.postMessage(reply, transfer);
			request.sync.port.close();
			Atomics.store(request.sync.signal, 0, 1);
			Atomics.notify(request.sync.signal, 0);
		} else {
			port.postMessage(reply, transfer);
		}
	});
	if (ready) {
		Atomics.store(ready, 0, 1);
		Atomics.notify(ready, 0);
	}

	port.postMessage({started: true} satisfies WorkerStarted);
}

/** The data a worker on this module is started with: `ready` turns 1 when it listens. */
export type WorkerData = {readonly [workerMark]: true; readonly ready?: Int32Array};

const data = workerData as Partial<WorkerData> | undefined;
if (!isMainThread && parentPort && data?.[workerMark] === true) serve(parentPort, data.ready);
