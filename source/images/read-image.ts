/**
 * Reading an image file and decoding it (in the decoders' worker), as a
 * settled outcome: the decoded picture, or why there is none. Asynchronous
 * for the player, synchronous for `print`.
 */
import {basename} from 'node:path';
import type {RgbaImage} from '../raster/scale.js';
import type {WorkerReply} from './decoders.js';
import {tooLong, WorkerRestarted, type DecoderWorker, type Decoders} from './decoder-worker.js';
import {imageHeaderOf, maxFileBytes} from './header.js';
import {imageFileReason} from './inspect-image.js';
import {FileRefused, readRegularFile, readRegularFileSync} from '../files/read-regular.js';

/** What became of a file. */
export type Settled = {readonly state: 'ready'; readonly image: RgbaImage} | {readonly state: 'missing' | 'failed'; readonly reason: string};

/** The file read and decoded; 'again' when the work was lost to a worker restart. */
export async function readImage(path: string, worker: DecoderWorker, decodeTimeoutMs: number): Promise<Settled | 'again'> {
	let bytes: Uint8Array;
	try {
		bytes = await readRegularFile(path, maxFileBytes);
	} catch (error) {
		return readFailure(error);
	}

	try {
		const request = {kind: 'decode', bytes: ownBytes(bytes), name: basename(path)} as const;
		return settledDecode(await worker.run(request, timeoutFor(bytes, decodeTimeoutMs)));
	} catch (error) {
		if (error instanceof WorkerRestarted) return 'again';
		return {state: 'failed', reason: error instanceof Error ? error.message : String(error)};
	}
}

/** The file read and decoded before returning (the decode within its time limit). */
export function readImageSync(path: string, worker: DecoderWorker, decoders: Decoders, decodeTimeoutMs: number): Settled {
	let bytes: Uint8Array;
	try {
		bytes = readRegularFileSync(path, maxFileBytes);
	} catch (error) {
		return readFailure(error);
	}

	const timeoutMs = timeoutFor(bytes, decodeTimeoutMs);
	const reply = worker.runSync({kind: 'decode', bytes, name: basename(path)}, timeoutMs, decoders);
	return reply ? settledDecode(reply) : {state: 'failed', reason: tooLong(timeoutMs)};
}

/**
 * The time one job on a picture may take: the base limit and two seconds per megapixel.
 * Pixels are capped (16 MP) and checked against the file before decoding, so this only
 * stops a decoder gone wrong; it is generous because a loaded machine (a build beside the
 * talk) decodes a legitimate 16 MP JPEG five times slower than a quiet one.
 */
export const timeLimitFor = (pixels: number, baseMs: number): number => baseMs + pixels / 500;

function timeoutFor(bytes: Uint8Array, decodeTimeoutMs: number): number {
	const header = imageHeaderOf(bytes);
	return timeLimitFor(header.ok ? header.width * header.height : 0, decodeTimeoutMs);
}

function readFailure(error: unknown): Settled {
	return {state: error instanceof FileRefused && error.code === 'missing' ? 'missing' : 'failed', reason: imageFileReason(error)};
}

function settledDecode(reply: WorkerReply): Settled {
	if (!reply.ok) return {state: 'failed', reason: reply.reason};
	if (reply.kind !== 'decode') return {state: 'failed', reason: 'the image decoder answered something else'};
	return {state: 'ready', image: reply.image};
}

/** The bytes in an ArrayBuffer of their own, to hand to the worker. */
function ownBytes(bytes: Uint8Array): Uint8Array {
	if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && !(bytes.buffer instanceof SharedArrayBuffer)) {
		return new Uint8Array(bytes.buffer, 0, bytes.byteLength);
	}

	return bytes.slice();
}
